package org.primarypipeline.batch.importsupporters;

/** One record of the file as read: the line it starts on (header = line 1) and its fields. */
public record RawRow(long line, String[] values) {

    /** The row as it stood, for the rejects report. */
    public String text() {
        String joined = String.join(",", values);
        return joined.length() > 1_000 ? joined.substring(0, 1_000) + "..." : joined;
    }
}
