package org.primarypipeline.console.supporters;

import java.util.function.Supplier;
import org.primarypipeline.console.audit.AuditEntry;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.springframework.stereotype.Component;

/**
 * The steps every entry on a member's or candidate's behalf shares: the right to steer cycles, the
 * change, an audit entry done (or refused, with the rule's reason). Each action is its own class that
 * names its action and target and uses this.
 */
@Component
public class OnBehalf {

    private final Permissions permissions;
    private final AuditLog audit;

    public OnBehalf(Permissions permissions, AuditLog audit) {
        this.permissions = permissions;
        this.audit = audit;
    }

    <T> T perform(StaffUser who, String action, String target, Supplier<T> change) {
        permissions.require(who, Right.STEER_CYCLES, action, target);
        T result;
        try {
            result = change.get();
        } catch (IllegalArgumentException | IllegalStateException refused) {
            audit.record(
                    who.getUsername(),
                    who.role().label(),
                    action,
                    target,
                    AuditEntry.Outcome.REFUSED,
                    refused.getMessage(),
                    null,
                    null);
            throw refused;
        }
        audit.record(
                who.getUsername(),
                who.role().label(),
                action,
                target,
                AuditEntry.Outcome.DONE,
                "entered on a member's or candidate's behalf",
                null,
                null);
        return result;
    }
}
