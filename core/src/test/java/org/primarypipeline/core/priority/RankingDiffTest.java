package org.primarypipeline.core.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingDiffTest {

    private static final List<DistrictFacts> FACTS = PublicDataFacts.plan2026();

    @Test
    void sameWeightsNoDifference() {
        List<DistrictPriority> a = PriorityModel.withDefaults().rank(FACTS, Map.of());
        List<DistrictPriority> b = PriorityModel.withDefaults().rank(FACTS, Map.of());
        assertThat(RankingDiff.between(a, b).isEmpty()).isTrue();
    }

    @Test
    void ignoringCostMovesTheDearestRacesUpAndTheCheapestDown() {
        List<DistrictPriority> base = PriorityModel.withDefaults().rank(FACTS, Map.of());
        List<DistrictPriority> costBlind = new PriorityModel(PriorityWeights.parse("cost=0")).rank(FACTS, Map.of());
        RankingDiff diff = RankingDiff.between(base, costBlind);
        assertThat(diff.moves()).hasSize(435);
        assertThat(diff.movedUp()).isNotEmpty();
        assertThat(diff.movedDown()).isNotEmpty();
        double upCost =
                diff.movedUp().stream().mapToLong(m -> cost(base, m)).average().orElseThrow();
        double downCost = diff.movedDown().stream()
                .mapToLong(m -> cost(base, m))
                .average()
                .orElseThrow();
        assertThat(upCost).isGreaterThan(downCost);
        // largest move first
        assertThat(Math.abs(diff.moves().get(0).placesUp()))
                .isGreaterThanOrEqualTo(Math.abs(diff.moves().get(1).placesUp()));
    }

    @Test
    void valuingFlipsMoreMovesRepublicanSeatsUp() {
        List<DistrictPriority> base = PriorityModel.withDefaults().rank(FACTS, Map.of());
        List<DistrictPriority> flips = new PriorityModel(PriorityWeights.parse("valueFlip=3")).rank(FACTS, Map.of());
        RankingDiff diff = RankingDiff.between(base, flips);
        assertThat(diff.movedUp()).allMatch(m -> m.toPath() == Path.FLIP_REPUBLICAN_SEAT);
        assertThat(diff.pathChanges()).allMatch(m -> m.toPath() == Path.FLIP_REPUBLICAN_SEAT);
    }

    @Test
    void theCommandLineShowsTheWeightsAndTheMoves() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrioritizeCli.printTopWithDiff(
                10, PriorityWeights.parse("cost=0.5"), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out)
                .contains("Weights changed from the defaults: {cost=1 -> 0.5}", "moved up", "Largest moves:", "->");
    }

    private static long cost(List<DistrictPriority> ranking, RankingDiff.Move m) {
        return ranking.stream()
                .filter(p -> p.district().equals(m.district()))
                .findFirst()
                .orElseThrow()
                .expectedCostDollars();
    }
}
