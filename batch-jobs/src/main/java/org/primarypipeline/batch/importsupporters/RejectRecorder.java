package org.primarypipeline.batch.importsupporters;

import java.util.List;
import javax.sql.DataSource;
import org.primarypipeline.batch.copy.CopyRows;

/**
 * Writes rejected rows (line, reason, the row as it stood) to {@code import_reject} in the transaction of
 * the chunk they were read in: a chunk that rolls back leaves no rejects behind, and its retry records
 * them once.
 */
public final class RejectRecorder {

    private final DataSource dataSource;
    private final long runId;

    public RejectRecorder(DataSource dataSource, long runId) {
        this.dataSource = dataSource;
        this.runId = runId;
    }

    public void record(List<ImportBlock.Reject> rejects) {
        if (rejects.isEmpty()) {
            return;
        }
        CopyRows rows = new CopyRows(rejects.size());
        for (ImportBlock.Reject r : rejects) {
            rows.add(runId).add(r.line()).add(r.reason()).add(r.raw()).endRow();
        }
        rows.copyInto(dataSource, "import_reject (run_id, line, reason, raw)");
    }
}
