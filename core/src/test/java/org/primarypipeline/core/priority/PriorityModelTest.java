package org.primarypipeline.core.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each input moves the ranking in its documented direction, all else held equal. */
class PriorityModelTest {

    private final PriorityModel model = PriorityModel.withDefaults();

    private DistrictPriority assess(FactsFixture f) {
        return model.assess(f.build(), SupporterStrength.NONE);
    }

    private DistrictPriority assess(FactsFixture f, SupporterStrength s) {
        return model.assess(f.build(), s);
    }

    private static FactsFixture with(FactsFixture f, Consumer<FactsFixture> change) {
        change.accept(f);
        return f;
    }

    @Nested
    class Lean {

        @ParameterizedTest(name = "holder {0}")
        @ValueSource(strings = {"DEMOCRAT", "REPUBLICAN"})
        void moreDemocraticLeanNeverLowersTheChancesOrTheScore(String holder) {
            DistrictPriority previous = null;
            for (int pct = 15; pct <= 85; pct++) {
                double share = pct / 100.0;
                FactsFixture f =
                        holder.equals("DEMOCRAT") ? FactsFixture.democraticSeat() : FactsFixture.republicanSeat();
                DistrictPriority p = assess(f.lean(share));
                if (previous != null) {
                    assertThat(p.score()).as("score at %.2f", share).isGreaterThanOrEqualTo(previous.score());
                    if (p.path() == previous.path() && p.path() != Path.INDEPENDENT) {
                        assertThat(p.generalWin()).as("general at %.2f", share).isGreaterThan(previous.generalWin());
                        assertThat(p.primaryWin())
                                .as("primary at %.2f", share)
                                .isGreaterThanOrEqualTo(previous.primaryWin());
                    } else if (p.path() == previous.path()) {
                        // an independent gains nothing above the ceiling, where Democrats run their own nominee
                        assertThat(p.generalWin())
                                .as("general at %.2f", share)
                                .isGreaterThanOrEqualTo(previous.generalWin());
                        assertThat(p.primaryWin())
                                .as("primary at %.2f", share)
                                .isGreaterThanOrEqualTo(previous.primaryWin());
                    }
                }
                previous = p;
            }
        }

        @Test
        void democraticPrimaryElectoratesFurtherLeftHelpAProgressive() {
            DistrictPriority even = assess(FactsFixture.democraticSeat().lean(0.55));
            DistrictPriority deepBlue = assess(FactsFixture.democraticSeat().lean(0.85));
            assertThat(deepBlue.primaryWin()).isGreaterThan(even.primaryWin());
        }

        @Test
        void theRecentElectionWeighsMoreThanTheOneBefore() {
            DistrictPriority trendingBlue = assess(with(FactsFixture.republicanSeat(), f -> {
                f.pres2024 = 0.52;
                f.pres2020 = 0.48;
            }));
            DistrictPriority trendingRed = assess(with(FactsFixture.republicanSeat(), f -> {
                f.pres2024 = 0.48;
                f.pres2020 = 0.52;
            }));
            assertThat(trendingBlue.generalWin()).isGreaterThan(trendingRed.generalWin());
        }

        @Test
        void aBetterDemocraticHouseResultRaisesTheGeneralChance() {
            DistrictPriority weak =
                    assess(with(FactsFixture.republicanSeat(), f -> f.lastHouse = FactsFixture.contested(0.45)));
            DistrictPriority strong =
                    assess(with(FactsFixture.republicanSeat(), f -> f.lastHouse = FactsFixture.contested(0.55)));
            assertThat(strong.generalWin()).isGreaterThan(weak.generalWin());
            assertThat(strong.score()).isGreaterThan(weak.score());
        }

        @Test
        void aFriendlierNationalEnvironmentRaisesTheGeneralChance() {
            PriorityModel goodYear = new PriorityModel(PriorityWeights.from(Map.of("environment", "4")));
            DistrictFacts seat = FactsFixture.republicanSeat().build();
            assertThat(goodYear.assess(seat, SupporterStrength.NONE).generalWin())
                    .isGreaterThan(model.assess(seat, SupporterStrength.NONE).generalWin());
        }
    }

