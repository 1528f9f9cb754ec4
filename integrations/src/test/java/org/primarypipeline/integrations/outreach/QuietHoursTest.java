package org.primarypipeline.integrations.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId CENTRAL = ZoneId.of("America/Chicago");
    private static final ZoneId EASTERN = ZoneId.of("America/New_York");
    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private final QuietHours tcpa = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

    private static Instant at(String local, ZoneId zone) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), zone).toInstant();
    }

    @Test
    void aWindowAcrossMidnightIsQuietInTheEveningAndEarlyMorningOnly() {
        assertThat(tcpa.isQuiet(at("2026-03-03T20:59:59", CENTRAL), CENTRAL)).isFalse();
        assertThat(tcpa.isQuiet(at("2026-03-03T21:00:00", CENTRAL), CENTRAL)).isTrue();
        assertThat(tcpa.isQuiet(at("2026-03-04T07:59:59", CENTRAL), CENTRAL)).isTrue();
        assertThat(tcpa.isQuiet(at("2026-03-04T08:00:00", CENTRAL), CENTRAL)).isFalse();
    }

    @Test
    void eveningMessagesWaitForTomorrowMorningAndEarlyOnesForThisMorning() {
        assertThat(tcpa.nextAllowed(at("2026-03-03T23:30:00", CENTRAL), CENTRAL))
                .isEqualTo(at("2026-03-04T08:00:00", CENTRAL));
        assertThat(tcpa.nextAllowed(at("2026-03-04T02:00:00", CENTRAL), CENTRAL))
                .isEqualTo(at("2026-03-04T08:00:00", CENTRAL));
        Instant noon = at("2026-03-04T12:00:00", CENTRAL);
        assertThat(tcpa.nextAllowed(noon, CENTRAL)).isEqualTo(noon);
    }

    @Test
    void theSameInstantIsQuietInOneZoneAndNotInAnother() {
        Instant nineEastern = at("2026-03-04T09:00:00", EASTERN);
        assertThat(tcpa.isQuiet(nineEastern, EASTERN)).isFalse();
        assertThat(tcpa.isQuiet(nineEastern, PACIFIC)).isTrue();
    }

    @Test
    void anUnknownZoneGetsOnlyTheHoursThatAreQuietNowhereOnTheMainland() {
        assertThat(tcpa.isQuiet(at("2026-03-04T10:59:00", EASTERN), null)).isTrue();
        assertThat(tcpa.isQuiet(at("2026-03-04T11:00:00", EASTERN), null)).isFalse();
        assertThat(tcpa.isQuiet(at("2026-03-04T20:59:00", EASTERN), null)).isFalse();
        assertThat(tcpa.isQuiet(at("2026-03-04T21:00:00", EASTERN), null)).isTrue();
        assertThat(tcpa.nextAllowed(at("2026-03-04T22:00:00", EASTERN), null))
                .isEqualTo(at("2026-03-05T11:00:00", EASTERN));
    }

    @Test
    void morningAfterTheClocksSpringForwardIsStillEightLocal() {
        // 2026-03-08: US clocks jump from 02:00 to 03:00
        assertThat(tcpa.nextAllowed(at("2026-03-07T22:00:00", CENTRAL), CENTRAL))
                .isEqualTo(at("2026-03-08T08:00:00", CENTRAL));
    }

    @Test
    void aWindowWithinOneDayAndAnEmptyWindowWork() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0));
        assertThat(lunch.isQuiet(at("2026-03-04T12:30:00", CENTRAL), CENTRAL)).isTrue();
        assertThat(lunch.isQuiet(at("2026-03-04T23:30:00", CENTRAL), CENTRAL)).isFalse();
        assertThat(lunch.nextAllowed(at("2026-03-04T12:30:00", CENTRAL), CENTRAL))
                .isEqualTo(at("2026-03-04T13:00:00", CENTRAL));
        assertThat(new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)
                        .isQuiet(at("2026-03-04T03:00:00", CENTRAL), CENTRAL))
                .isFalse();
    }
}
