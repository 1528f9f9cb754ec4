package org.primarypipeline.core.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.primarypipeline.core.district.DistrictId;

/** The primary backtest, and the rule that a year's backtest sees only roll-call scores from before it. */
class PrimaryBacktestTest {

    private static Map<DistrictId, DistrictFacts> before(int year) {
        return HistoricFacts.before(year).stream()
                .collect(Collectors.toMap(DistrictFacts::district, Function.identity()));
    }

    @Test
    void theScoresABacktestSeesComeFromACongressThatEndedBeforeTheYear() {
        assertThat(DemocraticCaucus.sittingIn(2020)).isEqualTo(116);
        assertThat(DemocraticCaucus.lastYearOf(115)).isEqualTo(2018);
        assertThat(DemocraticCaucus.knownBefore(2018).orElseThrow().congress()).isEqualTo(114);
        assertThat(DemocraticCaucus.knownBefore(2016)).isEmpty(); // the 113th is not bundled
        assertThat(DemocraticCaucus.knownBefore(2020).orElseThrow().congress()).isEqualTo(115);
        assertThat(DemocraticCaucus.knownBefore(2022).orElseThrow().congress()).isEqualTo(116);
        assertThat(DemocraticCaucus.knownBefore(2024).orElseThrow().congress()).isEqualTo(117);
        for (int year : List.of(2016, 2018, 2020, 2022, 2024)) {
            List<CaucusStanding> standings = HistoricFacts.before(year).stream()
                    .filter(f -> f.member() != null && f.member().standing() != null)
                    .map(f -> f.member().standing())
                    .toList();
            assertThat(standings)
                    .as("%d", year)
                    .allSatisfy(s -> assertThat(DemocraticCaucus.lastYearOf(s.congress()))
                            .isLessThan(year));
            if (year >= 2018) {
                assertThat(standings).as("%d", year).hasSizeGreaterThan(100);
            }
        }
    }

    @Test
    void aMemberFirstElectedTwoYearsEarlierHasNoScoreYet() {
        // Scores of the Congress sitting in the election year would give these freshmen a record.
        assertThat(before(2020).get(DistrictId.parse("NY-14")).member().name()).contains("OCASIO-CORTEZ");
        assertThat(before(2020).get(DistrictId.parse("NY-14")).member().standing())
                .isNull();
        assertThat(before(2022).get(DistrictId.parse("NY-16")).member().name()).contains("BOWMAN");
        assertThat(before(2022).get(DistrictId.parse("NY-16")).member().standing())
                .isNull();
        assertThat(before(2018).get(DistrictId.parse("WA-07")).member().name()).contains("JAYAPAL");
        assertThat(before(2018).get(DistrictId.parse("WA-07")).member().standing())
                .isNull();
        // ... while a member who sat in the finished Congress has one, found by name.
        CaucusStanding crowley =
                before(2018).get(DistrictId.parse("NY-14")).member().standing();
        assertThat(crowley.congress()).isEqualTo(114);
        assertThat(crowley.dim1()).isEqualTo(-0.401);
        CaucusStanding engel =
                before(2020).get(DistrictId.parse("NY-16")).member().standing();
        assertThat(engel.congress()).isEqualTo(115);
        assertThat(engel.scoreKind()).isEqualTo("Nokken-Poole");
        assertThat(engel.dim1()).isEqualTo(-0.408);
        CaucusStanding aoc2024 =
                before(2024).get(DistrictId.parse("NY-14")).member().standing();
        assertThat(aoc2024.congress()).isEqualTo(117);
        assertThat(aoc2024.shareFromLeft()).isLessThan(0.1);
    }

    @Test
    void theScoresOfTheCongressThatJudgesTheOpenPrimariesNeverReachTheRanking() {
        for (int year : List.of(2018, 2020, 2022, 2024)) {
            PrimaryBacktest.Report r = PrimaryBacktest.run(year).orElseThrow();
            // The outcome is read from the Congress elected that year; the ranking from one that had ended.
            assertThat(r.outcomeCongress()).as("%d", year).isEqualTo(DemocraticCaucus.sittingIn(year) + 1);
            assertThat(r.ranked())
                    .as("%d", year)
                    .filteredOn(p -> p.incumbent() != null)
                    .isNotEmpty()
                    .allSatisfy(p -> assertThat(
                                    DemocraticCaucus.lastYearOf(p.incumbent().congress()))
                            .isLessThan(year));
        }
    }

    @Test
    void anOpenPrimaryIsJudgedByTheWinnersFirstTermRecordAgainstTheSeatsLean() {
        Map<DistrictId, OpenPrimaryOutcomes.Verdict> v2018 = verdicts(2018);
        // Tlaib (MI-13) and Omar (MN-05) vote far to the left of what such seats elect.
        assertThat(v2018.get(DistrictId.parse("MI-13")).winner()).contains("TLAIB");
        assertThat(v2018.get(DistrictId.parse("MI-13")).progressiveWon()).isTrue();
        assertThat(v2018.get(DistrictId.parse("MN-05")).progressiveWon()).isTrue();
        Map<DistrictId, OpenPrimaryOutcomes.Verdict> v2022 = verdicts(2022);
        assertThat(v2022.get(DistrictId.parse("IL-03")).winner()).contains("RAMIREZ");
        assertThat(v2022.get(DistrictId.parse("IL-03")).progressiveWon()).isTrue();
        // Don Davis (NC-01) votes to the right of what a seat of that lean elects.
        assertThat(v2022.get(DistrictId.parse("NC-01")).winner()).contains("DAVIS");
        assertThat(v2022.get(DistrictId.parse("NC-01")).progressiveWon()).isFalse();
        assertThat(v2022.get(DistrictId.parse("NC-01")).position()).isEqualTo(-0.293 + 0.954, within(1e-9));
    }

