package org.primarypipeline.console.fundraising;

import org.primarypipeline.console.audit.AuditEntry;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.fundraising.DonorGifts;
import org.springframework.stereotype.Service;

/**
 * Cancels a monthly gift (its Stripe subscription, now): the one command behind the donor's link and
 * finance's button. The donor's right is the live link of that gift; staff need the finance sign-off
 * right (a refusal audited as denied). Either way the change is {@link DonorGifts}' and the audit line
 * says who cancelled, refusals included.
 */
@Service
public class CancelGift {

    static final String ACTION = "gift.cancel";

    private final DonorGifts gifts;
    private final Permissions permissions;
    private final AuditLog audit;

    public CancelGift(DonorGifts gifts, Permissions permissions, AuditLog audit) {
        this.gifts = gifts;
        this.permissions = permissions;
        this.audit = audit;
    }

    /** The donor, by the link in their receipt. */
    public DonorGifts.Gift perform(String token) {
        return GiftAudit.run(audit, ACTION, () -> new GiftAudit.Done(gifts.cancel(token), "cancelled by the donor"));
    }

    /** Finance (or an admin) for the donor, from the finance report: contribution form {@code intentId}. */
    public DonorGifts.Gift perform(StaffUser who, long fundraiserId, long intentId) {
        String target = "contribution " + intentId;
        permissions.require(who, Right.SIGN_OFF_FINANCE, ACTION, target);
        try {
            DonorGifts.Gift g = gifts.cancelForDonor(fundraiserId, intentId);
            audit.record(
                    who.getUsername(),
                    who.role().label(),
                    ACTION,
                    target,
                    AuditEntry.Outcome.DONE,
                    "cancelled by finance for the donor",
                    null,
                    null);
            return g;
        } catch (DonorGifts.Refused refused) {
            audit.record(
                    who.getUsername(),
                    who.role().label(),
                    ACTION,
                    target,
                    AuditEntry.Outcome.REFUSED,
                    refused.getMessage(),
                    null,
                    null);
            throw refused;
        }
    }
}
