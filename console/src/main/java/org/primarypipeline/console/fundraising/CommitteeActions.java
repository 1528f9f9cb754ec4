package org.primarypipeline.console.fundraising;

import java.util.function.Supplier;
import org.primarypipeline.console.audit.AuditEntry;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.springframework.stereotype.Component;

/**
 * What the committee commands share: the finance right (refusals audited as denied by
 * {@link Permissions}), then the change, then one audit entry with the state before and after,
 * refused changes audited as refused with their reason.
 */
@Component
class CommitteeActions {

    private final Permissions permissions;
    private final AuditLog audit;

    CommitteeActions(Permissions permissions, AuditLog audit) {
        this.permissions = permissions;
        this.audit = audit;
    }

    <T> T perform(StaffUser who, String action, long fundraiser, Object before, Supplier<T> change) {
        String target = "fundraiser " + fundraiser;
        permissions.require(who, Right.SIGN_OFF_FINANCE, action, target);
        try {
            T after = change.get();
            audit.record(
                    who.getUsername(),
                    who.role().label(),
                    action,
                    target,
                    AuditEntry.Outcome.DONE,
                    String.valueOf(after),
                    before,
                    after);
            return after;
        } catch (IllegalArgumentException | IllegalStateException refused) {
            audit.record(
                    who.getUsername(),
                    who.role().label(),
                    action,
                    target,
                    AuditEntry.Outcome.REFUSED,
                    refused.getMessage(),
                    before,
                    null);
            throw refused;
        }
    }
}
