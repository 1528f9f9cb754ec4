package org.primarypipeline.batch.importsupporters;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.primarypipeline.core.supporter.SupporterColumns;
import org.springframework.batch.core.partition.support.Partitioner;
import org.springframework.batch.item.ExecutionContext;

/**
 * Splits a supporter file into byte ranges that start on a record boundary, one per partition, so
 * the partitions read in parallel while PostgreSQL writes what the others have already read. One
 * pass over the bytes finds the boundaries (newlines outside quotes), counts the records for the
 * progress ETA and reads the header, which every partition gets as column positions.
 */
public class SupporterFilePartitioner implements Partitioner {

    public static final String START = "start";
    public static final String END = "end";
    public static final String FIRST_LINE = "firstLine";
    public static final String COLUMNS = "columns";
    public static final String WIDTH = "width";

    /** What the scan found, before the split. */
    public record Scan(long headerEnd, long size, long records, List<long[]> recordStarts, SupporterColumns columns) {}

    private final Path file;
    private final ImportRuns runs;
    private final long runId;

    public SupporterFilePartitioner(Path file, ImportRuns runs, long runId) {
        this.file = file;
        this.runs = runs;
        this.runId = runId;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Scan scan = scan(file, gridSize);
        runs.recordTotal(runId, scan.records());
        Map<String, ExecutionContext> partitions = new HashMap<>();
        List<long[]> starts = scan.recordStarts();
        for (int p = 0; p < starts.size(); p++) {
            ExecutionContext context = new ExecutionContext();
            context.putLong(START, starts.get(p)[0]);
            context.putLong(FIRST_LINE, starts.get(p)[1]);
            context.putLong(END, p + 1 < starts.size() ? starts.get(p + 1)[0] : scan.size());
            context.put(COLUMNS, scan.columns().positions());
            context.putInt(WIDTH, scan.columns().width());
            partitions.put("partition" + p, context);
        }
        return partitions;
    }

    /** A header line longer than this is not a supporter file's header. */
    static final int MAX_HEADER_BYTES = 64 * 1024;

    /** No field of a supporter's row is this long: a quoted stretch that is has lost its closing quote. */
    static final int MAX_QUOTED_BYTES = 64 * 1024;

    private static IllegalArgumentException notUtf8(Path file, long line, long offset) {
        return new IllegalArgumentException(file + ", line " + line + " (byte offset " + offset
                + "): the file is not valid UTF-8; save it as UTF-8 and import it again");
    }

    private static IllegalArgumentException unclosedQuote(Path file, long line) {
        return new IllegalArgumentException(
                file + ", line " + line
                        + ": a quote opened here is not closed (it would swallow the rest of the file); fix the line and import again");
    }

    /**
     * Reads the file once, and refuses it, naming the line, when it is not UTF-8, its header has no end,
     * or a quote never closes: before any row is stored, and without buffering more than a header. {@code recordStarts} holds, per partition, the byte offset and line number
     * of its first record (ranges of roughly equal size).
     */
    public static Scan scan(Path file, int parts) {
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            byte[] buffer = new byte[1 << 20];
            boolean quoted = false;
            boolean lastWasCr = false;
            long offset = 0;
            long line = 1;
            long records = 0;
            long headerEnd = -1;
            boolean recordHasContent = false;
            java.io.ByteArrayOutputStream header = new java.io.ByteArrayOutputStream();
            List<long[]> starts = new ArrayList<>();
            long nextCut = 0;
            Utf8 utf8 = new Utf8();
            long quoteLine = 0;
            long characterStart = 0;
            long quoteStart = 0;
            int read;
            while ((read = in.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    // most bytes are a record's plain text outside quotes (ASCII above the quote sign): nothing
                    // to track but that the record has content. The scan runs before any partition starts, so
                    // its time is the import's, one core idle
                    if (!quoted && headerEnd >= 0 && !utf8.inSequence() && buffer[i] > '"') {
                        while (i + 1 < read && buffer[i + 1] > '"') {
                            i++;
                        }
                        recordHasContent = true;
                        lastWasCr = false;
                        continue;
                    }
                    byte b = buffer[i];
                    if (b < 0 || utf8.inSequence()) {
                        if (!utf8.inSequence()) {
                            characterStart = offset + i;
                        }
                        if (!utf8.accept(b)) {
                            throw notUtf8(file, line, characterStart);
                        }
                    }
                    if (headerEnd < 0) {
                        if (header.size() >= MAX_HEADER_BYTES) {
                            throw new IllegalArgumentException(file + ": the header line is longer than "
                                    + MAX_HEADER_BYTES / 1024 + " KiB (is it the right file?)");
                        }
                        header.write(b);
                    }
                    boolean afterCr = lastWasCr;
                    lastWasCr = b == '\r';
                    if (b == '"') {
                        quoted = !quoted;
                        if (quoted) {
                            quoteLine = line;
                            quoteStart = offset + i;
                        }
                    } else if (quoted && offset + i - quoteStart > MAX_QUOTED_BYTES) {
                        throw unclosedQuote(file, quoteLine);
                    } else if (b == '\r') {
                        // the reader's parser ends a line at a CR on its own too (inside quotes as well); counted
                        // here, a CRLF's LF adds nothing, so each partition's first line number is the reader's
                        line++;
                    } else if (b == '\n') {
                        if (!afterCr) {
                            line++;
                        }
                        if (!quoted) {
                            long next = offset + i + 1;
                            if (headerEnd < 0) {
                                headerEnd = next;
                                nextCut = headerEnd;
                            } else if (recordHasContent) {
                                records++;
                            }
                            recordHasContent = false;
                            if (next >= nextCut && next < size && starts.size() < parts) {
                                starts.add(new long[] {next, line});
                                nextCut = headerEnd + (size - headerEnd) * starts.size() / parts;
                            }
                        }
                    } else {
                        recordHasContent = true;
                    }
                }
                offset += read;
            }
            if (utf8.inSequence()) {
                throw notUtf8(file, line, characterStart);
            }
            if (quoted) {
                throw unclosedQuote(file, quoteLine);
            }
            if (recordHasContent && headerEnd >= 0) {
                records++;
            }
            if (headerEnd < 0) {
                throw new IllegalArgumentException(file + " has no header line");
            }
            String headerText = header.toString(StandardCharsets.UTF_8);
            if (headerText.startsWith("\uFEFF")) {
                headerText = headerText.substring(1);
            }
            List<CSVRecord> parsed =
                    CSVFormat.DEFAULT.parse(new StringReader(headerText)).getRecords();
            if (parsed.isEmpty()) {
                throw new IllegalArgumentException(file + " has an empty header line");
            }
            SupporterColumns columns = SupporterColumns.fromHeader(parsed.get(0).toList());
            if (starts.isEmpty()) {
                starts.add(new long[] {headerEnd, 2});
            }
            return new Scan(headerEnd, size, records, starts, columns);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
