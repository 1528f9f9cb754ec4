package org.primarypipeline.console.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.primarypipeline.voting.Receipts;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pp receipts CYCLE}: the published receipt chain of a counted round, one entry a line
 * ({@code seq previous receipt counted|replaced}), then the chain head; or, with {@code --check}, whether
 * one receipt is in it. No member and no ranking is printed.
 */
@Command(name = "receipts", description = "List a counted cycle's ballot receipts and chain head, or check one receipt.")
public class ReceiptsCommand implements Callable<Integer>, ApplicationCommand {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "Cycle id, e.g. TX-07-1.")
    String cycleId;

    @Option(names = "--check", paramLabel = "RECEIPT", description = "Check one receipt instead of listing them all.")
    String check;

    @Autowired
    Receipts receipts;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var published = receipts.publication(cycleId);
        if (published.isEmpty()) {
            spec.commandLine().getErr().println("refused: the receipts of " + cycleId
                    + " are published once its round has been counted");
            return 2;
        }
        if (check != null) {
            Receipts.Check c = receipts.check(cycleId, check).orElseThrow();
            out.println(!c.found() ? "not in the chain of " + cycleId
                    : "entry #" + c.seq() + (c.counted() ? ", counted" : ", replaced by a later ballot of the same member"));
            return c.found() ? 0 : 1;
        }
        long after = 0;
        while (true) {
            List<Receipts.Entry> page = receipts.entries(cycleId, after, 10_000);
            for (Receipts.Entry e : page) {
                out.println(e.seq() + " " + e.previous() + " " + e.receipt() + " " + (e.counted() ? "counted" : "replaced"));
            }
            if (page.size() < 10_000) {
                break;
            }
            after = page.get(page.size() - 1).seq();
        }
        out.println("chain head " + published.get().chainHead() + " (" + published.get().chainLength() + " entries, "
                + published.get().countedBallots() + " ballots counted)");
        return 0;
    }
}
