package org.primarypipeline.batch.importsupporters;

import org.apache.commons.csv.CSVFormat;

/** One record of the file as read: the line it starts on (header = line 1) and its fields. */
public record RawRow(long line, String[] values) {

    /** The row as a CSV line again (fields with a comma or quote quoted), for the rejects report. */
    public String text() {
        String joined = CSVFormat.DEFAULT.format((Object[]) values);
        return joined.length() > 1_000 ? joined.substring(0, 1_000) + "..." : joined;
    }
}
