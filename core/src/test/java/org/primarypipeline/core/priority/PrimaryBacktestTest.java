package org.primarypipeline.core.priority;

import static org.assertj.core.api.Assertions.assertThat;

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
