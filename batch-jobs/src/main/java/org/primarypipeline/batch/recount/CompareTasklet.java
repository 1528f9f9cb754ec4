package org.primarypipeline.batch.recount;

import java.util.Comparator;
import java.util.List;
import org.primarypipeline.batch.partitioning.IdRangePartitioner;
import org.primarypipeline.certification.ReceiptMatch;
import org.primarypipeline.certification.RecountFindings;
import org.primarypipeline.certification.RecountReports;
import org.primarypipeline.certification.RecountVerifier;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * Counts the rows read, checks the receipt chain, compares with the stored result and writes the
 * report. A difference fails the step (and so the job) after the report is stored, with the report's
 * summary, which names the members whose rows are involved, as the failure message.
 */
class CompareTasklet implements Tasklet {

    private final RecountWorkspace workspace;
    private final RecountVerifier verifier;
    private final RecountReports reports;
    private final JobExplorer explorer;

    /** {@code explorer}: where the receipt check's partitions are read back; {@code null} when it is not partitioned. */
    CompareTasklet(RecountWorkspace workspace, RecountVerifier verifier, RecountReports reports, JobExplorer explorer) {
        this.workspace = workspace;
        this.verifier = verifier;
        this.reports = reports;
        this.explorer = explorer;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        String cycleId = step.getJobParameters().getString(RecountJobConfiguration.CYCLE);
        String actor = step.getJobParameters().getString(RecountJobConfiguration.ACTOR, "staff");
        RecountWorkspace.Work work = workspace.of(step.getJobExecutionId());
        // the receipt check's partitions, when it was partitioned; otherwise it runs here, beside the count
        ReceiptMatch receiptMatch = explorer == null ? null : receiptMatch(step.getJobExecutionId());
        RecountFindings findings = verifier.verify(cycleId, work.rows(), receiptMatch);
        long report = reports.store(cycleId, step.getJobExecutionId(), actor, work.startedAt(), findings);
        var context = step.getJobExecution().getExecutionContext();
        context.putLong("reportId", report);
        context.putString("matches", Boolean.toString(findings.matches()));
        if (!findings.matches()) {
            throw new RecountDiffersException("recount report " + report + ": " + findings.summary());
        }
        return RepeatStatus.FINISHED;
    }

    /**
     * The receipt check's partitions of this execution, read back from the job repository (they may have
     * run in other processes), merged in member-id order.
     */
    private ReceiptMatch receiptMatch(long jobExecutionId) {
        String prefix = RecountJobConfiguration.RECEIPT_RANGE_STEP + ":";
        List<StepExecution> parts = explorer.getJobExecution(jobExecutionId).getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith(prefix))
                .sorted(Comparator.comparingLong(s -> s.getExecutionContext().getLong(IdRangePartitioner.MIN_ID)))
                .toList();
        if (parts.isEmpty() || parts.stream().anyMatch(s -> s.getStatus() != BatchStatus.COMPLETED)) {
            throw new IllegalStateException(
                    "the receipt check of job execution " + jobExecutionId + " did not complete in every partition");
        }
        return ReceiptMatch.merge(parts.stream()
                .map(s -> ReceiptRangeTasklet.match(s.getExecutionContext()))
                .toList());
    }

    /** The stored result does not stand: the job fails, loudly, naming the rows. */
    static final class RecountDiffersException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RecountDiffersException(String message) {
            super(message);
        }
    }
}
