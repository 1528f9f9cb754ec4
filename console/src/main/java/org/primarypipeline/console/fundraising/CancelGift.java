package org.primarypipeline.console.fundraising;

import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.fundraising.DonorGifts;
import org.springframework.stereotype.Service;

/** A donor, by the link in their receipt, cancels their monthly gift (Stripe subscription cancelled now). */
@Service
public class CancelGift {

    private final DonorGifts gifts;
    private final AuditLog audit;

    public CancelGift(DonorGifts gifts, AuditLog audit) {
        this.gifts = gifts;
        this.audit = audit;
    }

    public DonorGifts.Gift perform(String token) {
        return GiftAudit.run(
                audit, "gift.cancel", () -> new GiftAudit.Done(gifts.cancel(token), "cancelled by the donor"));
    }
}
