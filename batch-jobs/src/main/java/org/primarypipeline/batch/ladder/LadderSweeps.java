package org.primarypipeline.batch.ladder;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobInstanceAlreadyCompleteException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Runs the {@code ladder-sweep} job for an hour (its identifying parameter): a second launch for the same
 * hour restarts a failed run where it stopped and does nothing after a completed one.
 */
@Component
public class LadderSweeps {

    private final JobLauncher launcher;
    private final Job job;

    public LadderSweeps(JobLauncher launcher, @Qualifier("ladderSweepJob") Job job) {
        this.launcher = launcher;
        this.job = job;
    }

    /** Returns the run's status; COMPLETED also when this hour's sweep had already completed. */
    public BatchStatus run(long hour) {
        try {
            JobExecution execution = launcher.run(
                    job, new JobParametersBuilder().addLong("hour", hour).toJobParameters());
            return execution.getStatus();
        } catch (JobInstanceAlreadyCompleteException done) {
            return BatchStatus.COMPLETED;
        } catch (Exception e) {
            throw new IllegalStateException("ladder sweep for hour " + hour + " could not run: " + e.getMessage(), e);
        }
    }
}
