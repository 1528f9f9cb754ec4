package org.primarypipeline.console.contacts;

import java.util.LinkedHashMap;
import java.util.Map;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.contacts.CallPacket;
import org.primarypipeline.contacts.ContactResult;
import org.primarypipeline.contacts.PhoneBanks;
import org.springframework.stereotype.Service;

/**
 * A volunteer records how a call went: the result code, the survey answers, notes. Only the caller who holds
 * the contact's lease (or whose lease nobody has taken since) may; the contact then leaves the packet for
 * good. The caller is a member or a guest caller by a one-time event link (recorded by session and name). A DO_NOT_CALL puts the number on the list every campaign reads.
 */
@Service
public class RecordCall {

    /** Why a call could not be recorded, in the words the page shows beside the field. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;

        Refused(String field, String key) {
            super(key, null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }

        /** The bundle key of the sentence. */
        public String key() {
            return getMessage();
        }
    }

    private final PhoneBanks phoneBanks;
    private final AuditLog audit;

    public RecordCall(PhoneBanks phoneBanks, AuditLog audit) {
        this.phoneBanks = phoneBanks;
        this.audit = audit;
    }

    public void perform(
            Caller me,
            CallPacket packet,
            long contactId,
            String result,
            Map<String, String> answers,
            String notes,
            String attemptId) {
        ContactResult code;
        try {
            code = ContactResult.parse(result == null ? "" : result);
        } catch (IllegalArgumentException e) {
            throw new Refused("result", "call.error-result");
        }
        if (!ContactResult.PHONE.contains(code)) {
            throw new Refused("result", "call.error-result");
        }
        if (notes != null && notes.length() > 2000) {
            throw new Refused("notes", "call.error-notes");
        }
        Map<String, String> kept = new LinkedHashMap<>();
        for (String q : packet.questions()) {
            String a = answers.get(q);
            if (a != null && !a.isBlank()) {
                kept.put(q, a.length() > 200 ? a.substring(0, 200) : a.trim());
            }
        }
        boolean recorded = phoneBanks.record(
                packet,
                contactId,
                me.key(),
                me.memberId(),
                me.guestSessionId(),
                me.guestName(),
                code,
                kept,
                notes == null || notes.isBlank() ? null : notes.trim(),
                attemptId == null || attemptId.isBlank() ? null : attemptId);
        if (!recorded) {
            audit.record(
                    me.key(),
                    me.member() ? "member" : "guest caller",
                    "contacts.call.record",
                    "contact " + contactId,
                    Outcome.REFUSED,
                    "the caller no longer holds this contact",
                    null,
                    null);
            throw new Refused("result", "call.error-lost");
        }
        audit.record(
                me.key(),
                me.member() ? "member" : "guest caller",
                "contacts.call.record",
                "contact " + contactId,
                Outcome.DONE,
                "call recorded: " + code,
                null,
                Map.of("packet", packet.id(), "result", code.name(), "answers", kept));
    }
}
