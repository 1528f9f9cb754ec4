package org.primarypipeline.console.fundraising;

import java.util.function.Supplier;
import org.primarypipeline.console.audit.AuditEntry;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.fundraising.DonorGifts;

/** The audit line of a donor's own action: actor "donor", target the contribution form; refusals too. */
final class GiftAudit {

    record Done(DonorGifts.Gift gift, String detail) {}

    private GiftAudit() {}

    static DonorGifts.Gift run(AuditLog audit, String action, Supplier<Done> change) {
        try {
            Done done = change.get();
            audit.record(
                    "donor",
                    "donor",
                    action,
                    "contribution " + done.gift().intentId(),
                    AuditEntry.Outcome.DONE,
                    done.detail(),
                    null,
                    null);
            return done.gift();
        } catch (DonorGifts.Refused refused) {
            audit.record(
                    "donor",
                    "donor",
                    action,
                    "gift link",
                    AuditEntry.Outcome.REFUSED,
                    refused.getMessage(),
                    null,
                    null);
            throw refused;
        }
    }
}
