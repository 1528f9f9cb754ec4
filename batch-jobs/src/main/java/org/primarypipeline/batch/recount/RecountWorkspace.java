package org.primarypipeline.batch.recount;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.primarypipeline.voting.VoteRows;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The rows a running recount has read so far, per job execution. They live in memory only (a million
 * members' rows are some 100 MB, far too much for Spring Batch's execution context), so a restarted
 * execution reads them again: the reading steps are allowed to run again when their execution completed.
 */
@Component
class RecountWorkspace implements JobExecutionListener {

    record Work(VoteRows rows, Instant startedAt) {}

    private final Map<Long, Work> work = new ConcurrentHashMap<>();

    Work of(long jobExecutionId) {
        return work.computeIfAbsent(jobExecutionId, id -> new Work(new VoteRows(), Instant.now()));
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        of(jobExecution.getId());
    }

    /**
     * A job made of flows ends with the flow's exit status, which says nothing of why a step failed;
     * the reason (for a differing recount, the report's summary naming the rows) goes on the job's.
     */
    @Override
    public void afterJob(JobExecution jobExecution) {
        work.remove(jobExecution.getId());
        for (Throwable failure : jobExecution.getAllFailureExceptions()) {
            jobExecution.setExitStatus(
                    jobExecution.getExitStatus().addExitDescription(String.valueOf(failure.getMessage())));
        }
    }
}
