package org.primarypipeline.console.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pp receipts CYCLE}: the published receipt chain of a counted round, one entry a line
 * ({@code seq previous receipt counted|replaced}), then the chain head; or, with {@code --check}, whether
 * one receipt is in it (exit 1 if not). Read from the serving app's API; no member and no ranking is
 * printed.
 */
@Command(
        name = "receipts",
        description = "List a counted cycle's ballot receipts and chain head, or check one receipt.")
public class ReceiptsCommand extends ClientCommand {

    private static final int PAGE = 10_000;

    @Parameters(index = "0", description = "Cycle id, e.g. TX-07-1.")
    String cycleId;

    @Option(names = "--check", paramLabel = "RECEIPT", description = "Check one receipt instead of listing them all.")
    String check;

    @Override
    String perform(ApiClient api) {
        String path = "/api/cycles/" + ApiClient.segment(cycleId) + "/receipts";
        if (check != null) {
            JsonNode c = api.get(path + "/" + ApiClient.segment(check));
            if (!c.path("found").asBoolean()) {
                exit = 1;
                return "not in the chain of " + cycleId;
            }
            return "entry #" + c.path("seq").asLong()
                    + (c.path("counted").asBoolean() ? ", counted" : ", replaced by a later ballot of the same member");
        }
        PrintWriter out = spec.commandLine().getOut();
        long after = 0;
        JsonNode page;
        do {
            page = api.get(path + "?after=" + after + "&limit=" + PAGE);
            for (JsonNode e : page.path("entries")) {
                out.println(e.path("seq").asLong() + " " + e.path("previous").asText() + " "
                        + e.path("receipt").asText() + " " + (e.path("counted").asBoolean() ? "counted" : "replaced"));
                after = e.path("seq").asLong();
            }
        } while (page.path("entries").size() == PAGE);
        // said as the receipt check page says it: a member who voted again has a receipt per ballot
        long receipts = page.path("chainLength").asLong();
        int counted = page.path("countedBallots").asInt();
        return "chain head " + page.path("chainHead").asText() + ": " + receipts
                + (receipts == 1 ? " receipt" : " receipts") + " in the chain; " + counted
                + (counted == 1 ? " ballot was" : " ballots were") + " counted";
    }
}
