package org.primarypipeline.console.campaigns;

import java.util.Map;
import org.primarypipeline.campaigns.CampaignDashboardData;
import org.primarypipeline.console.audit.AuditEntry;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff set (or change) one of a campaign's goals; the dashboard shows the progress toward it. */
@Service
public class SetCampaignGoal {

    /** A goal the form cannot take, with the field it is about. */
    public static class Refused extends RuntimeException {
        public final String field;

        Refused(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    private final CampaignDashboardData data;
    private final Permissions permissions;
    private final AuditLog audit;

    public SetCampaignGoal(CampaignDashboardData data, Permissions permissions, AuditLog audit) {
        this.data = data;
        this.permissions = permissions;
        this.audit = audit;
    }

    /** {@code target} as typed: a whole number, dollars for the donations goal. */
    @Transactional
    public void perform(StaffUser who, String cycleId, String metric, String target) {
        permissions.require(who, Right.STEER_CYCLES, "campaign.goal", cycleId);
        if (data.campaign(cycleId).isEmpty()) {
            throw new Refused("cycleId", "there is no campaign for " + cycleId);
        }
        if (!CampaignDashboardData.METRICS.contains(metric)) {
            throw new Refused("metric", "choose one of the goals in the list");
        }
        String digits = target == null ? "" : target.replaceAll("[$,\\s]", "");
        if (!digits.matches("[0-9]{1,9}") || Long.parseLong(digits) <= 0) {
            throw new Refused("target", "a goal is a whole number above zero");
        }
        long value = Long.parseLong(digits) * ("DONATIONS_CENTS".equals(metric) ? 100 : 1);
        data.setGoal(cycleId, metric, value, who.getUsername());
        audit.record(
                who.getUsername(),
                who.role().label(),
                "campaign.goal",
                cycleId,
                AuditEntry.Outcome.DONE,
                "set the goal " + metric + " to " + value,
                null,
                Map.of("metric", metric, "target", value));
    }
}
