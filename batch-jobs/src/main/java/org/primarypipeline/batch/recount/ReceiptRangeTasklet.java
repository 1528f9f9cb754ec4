package org.primarypipeline.batch.recount;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.primarypipeline.batch.partitioning.IdRangePartitioner;
import org.primarypipeline.certification.ReceiptMatch;
import org.primarypipeline.voting.VoteRowSet;
import org.primarypipeline.voting.VoteRows;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * One partition of the receipt check: reads the ballots and receipt entries of the members in its
 * id range ({@code COPY}, on a read-only connection of its own), checks each ballot against its
 * member's latest receipt and keeps the {@link ReceiptMatch} in its step execution context, where the
 * compare step collects all partitions' parts. Runs on a thread of the manager or on a batch worker.
 */
class ReceiptRangeTasklet implements Tasklet {

    static final String CHANGED = "changed";
    static final String DELETED = "deleted";
    static final String UNRECEIPTED = "unreceipted";
    static final String COUNT = "Count";

    private final DataSource dataSource;

    ReceiptRangeTasklet(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws SQLException {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        String cycleId = step.getJobParameters().getString(RecountJobConfiguration.CYCLE);
        ExecutionContext context = step.getExecutionContext();
        long min = context.getLong(IdRangePartitioner.MIN_ID);
        long max = context.getLong(IdRangePartitioner.MAX_ID);
        VoteRows rows = new VoteRows();
        long read;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try {
                read = read(connection, cycleId, VoteRowSet.BALLOTS, rows, min, max)
                        + read(connection, cycleId, VoteRowSet.RECEIPTS, rows, min, max);
            } finally {
                connection.rollback();
            }
        }
        ReceiptMatch match = ReceiptMatch.check(cycleId, rows);
        put(context, CHANGED, match.changed(), match.changedCount());
        put(context, DELETED, match.deleted(), match.deletedCount());
        put(context, UNRECEIPTED, match.unreceipted(), match.unreceiptedCount());
        contribution.incrementReadCount();
        context.putLong("rows", read);
        return RepeatStatus.FINISHED;
    }

    private static long read(Connection connection, String cycleId, VoteRowSet set, VoteRows rows, long min, long max)
            throws SQLException {
        String copy = "copy (" + set.select(cycleId) + " and member_id between " + min + " and " + max + ") to stdout";
        try (var lines = org.primarypipeline.voting.CopyLines.open(connection, copy)) {
            for (byte[] line = lines.next(); line != null; line = lines.next()) {
                rows.accept(set, line);
            }
            return lines.rows();
        }
    }

    private static void put(ExecutionContext context, String key, List<Long> ids, long count) {
        context.put(key, new ArrayList<>(ids));
        context.putLong(key + COUNT, count);
    }

    @SuppressWarnings("unchecked")
    static ReceiptMatch match(ExecutionContext context) {
        return new ReceiptMatch(
                (List<Long>) context.get(CHANGED),
                context.getLong(CHANGED + COUNT),
                (List<Long>) context.get(DELETED),
                context.getLong(DELETED + COUNT),
                (List<Long>) context.get(UNRECEIPTED),
                context.getLong(UNRECEIPTED + COUNT));
    }
}
