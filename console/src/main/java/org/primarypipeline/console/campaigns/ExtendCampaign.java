package org.primarypipeline.console.campaigns;

import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.workflows.campaign.CampaignAction;
import org.springframework.stereotype.Service;

/**
 * Staff move a campaign's wrap-up later (a runoff, a recount): {@code days} from 1 to 366. Needs
 * STEER_CYCLES; audited as {@code campaign.extend}.
 */
@Service
public class ExtendCampaign {

    static final int MOST_DAYS = 366;

    private final CampaignCommands commands;
    private final CampaignSignals signals;

    public ExtendCampaign(CampaignCommands commands, CampaignSignals signals) {
        this.commands = commands;
        this.signals = signals;
    }

    public String perform(StaffUser who, String cycleId, Integer days, String reason) {
        return commands.act(who, "campaign.extend", cycleId, () -> {
            if (days == null || days < 1 || days > MOST_DAYS) {
                throw new IllegalArgumentException("an extension is from 1 to " + MOST_DAYS + " days");
            }
            signals.extend(
                    cycleId, CampaignAction.extend(who.getUsername(), days, CampaignCommands.blankToNull(reason)));
            return "the campaign of " + cycleId + " wraps up " + days + " day(s) later";
        });
    }
}
