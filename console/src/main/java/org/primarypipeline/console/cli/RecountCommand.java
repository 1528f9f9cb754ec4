package org.primarypipeline.console.cli;

import java.util.UUID;
import java.util.concurrent.Callable;
import org.primarypipeline.batch.recount.BatchRecountRunner;
import org.primarypipeline.certification.RecountOutcome;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pp recount CYCLE}: runs the recount job now, at any stage after the count, outside the
 * workflow (which runs it itself in certification). Exit 0: the stored result stands; 1: it differs
 * (the report names the rows); 2: the recount could not run.
 */
@Command(
        name = "recount",
        description = "Re-derive a counted cycle's result from its raw rows (Spring Batch job) and "
                + "compare it with the stored one; writes a recount report.")
public class RecountCommand implements Callable<Integer>, ApplicationCommand {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "Cycle id, e.g. TX-07-1.")
    String cycleId;

    @Option(names = "--as", description = "Who asks (default: $USER).")
    String actor = Actors.current();

    @Option(names = "--restart", paramLabel = "RUN", description = "Restart the failed run with this run id.")
    String restart;

    @Autowired
    BatchRecountRunner recounts;

    @Autowired
    CycleRepository cycles;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        CycleRecord cycle = cycles.find(cycleId).orElse(null);
        if (cycle == null) {
            err.println("refused: no cycle " + cycleId);
            return 2;
        }
        String run = restart != null ? restart : UUID.randomUUID().toString();
        JobExecution execution = recounts.run(BatchRecountRunner.parameters(cycleId, run, actor));
        RecountOutcome outcome;
        try {
            outcome = recounts.outcome(cycleId, execution);
        } catch (IllegalStateException couldNotRun) {
            err.println(couldNotRun.getMessage());
            err.println("restart it with: pp recount " + cycleId + " --restart " + run);
            return 2;
        }
        cycles.record(
                cycleId,
                cycle.stage(),
                outcome.matches() ? "RECOUNT_MATCHED" : "RECOUNT_DIFFERED",
                outcome.detail(),
                actor,
                "recount:cli:" + run + ":" + execution.getId());
        (outcome.matches() ? out : err).println(outcome.detail());
        out.println("job execution " + execution.getId() + " (" + execution.getStatus() + "), run " + run);
        return execution.getStatus() == BatchStatus.COMPLETED && outcome.matches() ? 0 : 1;
    }
}
