package org.primarypipeline.console.campaigns;

import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.workflows.campaign.CampaignAction;
import org.springframework.stereotype.Service;

/**
 * Staff end a candidate's campaign now (the candidate withdrew, say): the wrap-up follows at once, the
 * group stays. Needs STEER_CYCLES and a reason; audited as {@code campaign.end}.
 */
@Service
public class EndCampaign {

    private final CampaignCommands commands;
    private final CampaignSignals signals;

    public EndCampaign(CampaignCommands commands, CampaignSignals signals) {
        this.commands = commands;
        this.signals = signals;
    }

    public String perform(StaffUser who, String cycleId, String reason) {
        return commands.act(who, "campaign.end", cycleId, () -> {
            String why = CampaignCommands.blankToNull(reason);
            if (why == null) {
                throw new IllegalArgumentException("say why the campaign ends");
            }
            signals.end(cycleId, CampaignAction.end(who.getUsername(), why));
            return "the campaign of " + cycleId + " ends now; the wrap-up follows";
        });
    }
}
