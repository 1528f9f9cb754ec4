package org.primarypipeline.core.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PriorityWeightsTest {

    @Test
    void propertiesOverrideTheNamedDefaultsOnly() {
        PriorityWeights w = PriorityWeights.from(Map.of("lean", "0.5", "cost", " 0.75 "));
        assertThat(w.lean()).isEqualTo(0.5);
        assertThat(w.cost()).isEqualTo(0.75);
        assertThat(w.house()).isEqualTo(PriorityWeights.defaults().house());
        assertThat(w.differencesFrom(PriorityWeights.defaults()))
                .containsOnlyKeys("lean", "cost")
                .containsEntry("cost", "1 -> 0.75");
    }

    @Test
    void theCommandLineFormParsesToTheSameWeights() {
        assertThat(PriorityWeights.parse("lean=0.5, cost=0.75"))
                .isEqualTo(PriorityWeights.from(Map.of("lean", "0.5", "cost", "0.75")));
        assertThat(PriorityWeights.parse("")).isEqualTo(PriorityWeights.defaults());
    }

    @Test
    void typosAndNonsenseAreRefused() {
        assertThatThrownBy(() -> PriorityWeights.from(Map.of("laen", "1")))
                .hasMessageContaining("unknown weight 'laen'");
        assertThatThrownBy(() -> PriorityWeights.from(Map.of("lean", "high"))).hasMessageContaining("not a number");
        assertThatThrownBy(() -> PriorityWeights.from(Map.of("challengeBase", "1")))
                .hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> PriorityWeights.parse("lean")).hasMessageContaining("name=value");
    }

    @Test
    void everyWeightHasANameInTheMap() {
        assertThat(PriorityWeights.defaults().asMap())
                .hasSize(PriorityWeights.class.getRecordComponents().length)
                .containsEntry("minCostDollars", 250_000.0);
    }
}
