package org.primarypipeline.console.fundraising;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.primarypipeline.fundraising.FinanceReports;
import org.springframework.stereotype.Component;

/** The rules every finance report shares: which fundraiser, and what a period may be (UTC days). */
@Component
public class FinancePeriods {

    /** Two UTC days, forwards, at most three years apart. */
    public record Period(LocalDate from, LocalDate to) {}

    private final FinanceReports reports;
    private final Clock clock;

    public FinancePeriods(FinanceReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** A fundraiser that exists, from its id as typed. */
    public long fundraiser(String id) {
        long fundraiser;
        try {
            fundraiser = Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            throw new FinanceRefusal.NoSuchFundraiser(id);
        }
        if (reports.progress(fundraiser).isEmpty()) {
            throw new FinanceRefusal.NoSuchFundraiser(id);
        }
        return fundraiser;
    }

    /** Both days given as text, for a download: the fundraiser must exist, the days must make a period. */
    public Period given(long fundraiser, String from, String to) {
        fundraiser(Long.toString(fundraiser));
        try {
            LocalDate start = LocalDate.parse(from.trim());
            LocalDate end = LocalDate.parse(to.trim());
            if (acceptable(start, end)) {
                return new Period(start, end);
            }
        } catch (DateTimeParseException unreadable) {
            // answered below with the rule
        }
        throw new FinanceRefusal("a period is two days as YYYY-MM-DD, forwards, at most three years");
    }

    /** The API's period: a missing day is the month so far's. */
    public Period orMonthSoFar(LocalDate from, LocalDate to) {
        LocalDate today = today();
        LocalDate start = from != null ? from : today.withDayOfMonth(1);
        LocalDate end = to != null ? to : today;
        if (!acceptable(start, end)) {
            throw new IllegalArgumentException("a period runs forwards and at most three years");
        }
        return new Period(start, end);
    }

    static boolean acceptable(LocalDate from, LocalDate to) {
        return !to.isBefore(from) && !from.plusYears(3).isBefore(to);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
