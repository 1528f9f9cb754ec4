package org.primarypipeline.console.contacts;

import java.util.Map;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.SignedInMember;
import org.primarypipeline.contacts.Contact;
import org.primarypipeline.contacts.PhoneBanks;
import org.primarypipeline.contacts.TextBanks;
import org.springframework.stereotype.Service;

/**
 * A texter sends a message with one click: the bank's initial message to one contact they hold (its merge
 * fields filled), or a reply in a conversation they hold. Each goes through the outbox once (the dedup key
 * names the contact, or the reply's form), and the outbox drops it if the number has opted out meanwhile.
 */
@Service
public class SendText {

    private final TextBanks texts;
    private final PhoneBanks contacts;
    private final CallReadModel reads;
    private final AuditLog audit;

    public SendText(TextBanks texts, PhoneBanks contacts, CallReadModel reads, AuditLog audit) {
        this.texts = texts;
        this.contacts = contacts;
        this.reads = reads;
        this.audit = audit;
    }

    public void initial(SignedInMember me, String cycleId, long contactId) {
        TextBanks.TextBank bank = TextingCommands.open(texts, cycleId);
        Contact c = contacts.contact(contactId).orElseThrow(() -> new IllegalArgumentException("no such contact"));
        String body = MergeFields.fill(
                bank.initialMessage(),
                Map.of(
                        "firstName", c.firstName(),
                        "fullName", c.fullName(),
                        "volunteerName", reads.memberName(me.memberId()),
                        "candidateName", reads.candidateName(cycleId).orElse("")));
        boolean sent = texts.sendInitial(bank, contactId, me.memberId(), body);
        TextingCommands.audited(
                audit,
                me.memberId(),
                "contacts.text.send",
                "contact " + contactId,
                sent,
                sent ? "initial text queued" : "the texter does not hold this contact",
                null);
        if (!sent) {
            throw new IllegalArgumentException("this contact is not one of yours");
        }
    }

    public void reply(SignedInMember me, String cycleId, long contactId, String body, String key) {
        if (body == null || body.isBlank() || body.length() > 640) {
            throw new RecordCall.Refused("body", "text.error-body");
        }
        TextBanks.TextBank bank = TextingCommands.open(texts, cycleId);
        boolean sent = texts.reply(bank, contactId, me.memberId(), body.trim(), key);
        TextingCommands.audited(
                audit,
                me.memberId(),
                "contacts.text.reply",
                "contact " + contactId,
                sent,
                sent ? "reply queued" : "the texter does not hold this conversation",
                null);
        if (!sent) {
            throw new IllegalArgumentException("this conversation is not one of yours");
        }
    }
}
