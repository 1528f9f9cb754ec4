package org.primarypipeline.console.contacts;

import java.util.LinkedHashMap;
import java.util.Map;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.SignedInMember;
import org.primarypipeline.contacts.ContactAttempts;
import org.primarypipeline.contacts.ContactResult;
import org.primarypipeline.contacts.PhoneBanks;
import org.primarypipeline.contacts.TextBanks;
import org.primarypipeline.contacts.Universe;
import org.springframework.stereotype.Service;

/**
 * A texter records how a conversation went, as a caller does a call: a result code (those of the phone but
 * the message left), the answers to the bank's survey questions, notes. Only in a conversation they hold whose
 * first text went out; the form's attempt id makes a second submit change nothing. A "do not call" puts the
 * number on the list every campaign's calls read. One {@code contact_attempt} row with channel SMS.
 */
@Service
public class RecordTextResult {

    private final TextBanks texts;
    private final ContactAttempts attempts;
    private final PhoneBanks phoneBanks;
    private final AuditLog audit;

    public RecordTextResult(TextBanks texts, ContactAttempts attempts, PhoneBanks phoneBanks, AuditLog audit) {
        this.texts = texts;
        this.attempts = attempts;
        this.phoneBanks = phoneBanks;
        this.audit = audit;
    }

    public void perform(
            SignedInMember me,
            String cycleId,
            long contactId,
            String result,
            Map<String, String> answers,
            String notes,
            String attemptId) {
        ContactResult code;
        try {
            code = ContactResult.parse(result == null ? "" : result);
        } catch (IllegalArgumentException e) {
            throw new RecordCall.Refused("result", "text.error-result");
        }
        if (!ContactResult.SMS.contains(code)) {
            throw new RecordCall.Refused("result", "text.error-result");
        }
        if (notes != null && notes.length() > 2000) {
            throw new RecordCall.Refused("notes", "call.error-notes");
        }
        TextBanks.TextBank bank = TextingCommands.open(texts, cycleId);
        boolean held = texts.assignments(bank.id(), me.memberId()).stream()
                .anyMatch(a -> a.contactId() == contactId && a.sentAt() != null);
        if (!held) {
            TextingCommands.audited(
                    audit,
                    me.memberId(),
                    "contacts.text.record",
                    "contact " + contactId,
                    false,
                    "the texter does not hold this conversation",
                    null);
            throw new IllegalArgumentException("this conversation is not one of yours");
        }
        Map<String, String> kept = new LinkedHashMap<>();
        for (String q : bank.questions()) {
            String a = answers.get(q);
            if (a != null && !a.isBlank()) {
                kept.put(q, a.length() > 200 ? a.substring(0, 200) : a.trim());
            }
        }
        boolean recorded = attempts.record(new ContactAttempts.Attempt(
                cycleId,
                contactId,
                Universe.Channel.SMS,
                code,
                kept,
                notes == null || notes.isBlank() ? null : notes.trim(),
                null,
                me.memberId(),
                TextingCommands.actor(me.memberId()),
                attemptId == null || attemptId.isBlank() ? null : attemptId));
        if (recorded && code == ContactResult.DO_NOT_CALL) {
            phoneBanks.doNotCall(contactId, TextingCommands.actor(me.memberId()));
        }
        TextingCommands.audited(
                audit,
                me.memberId(),
                "contacts.text.record",
                "contact " + contactId,
                true,
                recorded ? "text result recorded: " + code : "already recorded",
                Map.of("bank", bank.id(), "result", code.name(), "answers", kept));
    }
}
