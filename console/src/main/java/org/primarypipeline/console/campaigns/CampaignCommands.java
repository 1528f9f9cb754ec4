package org.primarypipeline.console.campaigns;

import java.util.function.Supplier;
import org.primarypipeline.campaigns.CampaignRepository;
import org.primarypipeline.campaigns.CampaignSchedule;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.cycles.CycleActionRefused;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.core.campaign.CampaignStage;
import org.springframework.stereotype.Component;

/**
 * What {@link EndCampaign} and {@link ExtendCampaign} share: the permission check (STEER_CYCLES), the
 * campaign as recorded before, and the audit entry of the outcome, done or refused.
 */
@Component
class CampaignCommands {

    /** The campaign as the audit entry keeps it. */
    record Snapshot(String cycleId, CampaignStage stage, String electionDay, String wrapUpAt) {
        static Snapshot of(CampaignSchedule s) {
            return new Snapshot(
                    s.cycleId(), s.stage(), s.electionDay(), s.wrapUpAt().toString());
        }
    }

    private final CampaignRepository campaigns;
    private final Permissions permissions;
    private final AuditLog audit;

    CampaignCommands(CampaignRepository campaigns, Permissions permissions, AuditLog audit) {
        this.campaigns = campaigns;
        this.permissions = permissions;
        this.audit = audit;
    }

    String act(StaffUser who, String action, String cycleId, Supplier<String> change) {
        permissions.require(who, Right.STEER_CYCLES, action, cycleId);
        Snapshot before = null;
        try {
            CampaignSchedule campaign = campaigns
                    .find(cycleId)
                    .orElseThrow(() -> new CycleActionRefused("cycle " + cycleId + " has no campaign"));
            before = Snapshot.of(campaign);
            if (campaign.stage().ordinal() >= CampaignStage.WRAP_UP.ordinal()) {
                throw new CycleActionRefused("the campaign of " + cycleId + " is already "
                        + (campaign.stage() == CampaignStage.ENDED ? "over" : "wrapping up"));
            }
            String result = change.get();
            audit.record(who.getUsername(), who.role().label(), action, cycleId, Outcome.DONE, result, before, null);
            return result;
        } catch (CycleActionRefused | IllegalArgumentException | IllegalStateException e) {
            audit.record(
                    who.getUsername(),
                    who.role().label(),
                    action,
                    cycleId,
                    Outcome.REFUSED,
                    e.getMessage(),
                    before,
                    null);
            throw e;
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