    @Nested
    class Cost {

        @ParameterizedTest(name = "holder {0}")
        @ValueSource(strings = {"DEMOCRAT", "REPUBLICAN"})
        void dearerRacesScoreLower(String holder) {
            double previous = Double.MAX_VALUE;
            for (long spend : new long[] {600_000, 1_000_000, 3_000_000, 10_000_000, 30_000_000}) {
                FactsFixture f =
                        holder.equals("DEMOCRAT") ? FactsFixture.democraticSeat() : FactsFixture.republicanSeat();
                f.raceSpendDollars = spend;
                DistrictPriority p = assess(f);
                assertThat(p.score()).as("score at $%d", spend).isLessThan(previous);
                assertThat(p.expectedCostDollars()).isEqualTo(Math.round(0.5 * spend));
                previous = p.score();
            }
        }

        @Test
        void costIsIgnoredWhenItsWeightIsZero() {
            PriorityModel costBlind = new PriorityModel(PriorityWeights.from(Map.of("cost", "0")));
            FactsFixture cheap = FactsFixture.republicanSeat();
            cheap.raceSpendDollars = 1_000_000;
            FactsFixture dear = FactsFixture.republicanSeat();
            dear.raceSpendDollars = 20_000_000;
            assertThat(costBlind.assess(cheap.build(), SupporterStrength.NONE).score())
                    .isCloseTo(
                            costBlind
                                    .assess(dear.build(), SupporterStrength.NONE)
                                    .score(),
                            within(1e-12));
        }

        @Test
        void aRaceAlreadyDearerThisCycleCountsAtItsCurrentPrice() {
            FactsFixture f = FactsFixture.republicanSeat();
            f.raceSpendDollars = 1_000_000;
            DistrictFacts quiet = f.build();
            java.util.List<RaceMoney> money = new java.util.ArrayList<>(quiet.raceMoney());
            money.add(new RaceMoney(2026, 8_000_000, 2_000_000, 9, false));
            DistrictFacts busy = new DistrictFacts(
                    quiet.district(),
                    2026,
                    false,
                    quiet.presidential(),
                    quiet.lastHouse(),
                    quiet.member(),
                    quiet.holderParty(),
                    null,
                    money,
                    quiet.demographics(),
                    quiet.gaps());
            assertThat(model.assess(busy, SupporterStrength.NONE).expectedCostDollars())
                    .isEqualTo(4_000_000);
            assertThat(model.assess(busy, SupporterStrength.NONE).score())
                    .isLessThan(model.assess(quiet, SupporterStrength.NONE).score());
        }

        @Test
        void theCostNeverFallsBelowTheFloor() {
            FactsFixture f = FactsFixture.democraticSeat();
            f.raceSpendDollars = 10_000;
            assertThat(assess(f).expectedCostDollars()).isEqualTo(250_000);
        }
    }

    @Nested
    class OurStrength {

        @ParameterizedTest(name = "holder {0}")
        @ValueSource(strings = {"DEMOCRAT", "REPUBLICAN"})
        void moreSupportersScoreHigher(String holder) {
            double previousScore = 0;
            double previousPrimary = 0;
            for (long n : new long[] {0, 10, 100, 1_000, 10_000}) {
                FactsFixture f =
                        holder.equals("DEMOCRAT") ? FactsFixture.democraticSeat() : FactsFixture.republicanSeat();
                DistrictPriority p = assess(f, new SupporterStrength(n, 0));
                assertThat(p.primaryWin()).isGreaterThan(previousPrimary);
                assertThat(p.score()).isGreaterThan(previousScore);
                previousPrimary = p.primaryWin();
                previousScore = p.score();
            }
        }

