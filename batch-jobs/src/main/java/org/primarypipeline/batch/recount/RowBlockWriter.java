package org.primarypipeline.batch.recount;

import org.primarypipeline.voting.VoteRows;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;

/** Feeds blocks of rows into the job execution's in-memory rows. */
class RowBlockWriter implements ItemWriter<RowBlock>, StepExecutionListener {

    private final RecountWorkspace workspace;
    private VoteRows rows;
    private long written;

    RowBlockWriter(RecountWorkspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        rows = workspace.of(stepExecution.getJobExecutionId()).rows();
        written = 0;
    }

    @Override
    public void write(Chunk<? extends RowBlock> chunk) {
        for (RowBlock block : chunk) {
            for (int i = 0; i < block.count(); i++) {
                rows.accept(block.set(), block.lines()[i]);
            }
            written += block.count();
        }
    }

    @Override
    public org.springframework.batch.core.ExitStatus afterStep(StepExecution stepExecution) {
        stepExecution.getExecutionContext().putLong("rows", written);
        return stepExecution.getExitStatus();
    }
}
