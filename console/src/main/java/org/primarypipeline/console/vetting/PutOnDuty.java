package org.primarypipeline.console.vetting;

import org.primarypipeline.console.audit.AuditEntry;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.core.supporter.EmailAddresses;
import org.primarypipeline.core.supporter.InvalidField;
import org.primarypipeline.vetting.ReviewEscalations;
import org.springframework.stereotype.Service;

/** Adds someone to the staff on duty: overdue vetting reviews are escalated to them by email. */
@Service
public class PutOnDuty {

    private final ReviewEscalations escalations;
    private final Permissions permissions;
    private final AuditLog audit;

    public PutOnDuty(ReviewEscalations escalations, Permissions permissions, AuditLog audit) {
        this.escalations = escalations;
        this.permissions = permissions;
        this.audit = audit;
    }

    /** Returns the address as normalized. */
    public String perform(StaffUser who, String email, String name) {
        permissions.require(who, Right.STEER_CYCLES, "vetting.duty", String.valueOf(email));
        String normalized;
        try {
            normalized = EmailAddresses.normalize(email);
        } catch (InvalidField bad) {
            throw new IllegalArgumentException(bad.getMessage());
        }
        if (normalized == null || name == null || name.isBlank()) {
            throw new IllegalArgumentException("an email and a name are needed");
        }
        escalations.addToDuty(normalized, name);
        audit.record(
                who.getUsername(),
                who.role().label(),
                "vetting.duty",
                normalized,
                AuditEntry.Outcome.DONE,
                "on duty for overdue reviews",
                null,
                null);
        return normalized;
    }
}
