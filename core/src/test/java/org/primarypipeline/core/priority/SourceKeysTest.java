package org.primarypipeline.core.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.primarypipeline.core.district.District;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.district.PublicData;

/**
 * Every source spells districts its own way; after the one normaliser (DistrictKeys) they must
 * name the same 435 seats. Each test reads a real bundled file through the loader that uses it.
 */
class SourceKeysTest {

    private static final Set<DistrictId> PLAN =
            PublicData.districts2026().stream().map(District::id).collect(Collectors.toSet());
    private static final DistrictId AK = DistrictId.parse("AK-01");
    private static final DistrictId WY = DistrictId.parse("WY-01");

    @Test
    void topojsonStateDistrictKeysNameThe435Seats() {
        // "TX-07", at-large "AK-01"
        assertThat(PlanLines.bundled().keySet()).hasSize(435).containsExactlyInAnyOrderElementsOf(PLAN);
    }

    @Test
    void downballotKeysWithAtLargeAsAL() {
        // "AK-AL", "AL-01": the cd119 lines, which number the same 435 seats
        Map<DistrictId, DownballotPresidential.Cd119> cd119 = DownballotPresidential.bundled();
        assertThat(cd119.keySet()).hasSize(435).contains(AK, WY).containsExactlyInAnyOrderElementsOf(PLAN);
        assertThat(cd119.get(AK).pres2020().demTwoPartyShare()).isCloseTo(43.0 / 96, within(1e-9));
    }

    @Test
    void downballotAndTopojsonAgreeWhereTheLinesAreTheSame() {
        // If either key normalisation were off by one seat, the 2024 results would not line up.
        Map<DistrictId, DownballotPresidential.Cd119> cd119 = DownballotPresidential.bundled();
        PlanLines.bundled().values().stream()
                .filter(p -> !p.redrawn())
                .forEach(p -> assertThat(cd119.get(p.id()).pres2024().demTwoPartyShare())
                        .as(p.id().toString())
                        .isCloseTo(p.pres2024().demTwoPartyShare(), within(0.012)));
    }

    @Test
    void medslPostalStateAndZeroForAtLarge() {
        // state_po "AK", district "0"; DC's delegate race is not one of the 435
        for (int year = HouseResults.FIRST_YEAR; year <= HouseResults.LAST_YEAR; year += 2) {
            assertThat(HouseResults.bundled().year(year).keySet())
                    .as("year %d", year)
                    .hasSize(435)
                    .contains(AK, WY)
                    .noneMatch(d -> d.state().equals("DC"));
        }
        assertThat(HouseResults.bundled().year(2024).keySet()).containsExactlyInAnyOrderElementsOf(PLAN);
        assertThat(HouseResults.bundled()
                        .result(2018, DistrictId.parse("NY-14"))
                        .orElseThrow()
                        .winner())
                .isEqualTo("ALEXANDRIA OCASIO-CORTEZ");
    }

    @Test
    void fecOfficeStateAndZeroPaddedDistrictWith00AtLarge() {
        // CAND_OFFICE_ST "AK", CAND_OFFICE_DISTRICT "00" / "14"
        Map<DistrictId, RaceMoney> money2024 = FecFilings.raceMoney(2024);
        assertThat(money2024).containsKeys(AK, WY, DistrictId.parse("VT-01"));
        // A few stale registrations name seat numbers a state no longer has (NY-27 since 2022).
        assertThat(money2024.keySet().stream().filter(d -> !PLAN.contains(d)))
                .hasSizeLessThan(15)
                .contains(DistrictId.parse("NY-27"));
        assertThat(PLAN.stream().filter(money2024::containsKey)).hasSizeGreaterThan(430);
        assertThat(FecFilings.cycle(2024))
                .anyMatch(
                        f -> f.candidateId().equals("H8NY15148") && f.district().equals(DistrictId.parse("NY-14")));
    }

    @Test
    void legislatorsPostalStateAndZeroAtLargeWithTenureFromTheJsonTerms() {
        Map<DistrictId, String> bioguide =
                PublicData.houseMembers().stream().collect(Collectors.toMap(m -> m.district(), m -> m.bioguideId()));
        assertThat(bioguide).containsKeys(AK, WY);
        // Ocasio-Cortez: sworn in January 2019
        assertThat(MemberTenure.yearsInHouse(bioguide.get(DistrictId.parse("NY-14")), LocalDate.of(2026, 1, 1)))
                .isCloseTo(7.0, within(0.05));
        assertThat(MemberTenure.yearsInHouse("nobody", LocalDate.of(2026, 1, 1)))
                .isZero();
    }

    @Test
    void acsStateAndTwoDigitDistrict() {
        // state "AK", district "01"
        assertThat(DemographicsTable.on2026Lines(PlanLines.bundled()).keySet())
                .containsExactlyInAnyOrderElementsOf(PLAN);
    }

    @Test
    void partyLabelsOfEverySource() {
        assertThat(Party.fromLabel("DEMOCRAT")).isEqualTo(Party.DEMOCRAT);
        assertThat(Party.fromLabel("DEMOCRATIC-FARMER-LABOR")).isEqualTo(Party.DEMOCRAT);
        assertThat(Party.fromLabel("DEMOCRATIC-NONPARTISAN LEAGUE")).isEqualTo(Party.DEMOCRAT);
        assertThat(Party.fromLabel("Democrat")).isEqualTo(Party.DEMOCRAT);
        assertThat(Party.fromLabel("DFL")).isEqualTo(Party.DEMOCRAT);
        assertThat(Party.fromLabel("REP")).isEqualTo(Party.REPUBLICAN);
        assertThat(Party.fromLabel("Republican")).isEqualTo(Party.REPUBLICAN);
        assertThat(Party.fromLabel("WORKING FAMILIES")).isEqualTo(Party.OTHER);
        assertThat(Party.fromLabel("Independent")).isEqualTo(Party.OTHER);
    }

    @Test
    void ballotNamesMatchAcrossYearsDespiteInitialsAndSuffixes() {
        assertThat(CandidateNames.same("FREDERICA S WILSON", "FREDERICA WILSON"))
                .isTrue();
        assertThat(CandidateNames.same("HENRY C \"HANK\" JOHNSON JR", "HENRY C JOHNSON"))
                .isTrue();
        assertThat(CandidateNames.same("JOSEPH CROWLEY", "ALEXANDRIA OCASIO-CORTEZ"))
                .isFalse();
    }
}
