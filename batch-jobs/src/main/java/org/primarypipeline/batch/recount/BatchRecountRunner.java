package org.primarypipeline.batch.recount;

import java.util.UUID;
import org.primarypipeline.certification.RecountOutcome;
import org.primarypipeline.certification.RecountReports;
import org.primarypipeline.certification.RecountRunner;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.JobParametersInvalidException;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.repository.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.repository.JobRestartException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Runs the {@code recount} job to its end in the calling thread: for the certification stage (the
 * workflow's automatic recount and staff's) and for {@code pp recount}.
 */
@Component
public class BatchRecountRunner implements RecountRunner {

    private final JobLauncher launcher;
    private final Job job;
    private final RecountReports reports;

    public BatchRecountRunner(JobLauncher launcher, @Qualifier("recountJob") Job job, RecountReports reports) {
        this.launcher = launcher;
        this.job = job;
        this.reports = reports;
    }

    @Override
    public RecountOutcome recount(String cycleId, String actor) {
        return outcome(cycleId, run(parameters(cycleId, UUID.randomUUID().toString(), actor)));
    }

    public static JobParameters parameters(String cycleId, String run, String actor) {
        return new JobParametersBuilder()
                .addString(RecountJobConfiguration.CYCLE, cycleId)
                .addString(RecountJobConfiguration.RUN, run)
                .addString(RecountJobConfiguration.ACTOR, actor == null ? "staff" : actor, false)
                .toJobParameters();
    }

    /** Starts a new instance, or restarts a failed one when the parameters name it. */
    public JobExecution run(JobParameters parameters) {
        try {
            return launcher.run(job, parameters);
        } catch (JobExecutionAlreadyRunningException
                | JobRestartException
                | JobInstanceAlreadyCompleteException
                | JobParametersInvalidException e) {
            throw new IllegalStateException("cannot start the recount: " + e.getMessage(), e);
        }
    }

    /** The outcome from the execution's report; an execution that wrote none could not run at all. */
    public RecountOutcome outcome(String cycleId, JobExecution execution) {
        return reports.ofJobExecution(execution.getId())
                .map(r -> new RecountOutcome(r.matches(), r.summary()))
                .orElseThrow(() -> new IllegalStateException("the recount of " + cycleId + " could not run ("
                        + execution.getStatus() + "): " + firstLine(execution.getExitStatus())));
    }

    private static String firstLine(ExitStatus status) {
        String description = status.getExitDescription();
        int end = description.indexOf('\n');
        return end < 0 ? description : description.substring(0, end);
    }
}
