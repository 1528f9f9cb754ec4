package org.primarypipeline.console.fundraising;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.primarypipeline.console.web.DataBlock;
import org.primarypipeline.console.web.Format;
import org.primarypipeline.core.money.Money;
import org.primarypipeline.fundraising.FinanceReports;
import org.springframework.stereotype.Component;

/** The finance pages' models: every fundraiser for the last full month, and one fundraiser's period. */
@Component
public class FinancePages {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.US);

    public record ListRow(
            long id,
            String href,
            String title,
            String candidate,
            String district,
            String status,
            String raised,
            String reconciled,
            long exceptions,
            boolean hasExceptions,
            String signedThrough,
            String monthSigned,
            boolean monthDone) {}

    public record ListPage(String title, String month, List<ListRow> rows) {}

    public record About(
            long id, String title, String status, String committee, String raised, String goal, long donors) {}

    public record Figure(String label, String value, boolean negative) {}

    public record DayRow(String day, String gross, String refunds, String disputes) {}

    /** A monthly gift still running, with finance's cancel button (the form posts to {@code cancelHref}). */
    public record MonthlyGift(long id, String donor, String amount, String since, String cancelHref) {}

    /** Gross up, refunds and disputes down, in dollars per day, for app.js to draw. */
    public record DailyChart(List<String> labels, List<Double> gross, List<Double> refunds) {}

    public record ReportPage(
            String title,
            About fundraiser,
            String from,
            String to,
            String signedBy,
            String signedAt,
            List<Figure> totals,
            List<DayRow> days,
            String chartJson,
            String csvHref,
            String scheduleAHref,
            String fecHref,
            FinanceTable exceptions,
            FinanceTable limits,
            FinanceTable bestEfforts,
            FinanceTable signOffs,
            FinanceTable refcodes,
            FinanceTable giftChanges,
            List<MonthlyGift> monthlyGifts,
            boolean anyMonthlyGifts,
            boolean canSignOff,
            boolean notEnded,
            String signOffHref) {}

    private final FinanceReports reports;
    private final FinancePeriods periods;
    private final Format format;

    public FinancePages(FinanceReports reports, FinancePeriods periods, Format format) {
        this.reports = reports;
        this.periods = periods;
        this.format = format;
    }

    public ListPage list() {
        // the month so far cannot be signed off until it ends, so the list follows the last full month
        YearMonth month = YearMonth.from(periods.today()).minusMonths(1);
        List<ListRow> rows = new ArrayList<>();
        for (FinanceReports.Listed f : reports.fundraisers(month.atDay(1), month.atEndOfMonth())) {
            int days = f.daysSignedInMonth();
            boolean done = days >= month.lengthOfMonth();
            rows.add(new ListRow(
                    f.fundraiserId(),
                    "/finance/fundraisers/" + f.fundraiserId(),
                    f.title() == null ? "Fundraiser #" + f.fundraiserId() : f.title(),
                    f.candidate(),
                    f.districtId(),
                    f.status().toLowerCase(Locale.ROOT),
                    Money.dollars(f.raisedCents()),
                    f.reconciledAt() == null ? "never" : format.when(f.reconciledAt()),
                    f.exceptions(),
                    f.exceptions() > 0,
                    f.signedThrough() == null
                            ? "nothing yet"
                            : f.signedThrough().toString(),
                    done ? "signed off" : days == 0 ? "not yet" : "partly (" + days + " days)",
                    done));
        }
        return new ListPage("Finance", month.format(MONTH), rows);
    }

    /**
     * One fundraiser's period, the month so far unless asked.
     *
     * @throws FinanceRefusal.NoSuchFundraiser when there is no such fundraiser
     * @throws BadPeriod when the period cannot be read or is not one
     */
    public ReportPage report(String id, String from, String to) {
        long fundraiser = periods.fundraiser(id);
        FinanceReports.Progress progress = reports.progress(fundraiser).orElseThrow();
        LocalDate today = periods.today();
        LocalDate start;
        LocalDate end;
        try {
            start = blank(from) ? today.withDayOfMonth(1) : LocalDate.parse(from.trim());
            end = blank(to) ? today : LocalDate.parse(to.trim());
        } catch (DateTimeParseException e) {
            throw new BadPeriod(
                    "Give the period's days as YYYY-MM-DD, e.g. " + today.withDayOfMonth(1) + " to " + today + ".");
        }
        if (!FinancePeriods.acceptable(start, end)) {
            throw new BadPeriod(
                    "A period runs forwards and at most three years; " + start + " to " + end + " does not.");
        }
        FinanceReports.Totals t = reports.totals(fundraiser, start, end);
        List<FinanceReports.Day> days = reports.daily(fundraiser, start, end);
        String title = progress.title() == null ? "Fundraiser #" + fundraiser : progress.title();
        String query = "?from=" + start + "&to=" + end;
        String base = "/finance/fundraisers/" + fundraiser;
        boolean ended = end.isBefore(today);
        List<MonthlyGift> monthly = reports.runningMonthlyGifts(fundraiser).stream()
                .map(g -> new MonthlyGift(
                        g.intentId(),
                        g.donor(),
                        Money.dollars(g.amountCents()),
                        FinanceTable.when(g.since(), format),
                        base + "/gifts/" + g.intentId() + "/cancel"))
                .toList();
        return new ReportPage(
                "Finance: " + title,
                new About(
                        fundraiser,
                        title,
                        progress.status().toLowerCase(Locale.ROOT),
                        progress.committeeName(),
                        Money.dollars(progress.raisedCents()),
                        Money.dollars(progress.goalCents()),
                        progress.donors()),
                start.toString(),
                end.toString(),
                t.signedOffBy(),
                t.signedOffAt() == null ? null : FinanceTable.when(t.signedOffAt(), format),
                List.of(
                        money("Gross", t.grossCents()),
                        money("Refunds", t.refundCents()),
                        money("Disputes", t.disputeCents()),
                        money("Stripe fees", t.feeCents()),
                        money("Net", t.netCents()),
                        money("Adjustments of signed periods", t.adjustmentCents()),
                        new Figure("Donations", Integer.toString(t.donations()), false)),
                days.stream()
                        .map(d -> new DayRow(
                                d.day().toString(),
                                Money.dollars(d.grossCents()),
                                Money.dollars(d.refundCents()),
                                Money.dollars(d.disputeCents())))
                        .toList(),
                DataBlock.json(dailyChart(days)),
                base + "/report.csv" + query,
                base + "/schedule-a.csv" + query,
                base + "/report.fec" + query,
                FinanceTable.exceptions(reports.exceptions(fundraiser)),
                FinanceTable.limits(reports.limitStatus(fundraiser)),
                FinanceTable.bestEfforts(reports.bestEfforts(fundraiser), format),
                FinanceTable.signOffs(reports.signOffs(fundraiser), format),
                FinanceTable.refcodes(reports.byRefcode(fundraiser, start, end)),
                FinanceTable.giftChanges(reports.giftChanges(fundraiser), format),
                monthly,
                !monthly.isEmpty(),
                t.signedOffBy() == null && ended,
                t.signedOffBy() == null && !ended,
                base + "/sign-off");
    }

    /** The report page's period is not one: the message says how to give it. */
    public static class BadPeriod extends FinanceRefusal {
        BadPeriod(String message) {
            super(message);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Figure money(String label, long cents) {
        return new Figure(label, Money.dollars(cents), cents < 0);
    }

    private static DailyChart dailyChart(List<FinanceReports.Day> days) {
        List<String> labels = new ArrayList<>();
        List<Double> gross = new ArrayList<>();
        List<Double> out = new ArrayList<>();
        for (FinanceReports.Day d : days) {
            labels.add(d.day().toString());
            gross.add(d.grossCents() / 100.0);
            out.add((d.refundCents() + d.disputeCents()) / 100.0);
        }
        return new DailyChart(labels, gross, out);
    }
}
