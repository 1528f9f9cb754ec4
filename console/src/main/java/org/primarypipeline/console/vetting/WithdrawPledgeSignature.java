package org.primarypipeline.console.vetting;

import java.util.List;
import org.primarypipeline.console.audit.AuditEntry;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.vetting.PledgeSigning;
import org.springframework.stereotype.Service;

/**
 * Records that a candidate withdrew their pledge signature, which takes them off every open ballot. The
 * one door for the candidacy page's form and the API.
 */
@Service
public class WithdrawPledgeSignature {

    private final PledgeSigning signing;
    private final Permissions permissions;
    private final AuditLog audit;

    public WithdrawPledgeSignature(PledgeSigning signing, Permissions permissions, AuditLog audit) {
        this.signing = signing;
        this.permissions = permissions;
        this.audit = audit;
    }

    /** Returns the candidacies taken off their ballots. */
    public List<Long> perform(StaffUser who, long candidateId, String reason) {
        String target = Long.toString(candidateId);
        permissions.require(who, Right.STEER_CYCLES, "pledge.withdraw", target);
        try {
            List<Long> off = signing.withdraw(candidateId, reason, who.getUsername());
            audit.record(
                    who.getUsername(),
                    who.role().label(),
                    "pledge.withdraw",
                    target,
                    AuditEntry.Outcome.DONE,
                    reason + "; off ballots of candidacies " + off,
                    null,
                    null);
            return off;
        } catch (IllegalArgumentException | IllegalStateException refused) {
            audit.record(
                    who.getUsername(),
                    who.role().label(),
                    "pledge.withdraw",
                    target,
                    AuditEntry.Outcome.REFUSED,
                    refused.getMessage(),
                    null,
                    null);
            throw refused;
        }
    }
}
