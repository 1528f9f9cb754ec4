package org.primarypipeline.batch.importsupporters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.item.ExecutionContext;

/**
 * The partition reader (FastCSV since #20) reads odd records as Commons CSV's default format did: the
 * values and the line each record starts on, over line ends of every kind, quoted line breaks, doubled
 * quotes, short and long records and blank lines, in a range that starts after the header.
 */
class SupporterFileReaderTest {

    @TempDir
    Path dir;

    @Test
    void oddRecordsKeepTheirValuesAndLines() throws Exception {
        String header = "name,email\n";
        String body = "a,b\n\nc,d\r\ne,f\rg,h\n\"x,y\",\"he said \"\"hi\"\"\"\n\"multi\nline\",z\n"
                + "\"abc\"  ,d\na\"b,c\none\ntwo,three,four\n , \n";
        List<String> read = read(header, body, 500);
        assertThat(read)
                .containsExactly(
                        "2 [a, b]",
                        "4 [c, d]",
                        "5 [e, f]",
                        "6 [g, h]",
                        "7 [x,y, he said \"hi\"]",
                        "8 [multi\nline, z]",
                        "10 [abc, d]",
                        "11 [a\"b, c]",
                        "12 [one]",
                        "13 [two, three, four]",
                        // a line of blanks is not an empty line: the row parser rejects it with its line
                        "14 [ ,  ]");
    }

    @Test
    void aRestartSkipsTheRecordsAlreadyHandedOn() throws Exception {
        String body = "a,1\nb,2\n\"c\n\",3\nd,4\ne,5\n";
        Path file = write("name,n\n", body);
        SupporterFileReader reader = reader(file, "name,n\n", body, 2);
        ExecutionContext context = new ExecutionContext();
        reader.open(context);
        reader.read();
        reader.update(context);
        reader.close();
        SupporterFileReader again = reader(file, "name,n\n", body, 2);
        again.open(context);
        List<String> rest = new ArrayList<>();
        RawBlock block;
        while ((block = again.read()) != null) {
            block.rows().forEach(r -> rest.add(r.line() + " " + r.values()[0]));
        }
        again.close();
        assertThat(rest).containsExactly("4 c\n", "6 d", "7 e");
    }

    @Test
    void aCharacterAfterAClosingQuoteFailsTheRead() {
        assertThatThrownBy(() -> read("name,email\n", "ok,1\n\"abc\"def,g\n", 500))
                .isInstanceOf(RuntimeException.class);
    }

    private List<String> read(String header, String body, int blockSize) throws Exception {
        Path file = write(header, body);
        SupporterFileReader reader = reader(file, header, body, blockSize);
        reader.open(new ExecutionContext());
        List<String> out = new ArrayList<>();
        try {
            RawBlock block;
            while ((block = reader.read()) != null) {
                for (RawRow row : block.rows()) {
                    out.add(row.line() + " " + java.util.Arrays.toString(row.values()));
                }
            }
        } finally {
            reader.close();
        }
        return out;
    }

    private Path write(String header, String body) throws Exception {
        Path file = dir.resolve("list-" + System.nanoTime() + ".csv");
        Files.writeString(file, header + body, StandardCharsets.UTF_8);
        return file;
    }

    private static SupporterFileReader reader(Path file, String header, String body, int blockSize) {
        long start = header.getBytes(StandardCharsets.UTF_8).length;
        long end = start + body.getBytes(StandardCharsets.UTF_8).length;
        return new SupporterFileReader(file, start, end, 2, blockSize);
    }
}
