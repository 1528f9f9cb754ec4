package org.primarypipeline.console.contacts;

import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.SignedInMember;
import org.primarypipeline.contacts.TextBanks;
import org.springframework.stereotype.Service;

/** A texter takes the next contacts of the campaign's open text bank that nobody holds (dynamic assignment). */
@Service
public class TakeTexts {

    /** How many contacts one request hands out. */
    static final int BATCH = 25;

    private final TextBanks texts;
    private final AuditLog audit;

    public TakeTexts(TextBanks texts, AuditLog audit) {
        this.texts = texts;
        this.audit = audit;
    }

    public int perform(SignedInMember me, String cycleId) {
        TextBanks.TextBank bank = TextingCommands.open(texts, cycleId);
        int taken = texts.take(bank, me.memberId(), BATCH);
        TextingCommands.audited(
                audit,
                me.memberId(),
                "contacts.text.take",
                "text bank " + bank.id(),
                true,
                taken + " contacts taken",
                new Taken(bank.id(), taken));
        return taken;
    }

    record Taken(long bank, int contacts) {}
}
