package org.primarypipeline.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ElectionCalendarTest {

    @Test
    void theGeneralElectionIsTheTuesdayAfterTheFirstMondayOfNovemberInEvenYears() {
        assertThat(ElectionCalendar.generalOnOrAfter(LocalDate.of(2026, 1, 1))).isEqualTo("2026-11-03");
        assertThat(ElectionCalendar.generalOnOrAfter(LocalDate.of(2026, 11, 4))).isEqualTo("2028-11-07");
        assertThat(ElectionCalendar.generalOnOrAfter(LocalDate.of(2027, 3, 1))).isEqualTo("2028-11-07");
        // November 1 a Tuesday: the first Monday is the 7th, so the election is the 8th
        assertThat(ElectionCalendar.generalOnOrAfter(LocalDate.of(2022, 1, 1))).isEqualTo("2022-11-08");
    }

    @Test
    void aCampaignTargetsTheNextPrimaryInTheDataElseTheGeneral() {
        ElectionCalendar calendar = ElectionCalendar.shipped();
        assertThat(calendar.next("TX-07", LocalDate.of(2026, 1, 10)))
                .isEqualTo(new ElectionCalendar.Election(ElectionCalendar.Kind.PRIMARY, LocalDate.of(2026, 3, 3)));
        assertThat(calendar.next("TX-07", LocalDate.of(2026, 3, 4)))
                .isEqualTo(new ElectionCalendar.Election(ElectionCalendar.Kind.GENERAL, LocalDate.of(2026, 11, 3)));
        assertThat(calendar.next("CO-04", LocalDate.of(2026, 1, 10)).kind()).isEqualTo(ElectionCalendar.Kind.GENERAL);
        assertThat(calendar.next("NY", LocalDate.of(2026, 6, 1)).day()).isEqualTo("2026-06-23");
    }
}
