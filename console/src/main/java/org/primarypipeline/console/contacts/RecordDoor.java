package org.primarypipeline.console.contacts;

import java.util.LinkedHashMap;
import java.util.Map;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.SignedInMember;
import org.primarypipeline.contacts.ContactAttempts;
import org.primarypipeline.contacts.ContactResult;
import org.primarypipeline.contacts.Turfs;
import org.primarypipeline.contacts.Universe;
import org.springframework.stereotype.Service;

/**
 * A canvasser records what happened at a door: for one person living there, the result code, the survey
 * answers, notes. Only the member the turf is checked out to may, and only for people of the turf. Every
 * answer carries an id the page made for it: an answer sent twice (the page's queue flushing again after a
 * lost reply) is stored once, and only the first is audited.
 */
@Service
public class RecordDoor {

    private final Turfs turfs;
    private final AuditLog audit;

    public RecordDoor(Turfs turfs, AuditLog audit) {
        this.turfs = turfs;
        this.audit = audit;
    }

    /** Records the answer; false when this answer (its attempt id) was already stored. */
    public boolean perform(
            SignedInMember me,
            Turfs.Turf turf,
            long contactId,
            String result,
            Map<String, String> answers,
            String notes,
            String attemptId) {
        String actor = Caller.of(me, turf.cycleId()).key();
        if (turf.checkedOutTo() == null || turf.checkedOutTo() != me.memberId()) {
            audit.record(
                    actor,
                    "member",
                    "contacts.door.record",
                    "turf " + turf.id(),
                    Outcome.REFUSED,
                    "the turf is not checked out to this member",
                    null,
                    null);
            throw new RecordCall.Refused("result", "walk.error-not-yours");
        }
        if (!turfs.lives(turf.id(), contactId)) {
            throw new RecordCall.Refused("result", "walk.error-not-here");
        }
        ContactResult code;
        try {
            code = ContactResult.parse(result == null ? "" : result);
        } catch (IllegalArgumentException e) {
            throw new RecordCall.Refused("result", "walk.error-result");
        }
        if (!ContactResult.DOOR.contains(code)) {
            throw new RecordCall.Refused("result", "walk.error-result");
        }
        if (notes != null && notes.length() > 2000) {
            throw new RecordCall.Refused("notes", "call.error-notes");
        }
        if (attemptId != null && attemptId.length() > 100) {
            throw new RecordCall.Refused("result", "walk.error-result");
        }
        Map<String, String> kept = new LinkedHashMap<>();
        for (String q : turf.questions()) {
            String a = answers.get(q);
            if (a != null && !a.isBlank()) {
                kept.put(q, a.length() > 200 ? a.substring(0, 200) : a.trim());
            }
        }
        boolean stored = turfs.record(
                turf,
                new ContactAttempts.Attempt(
                        turf.cycleId(),
                        contactId,
                        Universe.Channel.DOOR,
                        code,
                        kept,
                        notes == null || notes.isBlank() ? null : notes.trim(),
                        null,
                        me.memberId(),
                        actor,
                        attemptId == null || attemptId.isBlank() ? null : attemptId));
        if (stored) {
            audit.record(
                    actor,
                    "member",
                    "contacts.door.record",
                    "contact " + contactId,
                    Outcome.DONE,
                    "door recorded: " + code,
                    null,
                    Map.of("turf", turf.id(), "result", code.name(), "answers", kept));
        }
        return stored;
    }
}
