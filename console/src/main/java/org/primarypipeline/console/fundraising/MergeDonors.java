package org.primarypipeline.console.fundraising;

import org.primarypipeline.console.audit.AuditEntry;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.fundraising.DonationLedger;
import org.primarypipeline.fundraising.Donors;
import org.springframework.stereotype.Service;

/** Merges a donor record into another (the same person), then re-checks the limits of the merged gifts. */
@Service
public class MergeDonors {

    /** What the merge did: which donor went where, and how many gifts are over the limit now. */
    public record Merged(long merged, long into, int newlyOverLimit) {}

    private final Donors donors;
    private final DonationLedger ledger;
    private final Permissions permissions;
    private final AuditLog audit;

    public MergeDonors(Donors donors, DonationLedger ledger, Permissions permissions, AuditLog audit) {
        this.donors = donors;
        this.ledger = ledger;
        this.permissions = permissions;
        this.audit = audit;
    }

    public Merged perform(StaffUser who, long donor, long into) {
        String target = "donor " + donor;
        permissions.require(who, Right.SIGN_OFF_FINANCE, "finance.merge-donors", target);
        try {
            donors.merge(donor, into, who.getUsername());
        } catch (IllegalArgumentException | IllegalStateException refused) {
            audit.record(
                    who.getUsername(),
                    who.role().label(),
                    "finance.merge-donors",
                    target,
                    AuditEntry.Outcome.REFUSED,
                    "not merged into donor " + into + ": " + refused.getMessage(),
                    null,
                    null);
            throw refused;
        }
        int flagged = ledger.recheckLimits(into);
        audit.record(
                who.getUsername(),
                who.role().label(),
                "finance.merge-donors",
                target,
                AuditEntry.Outcome.DONE,
                "merged into donor " + into + "; " + flagged + " gifts newly over the limit",
                null,
                null);
        return new Merged(donor, donors.rootOf(into), flagged);
    }
}
