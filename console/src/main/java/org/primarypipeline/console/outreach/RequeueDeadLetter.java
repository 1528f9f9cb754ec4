package org.primarypipeline.console.outreach;

import java.util.Map;
import org.primarypipeline.console.audit.AuditEntry;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.outreach.DeadLetters;
import org.springframework.stereotype.Service;

/** Puts a dead letter back in the outbox's queue with a fresh attempt count, once its cause is fixed. */
@Service
public class RequeueDeadLetter {

    private final DeadLetters deadLetters;
    private final Permissions permissions;
    private final AuditLog audit;

    public RequeueDeadLetter(DeadLetters deadLetters, Permissions permissions, AuditLog audit) {
        this.deadLetters = deadLetters;
        this.permissions = permissions;
        this.audit = audit;
    }

    /** Refused (and audited so) when the message is not a dead letter, or lost its single-use link. */
    public void perform(StaffUser who, long message) {
        String target = "message " + message;
        permissions.require(who, Right.STEER_CYCLES, "outbox.requeue", target);
        if (!deadLetters.requeue(message)) {
            String why = deadLetters.lostItsSecrets(message)
                    ? "a dead letter whose single-use link was dropped when it died; the member asks for a fresh one"
                    : "not a dead letter (already requeued, or no such message)";
            audit.record(
                    who.getUsername(),
                    who.role().label(),
                    "outbox.requeue",
                    target,
                    AuditEntry.Outcome.REFUSED,
                    why,
                    null,
                    null);
            throw new IllegalStateException("message " + message + " is " + why);
        }
        audit.record(
                who.getUsername(),
                who.role().label(),
                "outbox.requeue",
                target,
                AuditEntry.Outcome.DONE,
                "put back in the queue with a fresh attempt count",
                Map.of("status", "DEAD"),
                Map.of("status", "PENDING"));
    }
}
