package org.primarypipeline.batch.importsupporters;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.primarypipeline.batch.copy.CopyRows;
import org.springframework.batch.core.SkipListener;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStream;

/**
 * Writes each rejected row (line, reason, the row as it stood) to {@code import_reject} in the
 * transaction of the chunk it was read in. Skips are collected as the chunk is processed and copied
 * in one go when the step saves its state, which Spring Batch does inside the chunk's transaction just
 * before it commits: a chunk that rolls back leaves no rejects behind, and its retry records them once.
 */
public class RejectRecorder implements SkipListener<RawRow, ImportRow>, ItemStream {

    private final DataSource dataSource;
    private final long runId;
    private final List<Object[]> pending = new ArrayList<>();

    public RejectRecorder(DataSource dataSource, long runId) {
        this.dataSource = dataSource;
        this.runId = runId;
    }

    @Override
    public void onSkipInProcess(RawRow row, Throwable reason) {
        pending.add(new Object[] {row.line(), reason.getMessage(), row.text()});
    }

    @Override
    public void onSkipInRead(Throwable reason) {
        pending.add(new Object[] {-1L, "unreadable: " + reason.getMessage(), null});
    }

    @Override
    public void open(ExecutionContext context) {
        // rejects of a chunk that never committed were rolled back with it
        pending.clear();
    }

    @Override
    public void update(ExecutionContext context) {
        if (pending.isEmpty()) {
            return;
        }
        CopyRows rows = new CopyRows(pending.size());
        for (Object[] r : pending) {
            rows.add(runId).add((long) r[0]).add((String) r[1]).add((String) r[2]).endRow();
        }
        pending.clear();
        rows.copyInto(dataSource, "import_reject (run_id, line, reason, raw)");
    }
}
