package org.primarypipeline.core.priority;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.district.DistrictKeys;

/**
 * The House Democrats of one Congress with their Voteview scores (credited in data/SOURCES.md): who
 * stands where, and what a seat's lean leads one to expect. Delegates (DC and the territories) do
 * not vote on passage and are left out of the caucus.
 */
public final class DemocraticCaucus {

    /** Voteview's party code for Democrats. */
    private static final String DEMOCRAT = "100";

    private static final Set<String> NON_STATES = Set.of("DC", "AS", "GU", "MP", "PR", "VI");

    /** The 119th Congress (2025-2026): what the 2026 ranking uses. */
    public static final String CURRENT_RESOURCE = "data/ideology/voteview_HS119_members.csv";

    /**
     * House Democrats of the 114th-118th Congresses (Voteview): Nokken-Poole scores for the
     * backtests, and the DW-NOMINATE scores that judge who won an open primary.
     */
    public static final String HISTORY_RESOURCE = "data/ideology/voteview_house_democrats_114-118.csv";

    private static DemocraticCaucus current;
    private static Map<Integer, DemocraticCaucus> history;

    /** One member's scores and seat. */
    record Member(String bioguideId, String surname, DistrictId seat, double dim1, double dim2, int votes) {
        double position() {
            return dim1 + dim2;
        }
    }

    private final int congress;
    private final String scoreKind;
    private final List<Member> members;
    private final Map<String, Member> byBioguide = new HashMap<>();
    private final Map<DistrictId, Member> bySeat = new HashMap<>();
    private double intercept = Double.NaN;
    private double slope = Double.NaN;

    DemocraticCaucus(int congress, String scoreKind, List<Member> members) {
        this.congress = congress;
        this.scoreKind = scoreKind;
        this.members = members.stream()
                .sorted(Comparator.comparingDouble(Member::position))
                .toList();
        for (Member m : this.members) {
            byBioguide.put(m.bioguideId(), m);
            // A seat that changed hands during the Congress: the member who cast the most votes speaks for it.
            bySeat.merge(m.seat(), m, (a, b) -> a.votes() >= b.votes() ? a : b);
        }
    }

    /** The 119th Congress's DW-NOMINATE scores, bundled. */
    public static synchronized DemocraticCaucus current() {
        if (current == null) {
            current = parse(BundledData.csv(CURRENT_RESOURCE), 119, false);
        }
        return current;
    }

    /**
     * @param nokkenPoole read the Nokken-Poole columns (each Congress scaled on its own votes) instead
     *                    of DW-NOMINATE's (one position per member over the whole career)
     */
    static DemocraticCaucus parse(List<CSVRecord> rows, int congress, boolean nokkenPoole) {
        String d1 = nokkenPoole ? "nokken_poole_dim1" : "nominate_dim1";
        String d2 = nokkenPoole ? "nokken_poole_dim2" : "nominate_dim2";
        List<Member> members = new ArrayList<>();
        for (CSVRecord row : rows) {
            if (!row.get("chamber").equals("House")
                    || !row.get("party_code").equals(DEMOCRAT)
                    || Integer.parseInt(row.get("congress")) != congress
                    || NON_STATES.contains(row.get("state_abbrev"))
                    || row.get(d1).isBlank()
                    || row.get(d2).isBlank()) {
                continue;
            }
            String votes = row.isMapped("nominate_number_of_votes") ? row.get("nominate_number_of_votes") : "";
            String surname = row.isMapped("surname")
                    ? row.get("surname")
                    : row.get("bioname").split(",", 2)[0];
            members.add(new Member(
                    row.get("bioguide_id"),
                    surname,
                    DistrictKeys.of(row.get("state_abbrev"), row.get("district_code")),
                    Double.parseDouble(row.get(d1)),
                    Double.parseDouble(row.get(d2)),
                    votes.isBlank() ? 0 : (int) Double.parseDouble(votes)));
        }
        return new DemocraticCaucus(congress, nokkenPoole ? "Nokken-Poole" : "DW-NOMINATE", members);
    }

    /** The Congress sitting in {@code year} (an even year is its second): 2018 is in the 115th. */
    public static int sittingIn(int year) {
        return (year - 1787) / 2;
    }

    /** The last year a Congress sat in: the 115th sat until 2018. */
    public static int lastYearOf(int congress) {
        return 1788 + 2 * congress;
    }

    /**
     * The most recent Congress whose every vote was cast before {@code year}, if its scores are
     * bundled: for 2020 the 115th (2017-2018), never the 116th that sat during 2020 itself.
     */
    public static Optional<DemocraticCaucus> knownBefore(int year) {
        return Optional.ofNullable(history().get(sittingIn(year) - 1)).filter(c -> lastYearOf(c.congress()) < year);
    }

