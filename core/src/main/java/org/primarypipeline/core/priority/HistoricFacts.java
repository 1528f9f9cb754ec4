package org.primarypipeline.core.priority;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.primarypipeline.core.district.DistrictId;

/**
 * The facts of a past election's districts as they stood before it, for backtests: only results
 * of earlier elections and money of earlier FEC cycles, on the lines that election used.
 */
public final class HistoricFacts {

    /** Elections that have a House result two years before them in the bundled file. */
    public static final int FIRST_YEAR = HouseResults.FIRST_YEAR + 2;

    public static final int LAST_YEAR = HouseResults.LAST_YEAR;

    /**
     * States whose lines changed for that election, so the previous House result of a district
     * number belongs to other voters. 2022 (after the census) is every state with more than one seat.
     */
    private static final Map<Integer, Set<String>> REDRAWN_FOR = Map.of(
            2016, Set.of("FL", "NC", "VA"),
            2018, Set.of("PA"),
            2020, Set.of("NC"),
            2024, Set.of("AL", "GA", "LA", "NC", "NY", "OH"));

    private static final Set<String> AT_LARGE_2022 = Set.of("AK", "DE", "ND", "SD", "VT", "WY");
    /** The Downballot's 2020 presidential table is on the 2024 lines; these states used others in 2022. */
    private static final int PRESIDENTIAL_LINES_YEAR = 2024;

    private HistoricFacts() {}

    public static boolean supports(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR && year % 2 == 0;
    }

    static boolean redrawnFor(int year, String state) {
        if (year == 2022) {
            return !AT_LARGE_2022.contains(state);
        }
        return REDRAWN_FOR.getOrDefault(year, Set.of()).contains(state);
    }

    /** The districts contested in {@code year}, each with what was known before that election. */
    public static List<DistrictFacts> before(int year) {
        if (!supports(year)) {
            throw new IllegalArgumentException("backtests cover the even years " + FIRST_YEAR + "-" + LAST_YEAR
                    + " (they need the House result two years earlier): " + year);
        }
        HouseResults house = HouseResults.bundled();
        Map<DistrictId, DownballotPresidential.Cd119> cd119 = DownballotPresidential.bundled();
        List<DistrictFacts> facts = new ArrayList<>();
        for (DistrictId id : new TreeMap<>(house.year(year)).keySet()) {
            boolean redrawn = redrawnFor(year, id.state());
            List<String> gaps = new ArrayList<>();
            HouseResult previous = house.result(year - 2, id).orElse(null);
            SittingMember member = null;
            String openSeat = null;
            if (previous != null) {
                int wins = house.consecutiveWins(id, previous.winner(), year - 2);
                if (year - 2 - 2 * (wins - 1) == HouseResults.FIRST_YEAR) {
                    gaps.add(Gaps.TENURE_TRUNCATED + ": " + previous.winner() + " may have served longer");
                }
                member = new SittingMember(previous.winner(), previous.winnerParty(), 2.0 * wins);
                if (!house.onBallot(year, id, previous.winner())) {
                    // Known once the primaries are over, before the general election.
                    openSeat = "the " + (year - 2) + " winner is not on the " + year + " general ballot";
                }
                if (redrawn) {
                    previous = previous.onOtherLines();
                }
            }
            facts.add(new DistrictFacts(
                    id,
                    year,
                    redrawn,
                    presidential(year, id, cd119, gaps),
                    previous,
                    member,
                    previous == null ? null : previous.winnerParty(),
                    openSeat,
                    raceMoney(year, id, redrawn, gaps),
                    null,
                    gaps));
        }
        return withRollCallScores(year, facts);
    }

    /**
     * Each sitting Democrat's standing by the scores of the last Congress that had finished before
     * {@code year} ({@link DemocraticCaucus#knownBefore}): never the Congress sitting during the
     * election year, whose votes include those cast after its primaries.
     */
    static List<DistrictFacts> withRollCallScores(int year, List<DistrictFacts> facts) {
        var caucus = DemocraticCaucus.knownBefore(year);
        if (caucus.isEmpty()) {
            return facts;
        }
        Map<DistrictId, Double> shares = new TreeMap<>();
        Map<DistrictId, CaucusStanding> unfitted = new TreeMap<>();
        for (DistrictFacts f : facts) {
            SittingMember m = f.member();
            if (m != null && m.party() == Party.DEMOCRAT) {
                double share = DistrictLean.of(f, PriorityWeights.defaults()).demShare();
                caucus.get().standingOfNamed(f.district(), m.name(), null).ifPresent(s -> {
                    unfitted.put(f.district(), s);
                    shares.put(f.district(), share);
                });
            }
        }
        DemocraticCaucus fitted = caucus.get().fitNamed(unfitted, shares);
        List<DistrictFacts> scored = new ArrayList<>();
        for (DistrictFacts f : facts) {
            SittingMember m = f.member();
            CaucusStanding s = unfitted.containsKey(f.district())
                    ? fitted.standingOfNamed(f.district(), m.name(), shares.get(f.district()))
                            .orElse(null)
                    : null;
            scored.add(
                    s == null
                            ? f
                            : new DistrictFacts(
                                    f.district(),
                                    f.electionYear(),
                                    f.redrawn(),
                                    f.presidential(),
                                    f.lastHouse(),
                                    new SittingMember(m.name(), m.party(), m.yearsInHouse(), s),
                                    f.holderParty(),
                                    f.openSeatBasis(),
                                    f.raceMoney(),
                                    f.demographics(),
                                    f.gaps()));
        }
        return scored;
    }

    /** Who won each district in {@code year}: the outcome a backtest is scored against. */
    static Map<DistrictId, HouseResult> results(int year) {
        return HouseResults.bundled().year(year);
    }

    private static List<PresidentialResult> presidential(
            int year, DistrictId id, Map<DistrictId, DownballotPresidential.Cd119> cd119, List<String> gaps) {
        // Only the 2020 result is bundled by district for past lines; 2024's is not "before" any backtest.
        if (year <= 2020 || !cd119.containsKey(id)) {
            return List.of();
        }
        if (year < PRESIDENTIAL_LINES_YEAR
                && REDRAWN_FOR.get(PRESIDENTIAL_LINES_YEAR).contains(id.state())) {
            gaps.add(Gaps.PRESIDENTIAL_ON_OTHER_LINES + ": 2020 result on the " + PRESIDENTIAL_LINES_YEAR + " lines of "
                    + id.state() + ", which differ from its " + year + " lines");
        }
        return List.of(cd119.get(id).pres2020());
    }

    private static List<RaceMoney> raceMoney(int year, DistrictId id, boolean redrawn, List<String> gaps) {
        List<RaceMoney> money = new ArrayList<>();
        for (int cycle : FecFilings.CYCLES) {
            // The cycle of the election itself includes money raised after it, so only earlier ones.
            if (cycle < year && cycle != FecFilings.RUNNING_CYCLE) {
                RaceMoney r = FecFilings.raceMoney(cycle).get(id);
                if (r != null) {
                    money.add(r);
                }
            }
        }
        if (!money.isEmpty() && redrawn) {
            gaps.add(Gaps.FEC_OLD_LINES + ": spending of the district numbered " + id + " before the lines changed");
        }
        return money;
    }
}
