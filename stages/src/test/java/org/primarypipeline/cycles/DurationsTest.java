package org.primarypipeline.cycles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsShortFormsAndIso8601() {
        assertThat(Durations.parse("14d", null)).isEqualTo(Duration.ofDays(14));
        assertThat(Durations.parse(" 36h ", null)).isEqualTo(Duration.ofHours(36));
        assertThat(Durations.parse("90m", null)).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("45s", null)).isEqualTo(Duration.ofSeconds(45));
        assertThat(Durations.parse("2H", null)).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("P14D", null)).isEqualTo(Duration.ofDays(14));
        assertThat(Durations.parse("pt30m", null)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void blankMeansTheFallback() {
        assertThat(Durations.parse("  ", Duration.ofDays(3))).isEqualTo(Duration.ofDays(3));
        assertThat(Durations.parse("voting period", null, Duration.ofDays(3))).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void refusesWithTheSameSentenceEverywhere() {
        assertThatThrownBy(() -> Durations.parse("two weeks", null))
                .hasMessage("not a duration: 'two weeks' (write e.g. 14d, 36h, 90m or P14D)");
        assertThatThrownBy(() -> Durations.parse("voting period", "14x", null))
                .hasMessage("voting period: not a duration: '14x' (write e.g. 14d, 36h, 90m or P14D)");
    }
}
