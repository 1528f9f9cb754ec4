package org.primarypipeline.batch.importsupporters;

import java.util.List;

/** A block of the file after validation and districting: its valid rows and the rows it rejected. */
public record ImportBlock(List<ImportRow> rows, List<Reject> rejects) {

    /** A row that failed validation: its line, why, and the row as it stood. */
    public record Reject(long line, String reason, String raw) {}

    public int size() {
        return rows.size() + rejects.size();
    }
}
