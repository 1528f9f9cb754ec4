package org.primarypipeline.core.priority;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.district.DistrictKeys;

/**
 * The FEC "all candidates" summaries (weball), one file per two-year cycle. House candidates only
 * (candidate ids starting with H); territories' delegates are left out.
 */
final class FecFilings {

    /** Cycles bundled; the last one was still running when the file was taken. */
    static final List<Integer> CYCLES = List.of(2022, 2024, 2026);

    static final int RUNNING_CYCLE = 2026;
    /**
     * A seat counts as open when at least this many candidates the FEC lists as running for an
     * open seat have each raised {@link #SERIOUS_RECEIPTS}: one such filing alone is often a
     * stale registration.
     */
    static final int OPEN_SEAT_FILINGS = 2;

    static final long SERIOUS_RECEIPTS = 25_000;

    private static final String HEADER = "data/fec/weball_header.txt";
    private static final Set<String> NON_VOTING = Set.of("DC", "PR", "AS", "GU", "MP", "VI");
    private static final Map<Integer, List<Filing>> bundled = new HashMap<>();

    private FecFilings() {}

    /**
     * @param incumbency the FEC's code: I incumbent, C challenger, O open seat
     */
    record Filing(
            String candidateId,
            DistrictId district,
            char incumbency,
            double receipts,
            double disbursements,
            String name,
            String party) {}

    static synchronized List<Filing> cycle(int cycle) {
        if (!CYCLES.contains(cycle)) {
            return List.of();
        }
        return bundled.computeIfAbsent(
                cycle,
                c -> parse(BundledData.pipeDelimited(
                        "data/fec/weball" + String.valueOf(c).substring(2) + ".txt")));
    }

    static List<Filing> parse(List<String[]> rows) {
        List<String> header = Arrays.asList(BundledData.pipeDelimited(HEADER).get(0));
        int id = header.indexOf("CAND_ID");
        int ici = header.indexOf("CAND_ICI");
        int receipts = header.indexOf("TTL_RECEIPTS");
        int disbursements = header.indexOf("TTL_DISB");
        int state = header.indexOf("CAND_OFFICE_ST");
        int district = header.indexOf("CAND_OFFICE_DISTRICT");
        int name = header.indexOf("CAND_NAME");
        int party = header.indexOf("CAND_PTY_AFFILIATION");
        return rows.stream()
                .filter(r -> r.length > district && r[id].startsWith("H"))
                .filter(r -> !r[district].isBlank() && !NON_VOTING.contains(r[state]))
                .map(r -> new Filing(
                        r[id],
                        DistrictKeys.of(r[state], r[district]),
                        r[ici].isEmpty() ? '?' : r[ici].charAt(0),
                        amount(r[receipts]),
                        amount(r[disbursements]),
                        r[name],
                        r[party]))
                .toList();
    }

    /** All House candidates' totals per district in one cycle. */
    static Map<DistrictId, RaceMoney> raceMoney(int cycle) {
        Map<DistrictId, double[]> sums = new TreeMap<>();
        Map<DistrictId, Integer> counts = new HashMap<>();
        for (Filing f : cycle(cycle)) {
            double[] s = sums.computeIfAbsent(f.district(), d -> new double[2]);
            s[0] += f.receipts();
            s[1] += f.disbursements();
            counts.merge(f.district(), 1, Integer::sum);
        }
        Map<DistrictId, RaceMoney> money = new TreeMap<>();
        sums.forEach((d, s) -> money.put(
                d, new RaceMoney(cycle, Math.round(s[0]), Math.round(s[1]), counts.get(d), cycle != RUNNING_CYCLE)));
        return money;
    }

    /**
     * Districts where serious candidates have filed for an open seat, with how many did. A seat
     * filled by a special election during the cycle still carries the special's "open" filings, so
     * {@code filledBySpecialElection} districts are not counted.
     */
    static Map<DistrictId, Integer> openSeatFilings(int cycle, Set<DistrictId> filledBySpecialElection) {
        Map<DistrictId, Integer> open = new TreeMap<>();
        for (Filing f : cycle(cycle)) {
            if (f.incumbency() == 'O' && f.receipts() >= SERIOUS_RECEIPTS) {
                open.merge(f.district(), 1, Integer::sum);
            }
        }
        open.keySet().removeAll(filledBySpecialElection);
        open.values().removeIf(n -> n < OPEN_SEAT_FILINGS);
        return open;
    }

    private static double amount(String field) {
        return field.isBlank() ? 0 : Double.parseDouble(field);
    }
}
