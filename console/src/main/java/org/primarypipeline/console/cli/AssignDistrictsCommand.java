package org.primarypipeline.console.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.primarypipeline.batch.assigndistricts.DistrictReassignments;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "assign-districts",
        description = {
            "Re-assign every supporter to a district plan and make it the current plan; prints how many moved.",
            "Joined members' group memberships follow; districts members confirmed on that plan are kept; ballots of",
            "closed rounds are not touched. Bundled plans: cd2026 (the 2026 lines), cd119 (the 119th Congress lines)."
        })
public class AssignDistrictsCommand implements Callable<Integer>, ApplicationCommand {

    @Spec
    CommandSpec spec;

    @Option(names = "--plan", required = true, description = "The plan, e.g. cd2026 or cd119.")
    String plan;

    @Autowired
    DistrictReassignments reassignments;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        DistrictReassignments.Outcome outcome;
        try {
            outcome = reassignments.reassign(plan);
        } catch (IllegalArgumentException | IllegalStateException e) {
            spec.commandLine().getErr().println("assign-districts refused: " + e.getMessage());
            return 2;
        }
        DistrictReassignments.Reassignment r = outcome.reassignment();
        if (!"COMPLETED".equals(outcome.batchStatus())) {
            spec.commandLine()
                    .getErr()
                    .printf(
                            "re-assignment %d to %s failed: %s%nrun the same command again to resume it%n",
                            r.id(), plan, outcome.failure());
            return 1;
        }
        Duration took = Duration.between(r.startedAt(), r.finishedAt());
        out.printf(
                "%,d supporters re-assigned from %s to %s in %.1f s: %,d moved, %,d newly assigned, %,d without a district, "
                        + "%,d provisional to confirm, %,d confirmations kept; %,d group memberships moved%n",
                r.supporters(),
                r.fromPlan() == null ? "no plan" : r.fromPlan(),
                r.toPlan(),
                took.toMillis() / 1000.0,
                r.moved(),
                r.newlyAssigned(),
                r.unassigned(),
                r.provisional(),
                r.keptConfirmed(),
                r.membershipsMoved());
        out.printf("moved: %d%n", r.moved());
        out.printf("current plan: %s%n", r.toPlan());
        return 0;
    }
}
