package org.primarypipeline.core.priority;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.district.HouseMember;
import org.primarypipeline.core.district.PublicData;

/**
 * Builds the facts of the 435 districts of the 2026 lines from the public data bundled in this
 * jar: presidential results on the lines, the 2024 House results, the sitting members, FEC money
 * and the census. Loading takes about a second; the result is cached.
 */
public final class PublicDataFacts {

    public static final int ELECTION_YEAR = 2026;
    private static final LocalDate TENURE_AS_OF = LocalDate.of(ELECTION_YEAR, 1, 1);
    /** First day of the 119th Congress; members sworn in later won a special election. */
    private static final LocalDate CONGRESS_START = LocalDate.of(2025, 1, 3);

    private static List<DistrictFacts> plan2026;

    private PublicDataFacts() {}

    /** One entry per district of the 2026 plan, ordered by district. */
    public static synchronized List<DistrictFacts> plan2026() {
        if (plan2026 == null) {
            plan2026 = List.copyOf(load());
        }
        return plan2026;
    }

    private static List<DistrictFacts> load() {
        Map<DistrictId, PlanLines.PlanDistrict> plan = PlanLines.bundled();
        Map<DistrictId, DownballotPresidential.Cd119> cd119 = DownballotPresidential.bundled();
        Map<DistrictId, HouseResult> house2024 = HouseResults.bundled().year(2024);
        Map<DistrictId, HouseMember> members = PublicData.houseMembers().stream()
                .collect(Collectors.toMap(HouseMember::district, Function.identity()));
        Set<DistrictId> filledBySpecial = members.values().stream()
                .filter(m -> MemberTenure.currentTermStart(m.bioguideId())
                        .filter(CONGRESS_START::isBefore)
                        .isPresent())
                .map(HouseMember::district)
                .collect(Collectors.toSet());
        Map<DistrictId, Integer> openFilings = FecFilings.openSeatFilings(FecFilings.RUNNING_CYCLE, filledBySpecial);
        Map<Integer, Map<DistrictId, RaceMoney>> money =
                FecFilings.CYCLES.stream().collect(Collectors.toMap(c -> c, FecFilings::raceMoney));
        Map<DistrictId, Demographics> census = DemographicsTable.on2026Lines(plan);
        // Members were elected on the cd119 lines, so the caucus's line is fitted on those.
        Map<DistrictId, Double> cd119Share = new java.util.HashMap<>();
        cd119.forEach((id, d) -> cd119Share.put(id, d.pres2024().demTwoPartyShare()));
        DemocraticCaucus caucus = DemocraticCaucus.current().fitSeats(cd119Share);

        List<DistrictFacts> facts = new ArrayList<>();
        for (PlanLines.PlanDistrict lines : plan.values()) {
            DistrictId id = lines.id();
            List<String> gaps = new ArrayList<>();
            List<PresidentialResult> presidential = new ArrayList<>(List.of(lines.pres2024()));
            if (lines.pres2020() != null) {
                presidential.add(lines.pres2020());
            } else if (!lines.redrawn() && cd119.containsKey(id)) {
                // Same lines as in 2024, so the cd119 table's 2020 result is measured on these voters.
                presidential.add(cd119.get(id).pres2020());
                gaps.add(Gaps.PRES_2020_FROM_CD119 + ": lines unchanged since " + lines.firstElection()
                        + ", whole-percent figures");
            }
            HouseResult lastHouse = house2024.get(id);
            if (lastHouse != null && lines.redrawn()) {
                lastHouse = lastHouse.onOtherLines();
            }
            HouseMember m = members.get(id);
            SittingMember member = m == null
                    ? null
                    : new SittingMember(
                            m.fullName(),
                            Party.fromLabel(m.party()),
                            MemberTenure.yearsInHouse(m.bioguideId(), TENURE_AS_OF),
                            Party.fromLabel(m.party()) == Party.DEMOCRAT
                                    ? caucus.standingOf(
                                                    m.bioguideId(),
                                                    lines.pres2024().demTwoPartyShare())
                                            .orElse(null)
                                    : null);
            Party holder = member != null ? member.party() : lastHouse != null ? lastHouse.winnerParty() : null;
            String openSeat = member == null
                    ? "vacant seat"
                    : openFilings.containsKey(id)
                            ? openFilings.get(id) + " candidates have filed with the FEC for an " + "open seat in "
                                    + ELECTION_YEAR
                            : null;
            List<RaceMoney> raceMoney = new ArrayList<>();
            List<String> oldLineCycles = new ArrayList<>();
            for (int cycle : FecFilings.CYCLES) {
                RaceMoney r = money.get(cycle).get(id);
                if (r != null) {
                    raceMoney.add(r);
                    if (r.complete() && cycle < lines.firstElection()) {
                        oldLineCycles.add(String.valueOf(cycle));
                    }
                }
            }
            if (!oldLineCycles.isEmpty()) {
                gaps.add(Gaps.FEC_OLD_LINES + ": " + String.join(" and ", oldLineCycles)
                        + " spending of the district numbered " + id + " before the lines changed");
            }
            facts.add(new DistrictFacts(
                    id,
                    ELECTION_YEAR,
                    lines.redrawn(),
                    presidential,
                    lastHouse,
                    member,
                    holder,
                    openSeat,
                    raceMoney,
                    census.get(id),
                    gaps));
        }
        return facts;
    }
}