    private static synchronized Map<Integer, DemocraticCaucus> history() {
        if (history == null) {
            List<CSVRecord> rows = BundledData.csv(HISTORY_RESOURCE);
            Map<Integer, DemocraticCaucus> byCongress = new HashMap<>();
            rows.stream()
                    .map(r -> Integer.parseInt(r.get("congress")))
                    .distinct()
                    .forEach(c -> byCongress.put(c, parse(rows, c, true)));
            history = Map.copyOf(byCongress);
        }
        return history;
    }

    public int congress() {
        return congress;
    }

    public int size() {
        return members.size();
    }

    /**
     * Fits the straight line position = a + b x Democratic share of the seat over the members whose
     * seat's share is given: what a seat "usually elects". Returns this caucus, fitted.
     */
    DemocraticCaucus fitSeats(Map<DistrictId, Double> demShareBySeat) {
        List<double[]> points = new ArrayList<>();
        for (Member m : bySeat.values()) {
            Double x = demShareBySeat.get(m.seat());
            if (x != null) {
                points.add(new double[] {x, m.position()});
            }
        }
        return fit(points);
    }

    /**
     * Fits the same line over standings already found by name (backtests), each with its seat's
     * Democratic share. Returns this caucus, fitted.
     */
    DemocraticCaucus fitNamed(Map<DistrictId, CaucusStanding> standings, Map<DistrictId, Double> shares) {
        List<double[]> points = new ArrayList<>();
        standings.forEach((seat, s) -> points.add(new double[] {shares.get(seat), s.position()}));
        return fit(points);
    }

    /** Least squares through (share, position) points; fewer than 10 leave the seat term out. */
    private DemocraticCaucus fit(List<double[]> points) {
        double n = points.size(), sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (double[] p : points) {
            sx += p[0];
            sy += p[1];
            sxx += p[0] * p[0];
            sxy += p[0] * p[1];
        }
        if (n >= 10) {
            slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
            intercept = (sy - slope * sx) / n;
        }
        return this;
    }

    /** The member's standing, by Bioguide id. */
    Optional<CaucusStanding> standingOf(String bioguideId, Double seatDemShare) {
        return Optional.ofNullable(byBioguide.get(bioguideId)).map(m -> standing(m, seatDemShare));
    }

    /**
     * The standing of the member of {@code state} whose surname the election results' name carries
     * (backtests know names, not ids; seat numbers change with redistricting). Two members of the
     * state with that surname: the one who sat for {@code district}; still ambiguous: none.
     */
    Optional<CaucusStanding> standingOfNamed(DistrictId district, String resultsName, Double seatDemShare) {
        return memberNamed(district, resultsName).map(m -> standing(m, seatDemShare));
    }

    /** The member {@link #standingOfNamed} finds, with the Bioguide id. */
    Optional<Member> memberNamed(DistrictId district, String resultsName) {
        String name = " " + normalized(resultsName) + " ";
        List<Member> matches = members.stream()
                .filter(m -> m.seat().state().equals(district.state()))
                .filter(m -> name.contains(" " + normalized(m.surname()) + " "))
                .toList();
        if (matches.size() > 1) {
            matches = matches.stream().filter(m -> m.seat().equals(district)).toList();
        }
        if (matches.stream().map(Member::bioguideId).distinct().count() != 1) {
            return Optional.empty();
        }
        return matches.stream().max(Comparator.comparingInt(Member::votes));
    }

    /** Whether the member sat in this Congress, for any seat. */
    boolean includes(String bioguideId) {
        return byBioguide.containsKey(bioguideId);
    }

    /**
     * The House Democrats elected in {@code year} (the Congress that first met the January after),
     * by DW-NOMINATE, read afresh so that fitting it disturbs no other caller. Only for judging the
     * outcome of that year's primaries, never as an input to a ranking: their votes came later.
     * Empty when that Congress is not bundled.
     */
    static Optional<DemocraticCaucus> electedIn(int year) {
        int congress = sittingIn(year) + 1;
        String resource = congress == 119 ? CURRENT_RESOURCE : HISTORY_RESOURCE;
        DemocraticCaucus caucus = parse(BundledData.csv(resource), congress, false);
        return caucus.size() == 0 ? Optional.empty() : Optional.of(caucus);
    }

    /** Upper case, accents and punctuation gone: "Ocasio-Cortez" and "OCASIO CORTEZ" meet. */
    static String normalized(String name) {
        String plain = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.toUpperCase(java.util.Locale.ROOT)
                .replaceAll("[^A-Z]+", " ")
                .trim();
    }

    private CaucusStanding standing(Member m, Double seatDemShare) {
        int rank = 1
                + (int) members.stream()
                        .filter(o -> o.position() < m.position())
                        .count();
        double expected = seatDemShare == null || Double.isNaN(slope) ? Double.NaN : intercept + slope * seatDemShare;
        return new CaucusStanding(congress, scoreKind, m.dim1(), m.dim2(), rank, members.size(), expected);
    }
}
