package org.primarypipeline.console.users;

import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The role check every staff action starts with. A refusal is written to the audit log before the
 * 403 goes back, so an auditor sees who tried what they may not do.
 */
@Component
public class Permissions {

    private final AuditLog audit;

    public Permissions(AuditLog audit) {
        this.audit = audit;
    }

    public void require(StaffUser who, Right right, String action, String target) {
        if (who != null && who.can(right)) {
            return;
        }
        String role = who == null ? null : who.role().label();
        audit.record(
                who == null ? "anonymous" : who.getUsername(),
                role,
                action,
                target,
                Outcome.DENIED,
                (role == null ? "not signed in" : "the " + role + " role") + " may not " + describe(right),
                null,
                null);
        throw new AccessDeniedException(
                (role == null ? "sign in first" : "your role (" + role + ") may not " + describe(right)));
    }

    static String describe(Right right) {
        return switch (right) {
            case VIEW -> "view the console";
            case STEER_CYCLES -> "launch or steer cycles";
            case READ_AUDIT -> "read the audit log";
            case SIGN_OFF_FINANCE -> "sign off finance reports";
            case MANAGE_USERS -> "manage console accounts";
            case ORGANIZE -> "organize this district's campaign";
        };
    }
}
