package org.primarypipeline.console.fundraising;

import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.fundraising.DonorGifts;
import org.springframework.stereotype.Service;

/** A donor, by the link in their receipt, changes their monthly amount from the next invoice on (Stripe, proration off). */
@Service
public class ChangeGiftAmount {

    private final DonorGifts gifts;
    private final AuditLog audit;

    public ChangeGiftAmount(DonorGifts gifts, AuditLog audit) {
        this.gifts = gifts;
        this.audit = audit;
    }

    /** The check (a live link, a running monthly gift, an amount in bounds) is the gift's; refusals are audited too. */
    public DonorGifts.Gift perform(String token, long amountCents) {
        return GiftAudit.run(audit, "gift.amount", () -> {
            DonorGifts.Gift g = gifts.changeAmount(token, amountCents);
            return new GiftAudit.Done(g, "monthly amount now " + amountCents + " cents");
        });
    }
}
