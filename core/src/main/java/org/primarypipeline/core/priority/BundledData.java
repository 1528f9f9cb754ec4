package org.primarypipeline.core.priority;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Opens the public files bundled under {@code data/} (credited in {@code data/SOURCES.md}). */
final class BundledData {

    private BundledData() {}

    static List<CSVRecord> csv(String resource) {
        try (Reader reader = new BufferedReader(reader(resource, StandardCharsets.UTF_8))) {
            skipByteOrderMark(reader);
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)
                    .getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled data file " + resource, e);
        }
    }

    /** Headerless CSV, for files whose header spans several rows. */
    static List<CSVRecord> csvWithoutHeader(String resource) {
        try (Reader reader = reader(resource, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled data file " + resource, e);
        }
    }

    /** FEC bulk files: pipe-delimited, no header, no quoting (names may contain quote marks). */
    static List<String[]> pipeDelimited(String resource) {
        // FEC bulk files are not guaranteed UTF-8; Latin-1 never fails and the fields we read are ASCII.
        try (BufferedReader reader = new BufferedReader(reader(resource, StandardCharsets.ISO_8859_1))) {
            return reader.lines()
                    .filter(l -> !l.isBlank())
                    .map(l -> l.split("\\|", -1))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled data file " + resource, e);
        }
    }

    static JsonNode json(String resource) {
        try (InputStream in = open(resource)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled data file " + resource, e);
        }
    }

    private static Reader reader(String resource, Charset charset) {
        return new InputStreamReader(open(resource), charset);
    }

    private static InputStream open(String resource) {
        InputStream in = BundledData.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing bundled data file: " + resource);
        }
        return in;
    }

    /** The MEDSL file starts with a UTF-8 byte-order mark, which would otherwise stick to "year". */
    private static void skipByteOrderMark(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }
}
