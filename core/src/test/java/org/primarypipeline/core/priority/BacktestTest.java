package org.primarypipeline.core.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.primarypipeline.core.district.DistrictId;

class BacktestTest {

    @Test
    void aucCountsOrderedPairsAndHalfTies() {
        boolean[] labels = {false, false, true, true};
        assertThat(RankingQuality.auc(new double[] {1, 2, 3, 4}, labels)).isEqualTo(1.0);
        assertThat(RankingQuality.auc(new double[] {4, 3, 2, 1}, labels)).isEqualTo(0.0);
        assertThat(RankingQuality.auc(new double[] {1, 1, 1, 1}, labels)).isEqualTo(0.5);
        assertThat(RankingQuality.auc(new double[] {1, 3, 2, 4}, labels)).isEqualTo(0.75);
        assertThat(RankingQuality.auc(new double[] {1, 2}, new boolean[] {true, true}))
                .isNaN();
    }

    @Test
    void precisionAtKIsTheShareOfPositivesAtTheTop() {
        double[] scores = {0.9, 0.8, 0.7, 0.1};
        boolean[] labels = {true, false, true, true};
        assertThat(RankingQuality.precisionAt(2, scores, labels)).isEqualTo(0.5);
        assertThat(RankingQuality.precisionAt(3, scores, labels)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(RankingQuality.precisionAt(10, scores, labels)).isEqualTo(0.75);
    }

    @Test
    void factsBefore2018UseOnlyEarlierDataAndSayWhatIsMissing() {
        List<DistrictFacts> facts = HistoricFacts.before(2018);
        assertThat(facts).hasSize(435);
        assertThat(facts).allSatisfy(f -> {
            assertThat(f.presidential()).isEmpty();
            assertThat(f.raceMoney()).isEmpty();
            assertThat(f.demographics()).isNull();
            assertThat(f.lastHouse().year()).isEqualTo(2016);
        });
        DistrictFacts pa07 = facts.stream()
                .filter(f -> f.district().equals(DistrictId.parse("PA-07")))
                .findFirst()
                .orElseThrow();
        assertThat(pa07.redrawn()).isTrue();
        assertThat(pa07.lastHouse().onSameLines()).isFalse();
    }

    @Test
    void factsBefore2022UseThe2020PresidentialButNotTheCycleOfTheElection() {
        List<DistrictFacts> facts = HistoricFacts.before(2022);
        assertThat(facts).allSatisfy(f -> {
            assertThat(f.presidential()).extracting(PresidentialResult::year).containsExactly(2020);
            assertThat(f.raceMoney()).isEmpty();
        });
        assertThat(facts)
                .filteredOn(f -> f.district().state().equals("NY"))
                .allMatch(f -> f.gaps().stream().anyMatch(g -> g.startsWith(Gaps.PRESIDENTIAL_ON_OTHER_LINES)));
        assertThat(HistoricFacts.before(2024))
                .allMatch(f -> f.raceMoney().stream().allMatch(m -> m.cycle() == 2022));
    }

    @Test
    void backtest2018ReportsItsFiguresAndItsMissingInputs() {
        BacktestReport r = Backtest.run(2018);
        assertThat(r.districtsScored()).isEqualTo(435);
        assertThat(r.positives()).isBetween(30, 70);
        assertThat(r.auc()).isBetween(0.0, 1.0);
        assertThat(r.precisionAt50()).isBetween(0.0, 1.0);
        assertThat(r.missingInputs())
                .anyMatch(m -> m.startsWith(Gaps.NO_PRESIDENTIAL))
                .anyMatch(m -> m.startsWith(Gaps.NO_FEC))
                .anyMatch(m -> m.startsWith(Gaps.LEAN_FROM_HOUSE))
                .anyMatch(m -> m.startsWith(Gaps.UNCONTESTED));
        assertThat(r.outcome()).contains("different party");
    }

    @Test
    void backtest2022LeavesOutSeatNumbersThatDidNotExistBefore() {
        BacktestReport r = Backtest.run(2022);
        // TX-37, TX-38, CO-08, FL-28, MT-02, NC-14, OR-06 were new in 2022
        assertThat(r.excluded()).isEqualTo(7);
        assertThat(r.districtsScored()).isEqualTo(428);
    }

    @Test
    void theCommandLinePrintsOneFigureALine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = BacktestCli.run(2018, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(out)
                .containsPattern("(?m)^backtest\\.auc: \\d\\.\\d\\d$")
                .containsPattern("(?m)^backtest\\.precision_at_50: \\d\\.\\d\\d$")
                .containsPattern("(?m)^backtest\\.positives: \\d+ count$")
                .contains("Outcome: ", "Inputs missing or substituted before 2018:");
    }

    @Test
    void yearsWithoutAnEarlierResultAreRefused() {
        assertThat(BacktestCli.run(2012, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
        assertThatThrownBy(() -> HistoricFacts.before(2019)).hasMessageContaining("even years");
    }
}
