package org.primarypipeline.console.cli;

import java.util.concurrent.Callable;
import org.primarypipeline.cycles.CycleEvent;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.vetting.Candidacy;
import org.primarypipeline.vetting.CandidacyRepository;
import org.primarypipeline.vetting.VettingDecision;
import org.primarypipeline.console.cycle.CycleActionRefused;
import org.primarypipeline.console.cycle.CycleService;
import org.primarypipeline.console.cycle.UnknownCycleException;
import org.primarypipeline.workflows.cycle.DistrictCycleWorkflow;
import org.primarypipeline.workflows.cycle.StaffAction;
import org.primarypipeline.workflows.cycle.Withdrawal;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pp cycle ...}: look at and steer district cycles, as staff do in the console. */
@Command(name = "cycle", description = "Look at and steer district cycles.",
        subcommands = {
            CycleCommand.ListCycles.class, CycleCommand.Status.class, CycleCommand.Review.class,
            CycleCommand.Extend.class, CycleCommand.Close.class, CycleCommand.Recount.class,
            CycleCommand.Certify.class, CycleCommand.Withdraw.class, CycleCommand.Cancel.class,
        })
public class CycleCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** One staff action on one cycle's workflow; refusals print the reason and exit 2. */
    abstract static class Action implements Callable<Integer>, ApplicationCommand {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "Cycle id, e.g. TX-07-1.")
        String cycleId;

        @Option(names = "--as", description = "Who acts (default: $USER).")
        String actor = Actors.current();

        @Autowired
        CycleService cycles;

        abstract String perform(DistrictCycleWorkflow workflow);

        @Override
        public Integer call() {
            try {
                spec.commandLine().getOut().println(cycles.act(cycleId, this::perform));
                return 0;
            } catch (CycleActionRefused | UnknownCycleException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("refused: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "list", description = "List cycles, newest first.")
    static class ListCycles implements Callable<Integer>, ApplicationCommand {
        @Spec
        CommandSpec spec;
        @Option(names = "--limit", defaultValue = "50")
        int limit;
        @Option(names = "--offset", defaultValue = "0")
        int offset;
        @Autowired
        CycleService cycles;

        @Override
        public Integer call() {
            for (CycleRecord c : cycles.list(limit, offset)) {
                spec.commandLine().getOut().printf("%-10s %-9s %-18s %s%n", c.id(), c.status(), c.stage(),
                        c.stageDeadline() == null ? "" : "until " + c.stageDeadline());
            }
            return 0;
        }
    }

    @Command(name = "status", description = "Stage, deadline, candidacies and timeline of a cycle.")
    static class Status implements Callable<Integer>, ApplicationCommand {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0")
        String cycleId;
        @Autowired
        CycleService cycles;
        @Autowired
        CycleRepository records;
        @Autowired
        CandidacyRepository candidacies;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            CycleRecord c;
            try {
                c = cycles.find(cycleId);
            } catch (UnknownCycleException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 2;
            }
            out.printf("cycle %s (%s): %s, %s%s%n", c.id(), c.districtId(), c.status(), c.stage().title(),
                    c.stageDeadline() == null ? "" : ", closes " + c.stageDeadline());
            if (c.failureReason() != null) {
                out.println("reason: " + c.failureReason());
            }
            cycles.view(cycleId).ifPresent(v -> out.printf("live: %s %s, winner %s, certified by %s%n",
                    v.status(), v.stage(), v.winnerCandidacyId(), v.certifiedBy()));
            out.println("candidacies:");
            for (Candidacy k : candidacies.ofCycle(cycleId)) {
                out.printf("  %-5d %-30s %-15s %-14s pledge %s%n", k.id(), k.fullName(), k.source(), k.status(),
                        k.pledgeSigned() ? "signed" : "not signed");
            }
            out.println("timeline:");
            for (CycleEvent e : records.timeline(cycleId)) {
                out.printf("  %s  %-18s %-20s %s (%s)%n", e.at(), e.stage(), e.kind(), e.detail(), e.actor());
            }
            return 0;
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
        java.util.List<String> checked = java.util.List.of();

        @Override
        String perform(DistrictCycleWorkflow workflow) {
            VettingDecision.Verdict v = verdict.approve ? VettingDecision.Verdict.APPROVE
                    : verdict.reject ? VettingDecision.Verdict.REJECT : VettingDecision.Verdict.REQUEST_INFO;
            return workflow.review(new VettingDecision(candidacyId, v, reason, actor,
                    new org.primarypipeline.vetting.ReviewChecklist(checked.contains("references"),
                            checked.contains("record"), checked.contains("fec"))));
        }
    }

    @Command(name = "extend", description = "Move the current window's deadline later.")
    static class Extend extends Action {
        @Option(names = "--by", description = "How much longer, e.g. 3d (default: one more period).")
        String by;
        @Option(names = "--reason")
        String reason;

        @Override
        String perform(DistrictCycleWorkflow workflow) {
            return workflow.extend(new StaffAction(actor, reason, Durations.parse(by, null)));
        }
    }

    @Command(name = "close", description = "Close the current window now.")
    static class Close extends Action {
        @Option(names = "--reason")
        String reason;

        @Override
        String perform(DistrictCycleWorkflow workflow) {
            return workflow.closeWindow(StaffAction.by(actor, reason));
        }
    }

    @Command(name = "recount", description = "Re-derive the result from the raw rows (certification).")
    static class Recount extends Action {
        @Override
        String perform(DistrictCycleWorkflow workflow) {
            return workflow.recount(StaffAction.by(actor));
        }
    }

    @Command(name = "certify", description = "Approve the winner; two different staff members certify.")
    static class Certify extends Action {
        @Override
        String perform(DistrictCycleWorkflow workflow) {
            return workflow.certify(StaffAction.by(actor));
        }
    }

    @Command(name = "withdraw", description = "Record a candidate's withdrawal.")
    static class Withdraw extends Action {
        @Option(names = "--candidacy", required = true)
        long candidacyId;

        @Override
        String perform(DistrictCycleWorkflow workflow) {
            return workflow.withdraw(new Withdrawal(candidacyId, actor));
        }
    }

    @Command(name = "cancel", description = "Cancel the cycle at any stage.")
    static class Cancel extends Action {
        @Option(names = "--reason", required = true)
        String reason;

        @Override
        String perform(DistrictCycleWorkflow workflow) {
            return workflow.cancel(StaffAction.by(actor, reason));
        }
    }

}