    @Test
    void aSeatWonBySomeoneAlreadyInTheHouseOrLostInNovemberHasNoOpenPrimaryVerdict() {
        var judged = OpenPrimaryOutcomes.judge(
                        2022,
                        HistoricFacts.before(2022),
                        PrimaryOutcomes.bundled().defeats(2022))
                .orElseThrow();
        // 2022's new lines moved sitting members to other seat numbers: not open primaries.
        assertThat(judged.unjudged()).containsValue("NANCY PELOSI already sat in the House");
        assertThat(judged.unjudged().values()).anyMatch(r -> r.equals("the Democrat lost the general election"));
        assertThat(judged.verdicts().keySet())
                .doesNotContainAnyElementsOf(judged.unjudged().keySet());
    }

    private static Map<DistrictId, OpenPrimaryOutcomes.Verdict> verdicts(int year) {
        return OpenPrimaryOutcomes.judge(
                        year,
                        HistoricFacts.before(year),
                        PrimaryOutcomes.bundled().defeats(year))
                .orElseThrow()
                .verdicts();
    }

    @Test
    void theNameMatchSurvivesAccentsHyphensAndNamesakes() {
        assertThat(DemocraticCaucus.normalized("Ocasio-Cortez")).isEqualTo("OCASIO CORTEZ");
        assertThat(DemocraticCaucus.normalized("VELÁZQUEZ")).isEqualTo("VELAZQUEZ");
        // Two New York Maloneys in the 116th: each found by the seat he or she held.
        assertThat(before(2022).get(DistrictId.parse("NY-18")).member().standing())
                .isNotNull();
        assertThat(before(2022).get(DistrictId.parse("NY-12")).member().standing())
                .isNotNull();
        assertThat(before(2022)
                        .get(DistrictId.parse("NY-12"))
                        .member()
                        .standing()
                        .dim1())
                .isEqualTo(-0.416);
    }

    @Test
    void everyYearWithPrimaryResultsHasFigures() {
        for (int year : List.of(2018, 2020, 2022, 2024)) {
            PrimaryBacktest.Report r = PrimaryBacktest.run(year).orElseThrow();
            assertThat(r.upsets()).as("%d", year).isEqualTo(year == 2022 ? 1 : year == 2020 ? 3 : 2);
            assertThat(r.seats()).as("%d", year).isGreaterThan(100);
            assertThat(r.auc()).as("%d", year).isBetween(0.0, 1.0);
            assertThat(r.precisionAt20()).as("%d", year).isBetween(0.0, 1.0);
            assertThat(r.scoresFrom()).as("%d", year).isEqualTo((year - 1788) / 2 - 1);
            assertThat(r.openSeats()).as("%d", year).isGreaterThan(5);
            assertThat(r.openProgressiveWins()).as("%d", year).isBetween(1, r.openSeats() - 1);
            assertThat(r.seats()).as("%d", year).isEqualTo(r.ranked().size());
            assertThat(r.challengeAuc()).as("%d", year).isBetween(0.0, 1.0);
            assertThat(r.openAuc()).as("%d", year).isBetween(0.0, 1.0);
        }
        assertThat(PrimaryBacktest.run(2016)).isEmpty();
    }

    @Test
    void theCommandLinePrintsThePrimaryFiguresBesideTheGeneralOnes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThat(BacktestCli.run(2020, true, new PrintStream(bytes, true, StandardCharsets.UTF_8)))
                .isZero();
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .containsPattern("(?m)^backtest\\.auc: \\d\\.\\d\\d$")
                .containsPattern("(?m)^backtest\\.primary_auc: \\d\\.\\d\\d$")
                .containsPattern("(?m)^backtest\\.primary_precision_at_20: \\d\\.\\d\\d$")
                .containsPattern("(?m)^backtest\\.primary_challenge_auc: \\d\\.\\d\\d$")
                .containsPattern("(?m)^backtest\\.primary_open_auc: \\d\\.\\d\\d$")
                .containsPattern("(?m)^backtest\\.primary_open_first_baseline_auc: \\d\\.\\d\\d$")
                .contains("117th Congress's first-term records")
                .contains("IL-03", "115th Congress");
        ByteArrayOutputStream without = new ByteArrayOutputStream();
        BacktestCli.run(2020, new PrintStream(without, true, StandardCharsets.UTF_8));
        assertThat(without.toString(StandardCharsets.UTF_8)).doesNotContain("primary_auc");
        ByteArrayOutputStream early = new ByteArrayOutputStream();
        BacktestCli.run(2016, true, new PrintStream(early, true, StandardCharsets.UTF_8));
        assertThat(early.toString(StandardCharsets.UTF_8))
                .contains("backtest.primary: no primary results bundled for 2016");
    }
}
