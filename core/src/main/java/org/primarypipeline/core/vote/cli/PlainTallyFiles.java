package org.primarypipeline.core.vote.cli;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primarypipeline.core.vote.FlowPolicy;
import org.primarypipeline.core.vote.IndexedVoteInput;
import org.primarypipeline.core.vote.InvalidVoteInputException;
import org.primarypipeline.core.vote.MemberIds;
import org.primarypipeline.core.vote.TallyMethod;

/**
 * The three tally files read in one pass each, straight into the count's arrays (member indices, proxy rows
 * as compressed lists, rankings as nominee indices), with no object per row. This is the path every valid
 * input takes: a 296,077-ballot count reads in a fraction of a second. It gives up at the first thing that
 * is not plainly right (a wrong header, a blank id, an unknown member, a quoted field running over a line
 * end, a rule of the count broken) and {@link TallyCli} then reads the files again with {@link CsvTable},
 * whose job is to say which file, line and reason.
 */
final class PlainTallyFiles {

    /** The files need the careful reader's words; nothing is wrong with the program. */
    static final class NotPlain extends Exception {
        private static final long serialVersionUID = 1L;

        NotPlain() {
            super(null, null, false, false);
        }
    }

    record Read(IndexedVoteInput input, int setAside) {}

    private PlainTallyFiles() {}

    static Read read(Path members, Path proxies, Path ballots, FlowPolicy policy, TallyMethod method, long seed)
            throws NotPlain {
        MemberIds ids = memberIds(members);
        int n = ids.size();
        IntList proxyMember = new IntList();
        IntList proxyTarget = new IntList();
        IntList proxyUnits = new IntList();
        forEachRow(proxies, TallyCli.PROXIES_HEADER, row -> {
            proxyMember.add(index(ids, row.getField(0)));
            proxyTarget.add(index(ids, row.getField(1)));
            proxyUnits.add(units(row.getField(2)));
        });
        int[] proxyStart = new int[n + 1];
        for (int i = 0; i < proxyMember.size; i++) {
            proxyStart[proxyMember.values[i] + 1]++;
        }
        for (int m = 0; m < n; m++) {
            proxyStart[m + 1] += proxyStart[m];
        }
        int[] fill = Arrays.copyOf(proxyStart, n);
        int[] target = new int[proxyMember.size];
        byte[] units = new byte[proxyMember.size];
        for (int i = 0; i < proxyMember.size; i++) {
            int at = fill[proxyMember.values[i]]++;
            target[at] = proxyTarget.values[i];
            units[at] = (byte) proxyUnits.values[i];
        }

        IntList ballotMember = new IntList();
        IntList rankingStart = new IntList();
        IntList rankingNominee = new IntList();
        List<String> nominees = new ArrayList<>();
        Map<String, Integer> nomineeIndex = new HashMap<>();
        int[] setAside = new int[1];
        rankingStart.add(0);
        forEachRow(ballots, TallyCli.BALLOTS_HEADER, row -> {
            int member = index(ids, row.getField(0));
            String field = row.getField(1);
            List<String> positions = RankingField.positions(field);
            if (RankingField.setAside(field, positions)) {
                setAside[0]++;
                return;
            }
            if (positions.isEmpty()) {
                throw new NotPlain();
            }
            ballotMember.add(member);
            for (String nominee : positions) {
                Integer known = nomineeIndex.get(nominee);
                if (known == null) {
                    known = nominees.size();
                    nominees.add(nominee);
                    nomineeIndex.put(nominee, known);
                }
                rankingNominee.add(known);
            }
            rankingStart.add(rankingNominee.size);
        });
        try {
            IndexedVoteInput input = new IndexedVoteInput(
                    ids,
                    proxyStart,
                    target,
                    units,
                    ballotMember.toArray(),
                    rankingStart.toArray(),
                    rankingNominee.toArray(),
                    nominees,
                    policy,
                    method,
                    seed);
            return new Read(input, setAside[0]);
        } catch (InvalidVoteInputException e) {
            throw new NotPlain();
        }
    }

    private static MemberIds memberIds(Path file) throws NotPlain {
        List<String> read = new ArrayList<>();
        forEachRow(file, TallyCli.MEMBERS_HEADER, row -> read.add(id(row.getField(0))));
        String[] ids = read.toArray(new String[0]);
        // files are usually written in id order already, which this sort passes through in one sweep
        Arrays.sort(ids);
        for (int i = 1; i < ids.length; i++) {
            if (ids[i - 1].equals(ids[i])) {
                throw new NotPlain();
            }
        }
        return MemberIds.sorted(ids);
    }

    /** Takes one row's fields; may refuse the files. */
    @FunctionalInterface
    private interface RowHandler {
        void row(CsvRecord row) throws NotPlain;
    }

    /** Each row after a header equal to {@code header}, each with exactly its fields and on one line. */
    private static void forEachRow(Path file, List<String> header, RowHandler handler) throws NotPlain {
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                .detectBomHeader(true)
                .skipEmptyLines(true)
                .ofCsvRecord(file, StandardCharsets.UTF_8)) {
            boolean headerSeen = false;
            for (CsvRecord row : csv) {
                if (row.getFieldCount() != header.size()) {
                    throw new NotPlain();
                }
                if (!headerSeen) {
                    for (int i = 0; i < header.size(); i++) {
                        if (!row.getField(i).strip().toLowerCase(Locale.ROOT).equals(header.get(i))) {
                            throw new NotPlain();
                        }
                    }
                    headerSeen = true;
                    continue;
                }
                for (int i = 0; i < header.size(); i++) {
                    String field = row.getField(i);
                    if (field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
                        throw new NotPlain();
                    }
                }
                handler.row(row);
            }
            if (!headerSeen) {
                throw new NotPlain();
            }
        } catch (IOException | UncheckedIOException | CsvParseException e) {
            throw new NotPlain();
        }
    }

    private static String id(String field) throws NotPlain {
        String id = field.strip();
        if (id.isEmpty()) {
            throw new NotPlain();
        }
        return id;
    }

    private static int index(MemberIds ids, String field) throws NotPlain {
        int index = ids.indexOf(id(field));
        if (index < 0) {
            throw new NotPlain();
        }
        return index;
    }

    private static int units(String field) throws NotPlain {
        try {
            int units = Integer.parseInt(field.strip());
            if (units < 1 || units > IndexedVoteInput.UNITS_PER_MEMBER) {
                throw new NotPlain();
            }
            return units;
        } catch (NumberFormatException e) {
            throw new NotPlain();
        }
    }

    /** A growing {@code int[]}: a list of boxed integers would cost a few objects per ballot. */
    private static final class IntList {
        int[] values = new int[1024];
        int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
