package org.primarypipeline.console.fundraising;

import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.fundraising.DonorGifts;
import org.springframework.stereotype.Service;

/** A donor, by the link in their receipt, has every receipt of that gift emailed again. */
@Service
public class ResendReceipts {

    private final DonorGifts gifts;
    private final AuditLog audit;

    public ResendReceipts(DonorGifts gifts, AuditLog audit) {
        this.gifts = gifts;
        this.audit = audit;
    }

    public DonorGifts.Gift perform(String token) {
        return GiftAudit.run(audit, "gift.receipts", () -> {
            int sent = gifts.resendReceipts(token);
            return new GiftAudit.Done(gifts.open(token).gift(), sent + " receipt(s) sent again");
        });
    }
}
