package org.primarypipeline.batch.importsupporters;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.springframework.batch.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads the records of one partition's byte range with FastCSV (RFC 4180 as Commons CSV's default format
 * reads it: a record ends at CR, LF or CRLF outside quotes, {@code ""} is a quote inside quotes, a field
 * may be short of the header's width or longer; a character after a closing quote fails the read, as it
 * did), in blocks of {@code blockSize}
 * records. Restartable: the count of records handed on is saved with every chunk, and a restart skips
 * that many records of the range (records, not blocks, so a resume with another block size loses none).
 */
public class SupporterFileReader extends AbstractItemCountingItemStreamItemReader<RawBlock> {

    private final Path file;
    private final long start;
    private final long end;
    private final long firstLine;
    private CsvReader<CsvRecord> parser;
    private Iterator<CsvRecord> records;
    private final int blockSize;
    private long rowsRead;

    public SupporterFileReader(Path file, long start, long end, long firstLine, int blockSize) {
        this.file = file;
        this.start = start;
        this.end = end;
        this.firstLine = firstLine;
        this.blockSize = blockSize;
        setName("supporter-file");
    }

    @Override
    protected void doOpen() throws Exception {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(start);
        InputStream range = new Bounded(Channels.newInputStream(channel), end - start);
        // empty lines come through as records (nextRow passes over them); a record's line is where it starts
        parser = CsvReader.builder()
                .skipEmptyLines(false)
                .allowExtraFields(true)
                .allowMissingFields(true)
                // Commons CSV passed over blanks between a closing quote and the comma
                .trimWhitespacesAroundQuotes(true)
                .ofCsvRecord(new InputStreamReader(range, strictUtf8()));
        records = parser.iterator();
    }

    /** The scan refused a file that is not UTF-8; should it change since, reading fails rather than guess. */
    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    protected RawBlock doRead() {
        List<RawRow> rows = new ArrayList<>(blockSize);
        RawRow row;
        while (rows.size() < blockSize && (row = nextRow()) != null) {
            rows.add(row);
        }
        rowsRead += rows.size();
        return rows.isEmpty() ? null : new RawBlock(rows);
    }

    @Override
    public void open(org.springframework.batch.item.ExecutionContext context) {
        super.open(context);
        long skip = context.getLong(getExecutionContextKey("rows"), 0);
        for (long i = 0; i < skip && nextRow() != null; i++) {
            // already imported by a committed chunk
        }
        rowsRead = skip;
    }

    /** Records are skipped by their own count in {@link #open}, not by blocks. */
    @Override
    protected void jumpToItem(int blocks) {}

    @Override
    public void update(org.springframework.batch.item.ExecutionContext context) {
        super.update(context);
        context.putLong(getExecutionContextKey("rows"), rowsRead);
    }

    private RawRow nextRow() {
        while (records.hasNext()) {
            CsvRecord record = records.next();
            long line = firstLine + record.getStartingLineNumber() - 1;
            String[] values = record.getFields().toArray(String[]::new);
            if (values.length == 1 && values[0].isBlank()) {
                continue;
            }
            return new RawRow(line, values);
        }
        return null;
    }

    @Override
    protected void doClose() throws Exception {
        if (parser != null) {
            parser.close();
        }
    }

    /** An input stream that ends after a number of bytes: the partition's range. */
    private static final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long length) {
            super(in);
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
