package org.primarypipeline.core.priority;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.district.DistrictKeys;

/**
 * House general-election results from the MIT Election Data and Science Lab, summed per candidate
 * across fusion-ticket lines. Only the 435 voting seats: DC's delegate race is left out.
 */
final class HouseResults {

    static final String RESOURCE = "data/elections/medsl_house_2012-2024.csv";
    /** The bundled copy keeps only the elections on or after the 2012 redistricting. */
    static final int FIRST_YEAR = 2012;

    static final int LAST_YEAR = 2024;

    private static final Set<String> NON_VOTING = Set.of("DC", "PR", "AS", "GU", "MP", "VI");
    private static HouseResults bundled;

    private final Map<Integer, Map<DistrictId, HouseResult>> results;
    private final Map<Integer, Map<DistrictId, List<String>>> ballots;

    private HouseResults(
            Map<Integer, Map<DistrictId, HouseResult>> results, Map<Integer, Map<DistrictId, List<String>>> ballots) {
        this.results = results;
        this.ballots = ballots;
    }

    static synchronized HouseResults bundled() {
        if (bundled == null) {
            bundled = parse(BundledData.csv(RESOURCE));
        }
        return bundled;
    }

    static HouseResults parse(List<CSVRecord> rows) {
        Map<Integer, Map<DistrictId, Map<String, Tally>>> tallies = new HashMap<>();
        for (CSVRecord row : rows) {
            if (!"GEN".equals(row.get("stage"))
                    || "TRUE".equals(row.get("special"))
                    || "TRUE".equals(row.get("runoff"))
                    || NON_VOTING.contains(row.get("state_po"))) {
                continue;
            }
            // Write-ins and the "BLANK", "SCATTERING", "VOID" lines are not candidates on the ballot.
            if ("TRUE".equals(row.get("writein")) || row.get("party").isBlank()) {
                continue;
            }
            int year = Integer.parseInt(row.get("year"));
            DistrictId district = DistrictKeys.of(row.get("state_po"), row.get("district"));
            Tally tally = tallies.computeIfAbsent(year, y -> new HashMap<>())
                    .computeIfAbsent(district, d -> new LinkedHashMap<>())
                    .computeIfAbsent(row.get("candidate"), c -> new Tally());
            // Florida and Oklahoma record uncounted races as 1 or -1 votes.
            tally.votes += Math.max(0, Long.parseLong(row.get("candidatevotes")));
            Party party = Party.fromLabel(row.get("party"));
            if (party != Party.OTHER) {
                tally.party = party;
            }
        }
        Map<Integer, Map<DistrictId, HouseResult>> results = new HashMap<>();
        Map<Integer, Map<DistrictId, List<String>>> ballots = new HashMap<>();
        tallies.forEach((year, districts) -> districts.forEach((district, candidates) -> {
            results.computeIfAbsent(year, y -> new HashMap<>()).put(district, result(year, candidates));
            ballots.computeIfAbsent(year, y -> new HashMap<>()).put(district, new ArrayList<>(candidates.keySet()));
        }));
        return new HouseResults(results, ballots);
    }

    private static HouseResult result(int year, Map<String, Tally> candidates) {
        String winner = null;
        Tally best = null;
        long dem = 0;
        long rep = 0;
        for (Map.Entry<String, Tally> c : candidates.entrySet()) {
            Tally t = c.getValue();
            if (best == null || t.votes > best.votes) {
                best = t;
                winner = c.getKey();
            }
            if (t.party == Party.DEMOCRAT) {
                dem += t.votes;
            } else if (t.party == Party.REPUBLICAN) {
                rep += t.votes;
            }
        }
        HouseResult.Contest contest;
        if (candidates.size() == 1) {
            contest = HouseResult.Contest.UNCONTESTED;
        } else if (dem > 0 && rep > 0) {
            contest = HouseResult.Contest.CONTESTED;
        } else {
            contest = HouseResult.Contest.NO_TWO_PARTY_CONTEST;
        }
        return new HouseResult(year, winner, best.party, dem, rep, contest, true);
    }

    Optional<HouseResult> result(int year, DistrictId district) {
        return Optional.ofNullable(results.getOrDefault(year, Map.of()).get(district));
    }

    Map<DistrictId, HouseResult> year(int year) {
        return results.getOrDefault(year, Map.of());
    }

    /** Whether this person's name is on the general-election ballot of the district that year. */
    boolean onBallot(int year, DistrictId district, String name) {
        return ballots.getOrDefault(year, Map.of()).getOrDefault(district, List.of()).stream()
                .anyMatch(c -> CandidateNames.same(c, name));
    }

    /** Elections in a row, back from {@code year}, in which this person won this seat number. */
    int consecutiveWins(DistrictId district, String name, int year) {
        int wins = 0;
        for (int y = year; y >= FIRST_YEAR; y -= 2) {
            Optional<HouseResult> r = result(y, district);
            if (r.isEmpty() || !CandidateNames.same(r.get().winner(), name)) {
                break;
            }
            wins++;
        }
        return wins;
    }

    private static final class Tally {
        long votes;
        Party party = Party.OTHER;
    }
}
