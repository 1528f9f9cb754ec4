package org.primarypipeline.batch.recount;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.primarypipeline.voting.CopyLines;
import org.primarypipeline.voting.VoteRowSet;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamException;
import org.springframework.batch.item.ItemStreamReader;

/**
 * Reads one row set of the job's cycle with {@code COPY (select ...) TO STDOUT} on a connection of its
 * own, in blocks of {@code blockRows}. It keeps no position in the execution context: the rows it feeds
 * are held in memory, so a restarted step has to read from the start anyway.
 */
class CopyBlockReader implements ItemStreamReader<RowBlock>, StepExecutionListener {

    private final DataSource dataSource;
    private final VoteRowSet set;
    private final int blockRows;
    private String cycleId;
    private Connection connection;
    private CopyLines lines;

    CopyBlockReader(DataSource dataSource, VoteRowSet set, int blockRows) {
        this.dataSource = dataSource;
        this.set = set;
        this.blockRows = blockRows;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        cycleId = stepExecution.getJobParameters().getString(RecountJobConfiguration.CYCLE);
    }

    @Override
    public void open(ExecutionContext executionContext) {
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            lines = CopyLines.open(connection, set.copy(cycleId));
        } catch (SQLException e) {
            close();
            throw new ItemStreamException("cannot read " + set + " of cycle " + cycleId, e);
        }
    }

    @Override
    public RowBlock read() throws SQLException {
        byte[][] block = new byte[blockRows][];
        int count = 0;
        while (count < blockRows) {
            byte[] line = lines.next();
            if (line == null) {
                break;
            }
            block[count++] = line;
        }
        return count == 0 ? null : new RowBlock(set, block, count);
    }

    @Override
    public void close() {
        try {
            if (lines != null) {
                lines.close();
            }
            if (connection != null) {
                connection.rollback();
                connection.close();
            }
        } catch (SQLException e) {
            throw new ItemStreamException("cannot close the read of " + set, e);
        } finally {
            lines = null;
            connection = null;
        }
    }
}
