package org.primarypipeline.core.csv;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV that staff open in a spreadsheet. commons-csv writes RFC 4180 (CRLF rows; a cell with a comma,
 * quote or line break quoted, so no value can start a row of its own). Text cells a spreadsheet would
 * run as a formula (starting with {@code = + - @}, a tab or a carriage return) get a leading single
 * quote, as OWASP advises against CSV injection. Numbers, dates and other non-text values are written
 * as they print, so a refund of {@code -20.00} stays a number.
 */
public final class SafeCsv implements Flushable, Closeable {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final StringBuilder memory;
    private final CSVPrinter printer;

    private SafeCsv(Appendable out, StringBuilder memory, String... header) {
        this.memory = memory;
        try {
            this.printer = new CSVPrinter(out, CSVFormat.DEFAULT);
            printer.printRecord(Arrays.stream(header).map(SafeCsv::cell));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV written to {@code out}; close it to flush. */
    public static SafeCsv to(Appendable out, String... header) {
        return new SafeCsv(out, null, header);
    }

    /** A CSV kept in memory, read with {@link #toString()}. */
    public static SafeCsv inMemory(String... header) {
        StringBuilder memory = new StringBuilder();
        return new SafeCsv(memory, memory, header);
    }

    public SafeCsv row(Object... cells) {
        try {
            printer.printRecord(Arrays.stream(cells).map(SafeCsv::cell));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** An empty line, then a second table with its own header (a report with totals, then days). */
    public SafeCsv table(String... header) {
        try {
            printer.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return row((Object[]) header);
    }

    /** Text as a spreadsheet shows it rather than runs it; other values unchanged, null as an empty cell. */
    static Object cell(Object value) {
        if (value instanceof CharSequence text && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return value;
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }

    /** The CSV so far, for one made {@link #inMemory}. */
    @Override
    public String toString() {
        if (memory == null) {
            throw new IllegalStateException("this CSV is written to a stream, not kept in memory");
        }
        return memory.toString();
    }
}
