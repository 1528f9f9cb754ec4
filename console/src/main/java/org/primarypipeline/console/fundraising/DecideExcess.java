package org.primarypipeline.console.fundraising;

import org.primarypipeline.console.audit.AuditEntry;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.fundraising.ExcessDecisions;
import org.springframework.stereotype.Service;

/** A staff decision on a gift over the contribution limit: refund the excess or redesignate it. */
@Service
public class DecideExcess {

    private final ExcessDecisions excess;
    private final Permissions permissions;
    private final AuditLog audit;

    public DecideExcess(ExcessDecisions excess, Permissions permissions, AuditLog audit) {
        this.excess = excess;
        this.permissions = permissions;
        this.audit = audit;
    }

    /** Returns what was done, in words. */
    public String perform(StaffUser who, long donation, ExcessDecisions.Decision decision) {
        String target = "donation " + donation;
        permissions.require(who, Right.SIGN_OFF_FINANCE, "finance.excess", target);
        if (decision == null) {
            throw new IllegalArgumentException("decision must be REFUND or REDESIGNATE");
        }
        try {
            String done = excess.decide(donation, decision, who.getUsername());
            audit.record(
                    who.getUsername(),
                    who.role().label(),
                    "finance.excess",
                    target,
                    AuditEntry.Outcome.DONE,
                    decision + ": " + done,
                    null,
                    null);
            return done;
        } catch (IllegalArgumentException | IllegalStateException refused) {
            audit.record(
                    who.getUsername(),
                    who.role().label(),
                    "finance.excess",
                    target,
                    AuditEntry.Outcome.REFUSED,
                    decision + ": " + refused.getMessage(),
                    null,
                    null);
            throw refused;
        }
    }
}
