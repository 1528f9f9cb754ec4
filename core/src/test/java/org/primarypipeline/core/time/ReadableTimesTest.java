package org.primarypipeline.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReadableTimesTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Test
    void anInstantIsWrittenInWordsInTheReadersZone() {
        assertThat(ReadableTimes.when(Instant.parse("2026-05-20T12:00:00Z"), CHICAGO))
                .isEqualTo("Wed 20 May 2026, 7:00 AM CDT");
        assertThat(ReadableTimes.when(Instant.parse("2026-12-08T15:30:00Z"), ZoneId.of("America/New_York")))
                .isEqualTo("Tue 8 Dec 2026, 10:30 AM EST");
    }

    @Test
    void machineTimesInsideATextAreRewrittenAndTheRestKept() {
        assertThat(ReadableTimes.inText(
                        "Voting round extended by alice to 2026-05-20T12:00:00Z (quorum) and 2026-05-21T12:00:00.123Z",
                        CHICAGO))
                .isEqualTo("Voting round extended by alice to Wed 20 May 2026, 7:00 AM CDT (quorum)"
                        + " and Thu 21 May 2026, 7:00 AM CDT");
        assertThat(ReadableTimes.inText("Pledge vetting closed early", CHICAGO))
                .isEqualTo("Pledge vetting closed early");
        assertThat(ReadableTimes.inText(null, CHICAGO)).isNull();
    }
}