        @Test
        void moreGroupMembersScoreHigher() {
            DistrictPriority none = assess(FactsFixture.democraticSeat(), new SupporterStrength(100, 0));
            DistrictPriority organised = assess(FactsFixture.democraticSeat(), new SupporterStrength(100, 40));
            assertThat(organised.primaryWin()).isGreaterThan(none.primaryWin());
            assertThat(organised.score()).isGreaterThan(none.score());
        }

        @Test
        void theSameSupportersCountMoreInASmallerDistrict() {
            FactsFixture small = FactsFixture.democraticSeat();
            small.demographics = new Demographics(500_000, 336, 0.395, 0.204);
            FactsFixture large = FactsFixture.democraticSeat();
            large.demographics = new Demographics(1_000_000, 336, 0.395, 0.204);
            SupporterStrength s = new SupporterStrength(500, 0);
            assertThat(assess(small, s).primaryWin())
                    .isGreaterThan(assess(large, s).primaryWin());
        }
    }

    @Nested
    class SeatAndMember {

        @Test
        void anOpenDemocraticSeatIsEasierToWinInThePrimaryThanABeatenIncumbent() {
            DistrictPriority challenge = assess(FactsFixture.democraticSeat());
            DistrictPriority open = assess(FactsFixture.democraticSeat().open("retiring"));
            assertThat(challenge.path()).isEqualTo(Path.PRIMARY_CHALLENGE);
            assertThat(open.path()).isEqualTo(Path.OPEN_DEMOCRATIC_SEAT);
            assertThat(open.primaryWin()).isGreaterThan(challenge.primaryWin());
            assertThat(open.score()).isGreaterThan(challenge.score());
        }

        @Test
        void anOpenRepublicanSeatIsEasierToWinInTheGeneral() {
            DistrictPriority incumbent = assess(FactsFixture.republicanSeat());
            DistrictPriority open = assess(FactsFixture.republicanSeat().open("retiring"));
            assertThat(open.generalWin()).isGreaterThan(incumbent.generalWin());
            assertThat(open.primaryWin()).isGreaterThanOrEqualTo(incumbent.primaryWin());
            assertThat(open.contributions()).doesNotContainKey("general.incumbency");
        }

        @Test
        void longerServingDemocratsAreMoreExposedToAChallenge() {
            DistrictPriority newcomer = assess(
                    with(FactsFixture.democraticSeat(), f -> f.member = new SittingMember("New", Party.DEMOCRAT, 2)));
            DistrictPriority veteran = assess(
                    with(FactsFixture.democraticSeat(), f -> f.member = new SittingMember("Old", Party.DEMOCRAT, 30)));
            assertThat(veteran.primaryWin()).isGreaterThan(newcomer.primaryWin());
        }

        @Test
        void denserMoreDiverseAndMoreEducatedDistrictsAreMoreReceptiveInThePrimary() {
            double base = assess(FactsFixture.democraticSeat()).primaryWin();
            assertThat(assess(with(
                                    FactsFixture.democraticSeat(),
                                    f -> f.demographics = new Demographics(Reference.POPULATION, 20_000, 0.395, 0.204)))
                            .primaryWin())
                    .isGreaterThan(base);
            assertThat(assess(with(
                                    FactsFixture.democraticSeat(),
                                    f -> f.demographics = new Demographics(Reference.POPULATION, 336, 0.80, 0.204)))
                            .primaryWin())
                    .isGreaterThan(base);
            assertThat(assess(with(
                                    FactsFixture.democraticSeat(),
                                    f -> f.demographics = new Demographics(Reference.POPULATION, 336, 0.395, 0.40)))
                            .primaryWin())
                    .isGreaterThan(base);
        }

        @Test
        void aHigherPathValueLiftsThatPathOnly() {
            PriorityModel flipsFirst = new PriorityModel(PriorityWeights.from(Map.of("valueFlip", "2")));
            DistrictFacts rSeat = FactsFixture.republicanSeat().build();
            DistrictFacts dSeat = FactsFixture.democraticSeat().build();
            assertThat(flipsFirst.assess(rSeat, SupporterStrength.NONE).score())
                    .isCloseTo(2 * model.assess(rSeat, SupporterStrength.NONE).score(), within(1e-12));
            assertThat(flipsFirst.assess(dSeat, SupporterStrength.NONE).score())
                    .isEqualTo(model.assess(dSeat, SupporterStrength.NONE).score());
        }
    }

