package org.primarypipeline.batch.importcontacts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;

/**
 * The columns a contact file has beyond a supporter file's (which {@code SupporterColumns} reads): precinct,
 * party, age and vote history or any other free tags. Names in any case, spaces or dashes for underscores.
 */
public record ContactColumns(int precinct, int party, int age, List<Integer> tags) {

    static final List<String> PRECINCT = List.of("precinct", "precinct_name", "precinct_code", "ward");
    static final List<String> PARTY = List.of("party", "party_affiliation", "registered_party");
    static final List<String> AGE = List.of("age");
    static final List<String> TAGS = List.of("tags", "tag", "vote_history", "votehistory", "history", "voted");

    /** Reads the header line of the file (the partitioner has already checked it is there and UTF-8). */
    public static ContactColumns of(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new IllegalArgumentException(file + " has no header line");
            }
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            return fromHeader(CSVFormat.DEFAULT
                    .parse(new StringReader(header))
                    .getRecords()
                    .get(0)
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static ContactColumns fromHeader(List<String> header) {
        int precinct = -1, party = -1, age = -1;
        List<Integer> tags = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i)
                    .strip()
                    .toLowerCase(Locale.ROOT)
                    .replace('-', '_')
                    .replace(' ', '_');
            if (PRECINCT.contains(name) && precinct < 0) {
                precinct = i;
            } else if (PARTY.contains(name) && party < 0) {
                party = i;
            } else if (AGE.contains(name) && age < 0) {
                age = i;
            } else if (TAGS.contains(name)) {
                tags.add(i);
            }
        }
        return new ContactColumns(precinct, party, age, List.copyOf(tags));
    }

    static String value(String[] row, int i) {
        if (i < 0 || i >= row.length) {
            return null;
        }
        String v = row[i].strip();
        return v.isEmpty() ? null : v;
    }
}
