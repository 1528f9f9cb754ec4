package org.primarypipeline.core.vote.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * A small CSV file with a fixed header, read whole: comma separated, fields optionally in double quotes
 * (a doubled quote inside stands for one), unquoted fields trimmed, blank lines skipped; commons-csv
 * reads each line. Every row keeps its line number so that a later refusal can point at it.
 */
final class CsvTable {

    private static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get();

    record Row(int line, List<String> fields) {
        String field(int i) {
            return fields.get(i);
        }
    }

    final Path file;
    final List<Row> rows;

    private CsvTable(Path file, List<Row> rows) {
        this.file = file;
        this.rows = rows;
    }

    static CsvTable read(Path file, List<String> header) throws BadInputException {
        List<Row> rows = new ArrayList<>();
        boolean headerSeen = false;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = split(file, number, line);
                if (!headerSeen) {
                    List<String> found = fields.stream()
                            .map(f -> f.trim().toLowerCase(Locale.ROOT))
                            .toList();
                    if (!found.equals(header)) {
                        throw new BadInputException(
                                file,
                                number,
                                "expected the header '" + String.join(",", header) + "' but found '" + line.trim()
                                        + "'");
                    }
                    headerSeen = true;
                    continue;
                }
                if (fields.size() != header.size()) {
                    throw new BadInputException(
                            file,
                            number,
                            "expected " + header.size() + " fields (" + String.join(",", header) + ") but found "
                                    + fields.size());
                }
                rows.add(new Row(number, fields));
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, 0, "no such file");
        } catch (CharacterCodingException e) {
            throw new BadInputException(file, 0, "not UTF-8 text");
        } catch (IOException e) {
            throw new BadInputException(file, 0, "cannot read: " + e.getMessage());
        }
        if (!headerSeen) {
            throw new BadInputException(file, 1, "empty file: expected the header '" + String.join(",", header) + "'");
        }
        return new CsvTable(file, rows);
    }

    /** One line, parsed alone so that a quoted field cannot run on into the next line. */
    private static List<String> split(Path file, int number, String line) throws BadInputException {
        try (CSVParser parser = CSVParser.parse(line, FORMAT)) {
            return parser.getRecords().get(0).toList();
        } catch (IOException | UncheckedIOException e) {
            String reason = String.valueOf(e.getMessage()).contains("EOF reached")
                    ? "unterminated quoted field"
                    : "text after a closing quote";
            throw new BadInputException(file, number, reason);
        }
    }
}