    @Nested
    class Paths {

        @Test
        void eachSeatGetsThePathThatFitsIt() {
            assertThat(assess(FactsFixture.democraticSeat()).path()).isEqualTo(Path.PRIMARY_CHALLENGE);
            assertThat(assess(FactsFixture.democraticSeat().open("vacant seat")).path())
                    .isEqualTo(Path.OPEN_DEMOCRATIC_SEAT);
            assertThat(assess(FactsFixture.republicanSeat().lean(0.47)).path()).isEqualTo(Path.FLIP_REPUBLICAN_SEAT);
            assertThat(assess(FactsFixture.republicanSeat().lean(0.25)).path()).isEqualTo(Path.INDEPENDENT);
        }

        @Test
        void anIndependentIsWeighedAgainstADemocraticNomineeAndTheReasonSaysSo() {
            DistrictPriority deepRed = assess(FactsFixture.republicanSeat().lean(0.25));
            assertThat(deepRed.pathReason())
                    .contains("a Democratic nominee's general chance is")
                    .contains("an independent without the party label has");
            assertThat(deepRed.contributions()).containsKeys("general.ceiling", "general.nominee");
        }

        @Test
        void withNoRecordOfTheHolderEveryPathCompetes() {
            FactsFixture f = FactsFixture.republicanSeat().lean(0.7).open("vacant seat");
            f.member = null;
            f.holder = null;
            f.lastHouse = null;
            DistrictPriority p = assess(f);
            assertThat(p.path()).isIn(Path.OPEN_DEMOCRATIC_SEAT, Path.FLIP_REPUBLICAN_SEAT);
            assertThat(p.gaps())
                    .anyMatch(g -> g.startsWith(Gaps.NO_HOUSE_RESULT))
                    .anyMatch(g -> g.startsWith(Gaps.VACANT));
        }
    }

    @Test
    void theScoreTermsAddUpToTheLogOfTheScore() {
        DistrictPriority p = assess(FactsFixture.republicanSeat(), new SupporterStrength(300, 20));
        double sum = p.contributions().entrySet().stream()
                .filter(e -> e.getKey().startsWith("score."))
                .mapToDouble(Map.Entry::getValue)
                .sum();
        assertThat(sum).isCloseTo(Math.log(p.score()), within(1e-9));
        assertThat(p.score())
                .isCloseTo(p.primaryWin() * p.generalWin() / (p.expectedCostDollars() / 1e6), within(1e-12));
    }

    @Test
    void thePrimaryAndGeneralTermsReproduceTheChances() {
        DistrictPriority p = assess(FactsFixture.democraticSeat(), new SupporterStrength(300, 20));
        double logit = p.contributions().entrySet().stream()
                .filter(e -> e.getKey().startsWith("primary."))
                .mapToDouble(Map.Entry::getValue)
                .sum();
        double margin = p.contributions().entrySet().stream()
                .filter(e -> e.getKey().startsWith("general."))
                .mapToDouble(Map.Entry::getValue)
                .sum();
        assertThat(Odds.logistic(logit)).isCloseTo(p.primaryWin(), within(1e-12));
        assertThat(Odds.logistic(margin / PriorityWeights.defaults().marginScale()))
                .isCloseTo(p.generalWin(), within(1e-12));
    }

    @Test
    void theExplanationNamesThePathTheChancesAndTheGaps() {
        DistrictPriority p = assess(FactsFixture.democraticSeat());
        assertThat(p.explanation())
                .contains(
                        "OH-09",
                        Path.PRIMARY_CHALLENGE.label(),
                        "Dana Member",
                        "expected wins per $1M",
                        Gaps.NO_SUPPORTERS);
    }
}
