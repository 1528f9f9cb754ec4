package org.primarypipeline.voting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Text rows into a {@code COPY ... FROM STDIN}, sent in messages of about 64 KB. Closing ends the copy;
 * the rows are then in the connection's transaction.
 */
public final class CopyInWriter extends Writer {

    private static final int FLUSH_AT = 1 << 16;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 1024);

    private CopyInWriter(CopyIn copy) {
        this.copy = copy;
    }

    public static CopyInWriter open(Connection connection, String copySql) throws SQLException {
        return new CopyInWriter(
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql));
    }

    /** A text value as COPY's text format needs it. */
    public static String escape(String text) {
        return text.replace("\\", "\\\\")
                .replace("\t", "\\t")
                .replace("\n", "\\n")
                .replace("\r", "\\r");
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        buffer.append(chars, offset, length);
        flushIfFull();
    }

    @Override
    public CopyInWriter append(CharSequence text) {
        buffer.append(text);
        flushIfFull();
        return this;
    }

    @Override
    public CopyInWriter append(char c) {
        buffer.append(c);
        return this;
    }

    public CopyInWriter append(long number) {
        buffer.append(number);
        return this;
    }

    private void flushIfFull() {
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    @Override
    public void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    @Override
    public void close() throws IOException {
        flush();
        try {
            copy.endCopy();
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
