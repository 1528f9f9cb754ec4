package org.primarypipeline.console.campaigns;

import java.util.Locale;
import org.primarypipeline.campaigns.CampaignRepository;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.web.Format;
import org.primarypipeline.core.campaign.CampaignStage;
import org.springframework.stereotype.Component;

/** Builds the cycle page's campaign panel from the recorded campaign. */
@Component
public class CampaignPanels {

    private final CampaignRepository campaigns;
    private final Format format;

    public CampaignPanels(CampaignRepository campaigns, Format format) {
        this.campaigns = campaigns;
        this.format = format;
    }

    public CampaignPanel of(String cycleId, StaffUser user) {
        return campaigns
                .find(cycleId)
                .map(c -> new CampaignPanel(
                        cycleId,
                        c.stage().name().replace('_', ' ').toLowerCase(Locale.ROOT),
                        c.electionKind().toLowerCase(Locale.ROOT) + " election, " + c.electionDay(),
                        format.day(c.wrapUpAt()),
                        campaigns.endedBy(cycleId).orElse(null),
                        user.can(Right.STEER_CYCLES) && c.stage().ordinal() < CampaignStage.WRAP_UP.ordinal()))
                .orElse(null);
    }
}
