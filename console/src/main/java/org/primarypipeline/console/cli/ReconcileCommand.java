package org.primarypipeline.console.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.primarypipeline.batch.reconcile.ReconcileJobConfiguration;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "reconcile",
        description = "Pull Stripe's balance transactions and payouts since the last run and match them to the ledger.")
public class ReconcileCommand implements Callable<Integer>, ApplicationCommand {

    @Spec
    CommandSpec spec;

    @Option(names = "--since", description = "Pull from this time (epoch seconds) instead of the last run's cursor.")
    Long since;

    @Option(
            names = "--restart",
            description = "Restart the failed run with this id (its 'run' parameter) where it stopped.")
    String restart;

    @Autowired
    JobLauncher launcher;

    @Autowired
    @Qualifier("reconcileJob")
    Job job;

    @Autowired
    Clock clock;

    @Override
    public Integer call() throws Exception {
        String run = restart != null ? restart : clock.instant().toString();
        JobParametersBuilder params = new JobParametersBuilder().addString(ReconcileJobConfiguration.RUN, run);
        if (since != null) {
            params.addLong(ReconcileJobConfiguration.SINCE, since);
        }
        JobExecution execution = launcher.run(job, params.toJobParameters());
        spec.commandLine()
                .getOut()
                .printf(
                        "reconcile run %s: %s %s%n",
                        run, execution.getStatus(), execution.getExitStatus().getExitDescription());
        return execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
    }
}
