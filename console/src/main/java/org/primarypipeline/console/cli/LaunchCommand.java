package org.primarypipeline.console.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pp launch}: {@code POST /api/cycles} as the signed-in account (staff or admin). */
@Command(name = "launch", description = "Launch a district cycle (pledge vetting first).")
public class LaunchCommand extends ClientCommand {

    @Option(names = "--district", required = true, description = "District, e.g. TX-07.")
    String district;

    @Option(names = "--vetting", description = "Pledge vetting period, e.g. 14d, 36h, P14D (default 14d).")
    String vetting;

    @Option(names = "--nomination", description = "Nomination window (default 14d).")
    String nomination;

    @Option(names = "--voting", description = "Voting round (default 14d).")
    String voting;

    @Option(names = "--policy", description = "smartocracy (default) or liquid.")
    String policy;

    @Option(names = "--method", description = "irv (default), plurality or schulze.")
    String method;

    @Option(names = "--quorum", description = "Share of all units that must be exercised (default 0.20).")
    BigDecimal quorum;

    @Option(names = "--recount-margin", description = "Recount automatically under this final margin (default 0.05).")
    BigDecimal recountMargin;

    @Override
    String perform(ApiClient api) {
        RequestBodies.Launch order =
                new RequestBodies.Launch(district, vetting, nomination, voting, policy, method, quorum, recountMargin);
        JsonNode cycle = api.send("POST", "/api/cycles", order);
        return String.format(
                "launched cycle %s: %s until %s",
                cycle.path("id").asText(),
                CycleStatusText.title(cycle.path("stage").asText()).toLowerCase(),
                CycleStatusText.readable(
                        cycle.path("stageDeadline").asText(), cycle.path("id").asText()));
    }
}
