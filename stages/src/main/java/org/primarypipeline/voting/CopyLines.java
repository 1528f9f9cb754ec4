package org.primarypipeline.voting;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Streams one {@code COPY ... TO STDOUT} (text format), a row at a time. The connection stays the
 * caller's: inside a transaction it sees that transaction's rows.
 */
public final class CopyLines implements AutoCloseable {

    private final CopyOut copy;
    private long rows;
    private boolean done;

    private CopyLines(CopyOut copy) {
        this.copy = copy;
    }

    public static CopyLines open(Connection connection, String copySql) throws SQLException {
        return new CopyLines(connection.unwrap(PGConnection.class).getCopyAPI().copyOut(copySql));
    }

    /** The next row, trailing line feed included, or null when the result is exhausted. */
    public byte[] next() throws SQLException {
        if (done) {
            return null;
        }
        byte[] row = copy.readFromCopy();
        if (row == null) {
            done = true;
        } else {
            rows++;
        }
        return row;
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
