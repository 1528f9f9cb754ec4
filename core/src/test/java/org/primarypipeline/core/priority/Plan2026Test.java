package org.primarypipeline.core.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.primarypipeline.core.district.DistrictId;

/** The 2026 ranking from the bundled public data: complete, and every data gap labelled. */
class Plan2026Test {

    private static final List<DistrictFacts> FACTS = PublicDataFacts.plan2026();
    private static final List<DistrictPriority> RANKED =
            PriorityModel.withDefaults().rank(FACTS, Map.of());
    private static final Map<DistrictId, DistrictFacts> FACT =
            FACTS.stream().collect(Collectors.toMap(DistrictFacts::district, Function.identity()));
    private static final Map<DistrictId, DistrictPriority> PRIORITY =
            RANKED.stream().collect(Collectors.toMap(DistrictPriority::district, Function.identity()));

    private static DistrictFacts facts(String district) {
        return FACT.get(DistrictId.parse(district));
    }

    private static DistrictPriority priority(String district) {
        return PRIORITY.get(DistrictId.parse(district));
    }

    @Test
    void all435DistrictsHaveAScorePathAndExplanation() {
        assertThat(RANKED).hasSize(435);
        assertThat(RANKED.stream().map(DistrictPriority::rank))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 435).boxed().toList());
        assertThat(RANKED).allSatisfy(p -> {
            assertThat(p.score()).isFinite().isGreaterThan(0);
            assertThat(p.primaryWin()).isBetween(0.0, 1.0);
            assertThat(p.generalWin()).isBetween(0.0, 1.0);
            assertThat(p.expectedCostDollars()).isGreaterThanOrEqualTo(250_000);
            assertThat(p.path()).isNotNull();
            assertThat(p.pathReason()).isNotBlank();
            assertThat(p.explanation())
                    .contains(p.district().toString(), p.path().label());
            assertThat(p.contributions().values()).allMatch(Double::isFinite);
        });
        for (int i = 1; i < RANKED.size(); i++) {
            assertThat(RANKED.get(i).score())
                    .isLessThanOrEqualTo(RANKED.get(i - 1).score());
        }
    }

    @Test
    void everyPathIsUsedSomewhere() {
        assertThat(RANKED.stream().map(DistrictPriority::path).distinct()).containsExactlyInAnyOrder(Path.values());
    }

    @Test
    void theFourVacanciesAreOpenSeatsOfTheirLastWinnersParty() {
        for (String seat : List.of("CA-14", "FL-20", "GA-13", "TX-23")) {
            DistrictFacts f = facts(seat);
            assertThat(f.isVacant()).as(seat).isTrue();
            assertThat(f.isOpenSeat()).as(seat).isTrue();
            assertThat(priority(seat).gaps())
                    .as(seat)
                    .anyMatch(g -> g.startsWith(Gaps.VACANT + ": treated as open; last won by"));
        }
        assertThat(priority("CA-14").path()).isEqualTo(Path.OPEN_DEMOCRATIC_SEAT);
        assertThat(priority("GA-13").path()).isEqualTo(Path.OPEN_DEMOCRATIC_SEAT);
        assertThat(priority("FL-20").path()).isEqualTo(Path.OPEN_DEMOCRATIC_SEAT);
        assertThat(facts("TX-23").holderParty()).isEqualTo(Party.REPUBLICAN);
        assertThat(priority("TX-23").path()).isIn(Path.FLIP_REPUBLICAN_SEAT, Path.INDEPENDENT);
        assertThat(priority("TX-23").contributions()).doesNotContainKey("general.incumbency");
    }

    @Test
    void redrawnDistrictsHaveNoHouseResultOnTheirLinesAndSaySo() {
        long redrawn = FACTS.stream().filter(DistrictFacts::redrawn).count();
        assertThat(redrawn).isEqualTo(7 + 52 + 28 + 6 + 8 + 14 + 15 + 9 + 38 + 4);
        assertThat(FACTS.stream()
                        .filter(DistrictFacts::redrawn)
                        .map(f -> f.district().state())
                        .distinct())
                .containsExactlyInAnyOrder("AL", "CA", "FL", "LA", "MO", "NC", "OH", "TN", "TX", "UT");
        DistrictFacts tx07 = facts("TX-07");
        assertThat(tx07.lastHouse().onSameLines()).isFalse();
        DistrictPriority p = priority("TX-07");
        assertThat(p.contributions()).doesNotContainKey("general.house");
        assertThat(p.gaps())
                .anyMatch(g -> g.startsWith(Gaps.REDRAWN_NO_HOUSE_RESULT))
                .anyMatch(g -> g.startsWith(Gaps.MEMBER_ON_OLD_LINES))
                .anyMatch(g -> g.startsWith(Gaps.FEC_OLD_LINES));
        // unchanged lines keep their House result
        assertThat(priority("PA-01").contributions()).containsKey("general.house");
        assertThat(priority("PA-01").gaps()).noneMatch(g -> g.startsWith("redrawn"));
    }

    @Test
    void uncontestedHouseRacesIncludingOneVoteRowsAreLabelledAndNotUsed() {
        // Oklahoma records Frank Lucas's unopposed 2024 race as 1 vote, as Florida does.
        DistrictPriority ok03 = priority("OK-03");
        assertThat(facts("OK-03").lastHouse().contest()).isEqualTo(HouseResult.Contest.UNCONTESTED);
        assertThat(ok03.gaps()).anyMatch(g -> g.startsWith(Gaps.UNCONTESTED) && g.contains("recorded as 1 vote"));
        assertThat(ok03.contributions()).doesNotContainKey("general.house");
        long uncontested = RANKED.stream()
                .filter(p -> p.gaps().stream().anyMatch(g -> g.startsWith(Gaps.UNCONTESTED)))
                .count();
        assertThat(uncontested)
                .isEqualTo(FACTS.stream()
                        .filter(f -> f.lastHouse() != null
                                && f.lastHouse().onSameLines()
                                && f.lastHouse().contest() == HouseResult.Contest.UNCONTESTED)
                        .count())
                .isPositive();
    }

    @Test
    void missing2020PresidentialFallsBackToTheCd119TableOnlyWhereTheLinesAreUnchanged() {
        DistrictFacts ny14 = facts("NY-14");
        assertThat(ny14.redrawn()).isFalse();
        assertThat(ny14.presidential()).extracting(PresidentialResult::year).containsExactly(2024, 2020);
        assertThat(ny14.gaps()).anyMatch(g -> g.startsWith(Gaps.PRES_2020_FROM_CD119));

        DistrictFacts tx07 = facts("TX-07");
        assertThat(tx07.presidential()).extracting(PresidentialResult::year).containsExactly(2024);
        assertThat(priority("TX-07").gaps()).anyMatch(g -> g.startsWith(Gaps.ONE_PRESIDENTIAL));

        assertThat(FACTS).allMatch(f -> !f.presidential().isEmpty());
        assertThat(FACTS)
                .filteredOn(f -> !f.redrawn())
                .allMatch(f -> f.presidential().size() == 2);
    }

    @Test
    void openSeatsComeFromVacanciesAndFecOpenSeatFilings() {
        DistrictFacts il09 = facts("IL-09");
        assertThat(il09.isOpenSeat()).isTrue();
        assertThat(il09.openSeatBasis()).contains("filed with the FEC for an open seat");
        assertThat(priority("IL-09").path()).isEqualTo(Path.OPEN_DEMOCRATIC_SEAT);
        assertThat(facts("NY-14").isOpenSeat()).isFalse();
        // filled by special elections in 2025-26: the special's "open" filings do not count
        assertThat(facts("AZ-07").isOpenSeat()).isFalse();
        assertThat(facts("VA-11").isOpenSeat()).isFalse();
        long open = FACTS.stream().filter(DistrictFacts::isOpenSeat).count();
        assertThat(open).isBetween(30L, 70L);
    }

    @Test
    void everyDistrictWithoutSupportersSaysSoAndSupportersRaiseItsRank() {
        assertThat(RANKED).allMatch(p -> p.gaps().contains(Gaps.NO_SUPPORTERS));
        DistrictId tx07 = DistrictId.parse("TX-07");
        List<DistrictPriority> withPeople =
                PriorityModel.withDefaults().rank(FACTS, Map.of(tx07, new SupporterStrength(2_000, 150)));
        DistrictPriority p = withPeople.stream()
                .filter(x -> x.district().equals(tx07))
                .findFirst()
                .orElseThrow();
        assertThat(p.rank()).isLessThan(priority("TX-07").rank());
        assertThat(p.gaps()).doesNotContain(Gaps.NO_SUPPORTERS);
    }

    @Test
    void districtsWithoutFecMoneyGetTheMedianRaceAndALabel() {
        DistrictFacts f = facts("PA-01");
        DistrictFacts noMoney = new DistrictFacts(
                f.district(),
                f.electionYear(),
                f.redrawn(),
                f.presidential(),
                f.lastHouse(),
                f.member(),
                f.holderParty(),
                f.openSeatBasis(),
                List.of(),
                null,
                f.gaps());
        DistrictPriority p = PriorityModel.withDefaults().assess(noMoney, SupporterStrength.NONE);
        assertThat(p.expectedCostDollars()).isEqualTo(1_375_000);
        assertThat(p.gaps()).anyMatch(g -> g.startsWith(Gaps.NO_FEC)).anyMatch(g -> g.startsWith(Gaps.NO_DEMOGRAPHICS));
    }
}
