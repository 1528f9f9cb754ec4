package org.primarypipeline.console.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pp cycle ...}: look at and steer district cycles through the serving app's API, as the
 * signed-in account; the same role check, four-eyes rule and audit entry as the console's cycle page.
 */
@Command(
        name = "cycle",
        description = "Look at and steer district cycles (as the account of pp login).",
        subcommands = {
            CycleCommand.ListCycles.class, CycleCommand.Status.class, CycleCommand.Review.class,
            CycleCommand.Extend.class, CycleCommand.Close.class, CycleCommand.Recount.class,
            CycleCommand.Certify.class, CycleCommand.Withdraw.class, CycleCommand.Cancel.class,
        })
public class CycleCommand extends GroupCommand {

    /** One staff action on one cycle: {@code POST /api/cycles/ID/ACTION}; prints the workflow's answer. */
    abstract static class Action extends ClientCommand {
        @Parameters(index = "0", description = "Cycle id, e.g. TX-07-1.")
        String cycleId;

        abstract String action();

        /** The request's JSON; null sends an empty object. */
        Object body() {
            return null;
        }

        @Override
        String perform(ApiClient api) {
            // a workflow's answer may name a new deadline ("now closes at ...")
            return CycleStatusText.readable(
                    api.send("POST", "/api/cycles/" + ApiClient.segment(cycleId) + "/" + action(), body())
                            .path("result")
                            .asText(),
                    cycleId);
        }
    }

    @Command(name = "list", description = "List cycles, newest first.")
    static class ListCycles extends ClientCommand {
        @Option(names = "--limit", defaultValue = "50")
        int limit;

        @Option(names = "--offset", defaultValue = "0")
        int offset;

        @Override
        String perform(ApiClient api) {
            StringBuilder out = new StringBuilder();
            for (JsonNode c : api.get("/api/cycles?limit=" + limit + "&offset=" + offset)) {
                out.append(out.length() == 0 ? "" : System.lineSeparator())
                        .append(String.format(
                                "%-10s %-9s %-18s %s",
                                c.path("id").asText(),
                                c.path("status").asText(),
                                c.path("stage").asText(),
                                c.path("stageDeadline").isNull()
                                        ? ""
                                        : "until "
                                                + CycleStatusText.readable(
                                                        c.path("stageDeadline").asText(),
                                                        c.path("id").asText())));
            }
            return out.toString();
        }
    }

    @Command(name = "status", description = "Stage, deadline, candidacies and timeline of a cycle.")
    static class Status extends ClientCommand {
        @Parameters(index = "0")
        String cycleId;

        @Override
        String perform(ApiClient api) {
            return CycleStatusText.of(api.get("/api/cycles/" + ApiClient.segment(cycleId)));
        }
    }

    @Command(name = "review", description = "Approve, reject or ask for more information about a candidacy.")
    static class Review extends Action {
        @Option(names = "--candidacy", required = true)
        long candidacyId;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Verdict verdict;

        static class Verdict {
            @Option(names = "--approve")
            boolean approve;

            @Option(names = "--reject")
            boolean reject;

            @Option(names = "--request-info")
            boolean requestInfo;
        }

        @Option(names = "--reason")
        String reason;

        @Option(names = "--checked", split = ",", description = "Checklist items done: references, record, fec.")
        List<String> checked = List.of();

        @Override
        String action() {
            return "review";
        }

        @Override
        RequestBodies.Review body() {
            return new RequestBodies.Review(
                    candidacyId,
                    verdict.approve ? "APPROVE" : verdict.reject ? "REJECT" : "REQUEST_INFO",
                    reason,
                    new RequestBodies.Checklist(
                            checked.contains("references"), checked.contains("record"), checked.contains("fec")));
        }
    }

    @Command(name = "extend", description = "Move the current window's deadline later.")
    static class Extend extends Action {
        @Option(names = "--by", description = "How much longer, e.g. 3d (default: one more period).")
        String by;

        @Option(names = "--reason")
        String reason;

        @Override
        String action() {
            return "extend";
        }

        @Override
        RequestBodies.Action body() {
            return new RequestBodies.Action(reason, by);
        }
    }

    @Command(name = "close", description = "Close the current window now.")
    static class Close extends Action {
        @Option(names = "--reason")
        String reason;

        @Override
        String action() {
            return "close";
        }

        @Override
        RequestBodies.Action body() {
            return new RequestBodies.Action(reason, null);
        }
    }

    @Command(name = "recount", description = "Re-derive the result from the raw rows (certification).")
    static class Recount extends Action {
        @Override
        String action() {
            return "recount";
        }
    }

    @Command(name = "certify", description = "Approve the winner; two different accounts certify.")
    static class Certify extends Action {
        @Override
        String action() {
            return "certify";
        }
    }

    @Command(name = "withdraw", description = "Record a candidate's withdrawal.")
    static class Withdraw extends Action {
        @Option(names = "--candidacy", required = true)
        long candidacyId;

        @Override
        String action() {
            return "withdraw";
        }

        @Override
        RequestBodies.Withdraw body() {
            return new RequestBodies.Withdraw(candidacyId);
        }
    }

    @Command(name = "cancel", description = "Cancel the cycle at any stage.")
    static class Cancel extends Action {
        @Option(names = "--reason", required = true)
        String reason;

        @Override
        String action() {
            return "cancel";
        }

        @Override
        RequestBodies.Action body() {
            return new RequestBodies.Action(reason, null);
        }
    }
}
