package org.primarypipeline.console.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pp campaign end|extend}: steer a candidate's campaign through the serving app's API, as the
 * signed-in account; the same commands, permission and audit entry as the cycle page's buttons.
 */
@Command(
        name = "campaign",
        description = "End or extend a candidate's campaign (as the account of pp login).",
        subcommands = {CampaignCommand.End.class, CampaignCommand.Extend.class})
public class CampaignCommand extends GroupCommand {

    record EndBody(String reason) {}

    record ExtendBody(Integer days, String reason) {}

    @Command(name = "end", description = "End the campaign now; the wrap-up follows at once.")
    static class End extends ClientCommand {
        @Parameters(index = "0", description = "The cycle that chose the candidate, e.g. TX-07-1.")
        String cycleId;

        @Option(names = "--reason", required = true, description = "Why it ends (kept in the audit log).")
        String reason;

        @Override
        String perform(ApiClient api) {
            return api.send("POST", "/api/campaigns/" + ApiClient.segment(cycleId) + "/end", new EndBody(reason))
                    .path("result")
                    .asText();
        }
    }

    @Command(name = "extend", description = "Move the campaign's wrap-up later.")
    static class Extend extends ClientCommand {
        @Parameters(index = "0", description = "The cycle that chose the candidate, e.g. TX-07-1.")
        String cycleId;

        @Option(names = "--days", required = true, description = "How many days later (1 to 366).")
        int days;

        @Option(names = "--reason")
        String reason;

        @Override
        String perform(ApiClient api) {
            return api.send(
                            "POST",
                            "/api/campaigns/" + ApiClient.segment(cycleId) + "/extend",
                            new ExtendBody(days, reason))
                    .path("result")
                    .asText();
        }
    }
}
