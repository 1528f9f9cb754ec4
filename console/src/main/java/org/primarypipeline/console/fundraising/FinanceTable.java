package org.primarypipeline.console.fundraising;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.primarypipeline.console.web.Format;
import org.primarypipeline.core.money.Money;
import org.primarypipeline.fundraising.FinanceReports.BestEffortsRequest;
import org.primarypipeline.fundraising.FinanceReports.OverLimitGift;
import org.primarypipeline.fundraising.FinanceReports.ReconciliationException;
import org.primarypipeline.fundraising.FinanceReports.SignOff;

/** A report's rows as header and cells, amounts in dollars, instants in the console's zone. */
public record FinanceTable(List<Column> columns, List<Line> rows, boolean empty) {

    public record Column(String label, boolean num) {}

    public record Cell(String text, boolean num) {}

    public record Line(List<Cell> cells) {}

    /** One column of a report: its heading, whether it holds amounts, and each row's text. */
    private record Shown<R>(Column column, Function<R, String> text) {}

    static FinanceTable exceptions(List<ReconciliationException> rows) {
        return of(
                rows,
                List.of(
                        text("kind", ReconciliationException::kind),
                        text("chargeId", ReconciliationException::chargeId),
                        text("payoutId", ReconciliationException::payoutId),
                        money("ledgerCents", ReconciliationException::ledgerCents),
                        money("stripeCents", ReconciliationException::stripeCents),
                        text("action", ReconciliationException::action)));
    }

    static FinanceTable limits(List<OverLimitGift> rows) {
        return of(
                rows,
                List.of(
                        text("donationId", OverLimitGift::donationId),
                        text("donor", OverLimitGift::donor),
                        text("election", OverLimitGift::election),
                        money("amountCents", OverLimitGift::amountCents),
                        money("excessCents", OverLimitGift::excessCents),
                        text("status", OverLimitGift::status),
                        text("todo", OverLimitGift::todo)));
    }

    static FinanceTable bestEfforts(List<BestEffortsRequest> rows, Format format) {
        return of(
                rows,
                List.of(
                        text("donor", BestEffortsRequest::donor),
                        instant("requestedAt", BestEffortsRequest::requestedAt, format),
                        instant("dueBy", BestEffortsRequest::dueBy, format),
                        text("requestedInTime", (BestEffortsRequest r) -> r.requestedInTime() ? "yes" : "no"),
                        instant("answeredAt", BestEffortsRequest::answeredAt, format)));
    }

    static FinanceTable refcodes(List<org.primarypipeline.fundraising.FinanceReports.RefcodeTotal> rows) {
        return of(
                rows,
                List.of(
                        text("refcode", org.primarypipeline.fundraising.FinanceReports.RefcodeTotal::refcode),
                        text("donations", org.primarypipeline.fundraising.FinanceReports.RefcodeTotal::donations),
                        money("grossCents", org.primarypipeline.fundraising.FinanceReports.RefcodeTotal::grossCents),
                        money("netCents", org.primarypipeline.fundraising.FinanceReports.RefcodeTotal::netCents)));
    }

    static FinanceTable giftChanges(
            List<org.primarypipeline.fundraising.FinanceReports.GiftChange> rows, Format format) {
        return of(
                rows,
                List.of(
                        text("donor", org.primarypipeline.fundraising.FinanceReports.GiftChange::donor),
                        text("change", org.primarypipeline.fundraising.FinanceReports.GiftChange::change),
                        money("fromCents", org.primarypipeline.fundraising.FinanceReports.GiftChange::oldCents),
                        money("toCents", org.primarypipeline.fundraising.FinanceReports.GiftChange::newCents),
                        instant("at", org.primarypipeline.fundraising.FinanceReports.GiftChange::at, format)));
    }

    static FinanceTable signOffs(List<SignOff> rows, Format format) {
        return of(
                rows,
                List.of(
                        text("from", SignOff::from),
                        text("to", SignOff::to),
                        text("signedBy", SignOff::signedBy),
                        instant("signedAt", SignOff::signedAt, format)));
    }

    private static <R> FinanceTable of(List<R> rows, List<Shown<R>> shown) {
        List<Line> lines = rows.stream()
                .map(row -> new Line(shown.stream()
                        .map(s -> new Cell(s.text().apply(row), s.column().num()))
                        .toList()))
                .toList();
        return new FinanceTable(shown.stream().map(Shown::column).toList(), lines, rows.isEmpty());
    }

    private static <R> Shown<R> text(String key, Function<R, Object> value) {
        return new Shown<>(new Column(heading(key), false), row -> {
            Object v = value.apply(row);
            return v == null ? "" : v.toString();
        });
    }

    private static <R> Shown<R> money(String key, Function<R, Long> cents) {
        return new Shown<>(new Column(heading(key), true), row -> {
            Long v = cents.apply(row);
            return v == null ? "" : Money.dollars(v);
        });
    }

    private static <R> Shown<R> instant(String key, Function<R, String> iso, Format format) {
        return new Shown<>(new Column(heading(key), false), row -> {
            String v = iso.apply(row);
            return v == null ? "" : when(v, format);
        });
    }

    static String when(String instant, Format format) {
        try {
            return format.when(Instant.parse(instant));
        } catch (DateTimeParseException notAnInstant) {
            return instant;
        }
    }

    /** "ledgerCents" reads "Ledger", "requestedInTime" "Requested in time". */
    static String heading(String column) {
        String c = column.endsWith("Cents") ? column.substring(0, column.length() - 5) : column;
        c = c.endsWith("Id") ? c.substring(0, c.length() - 2) + " id" : c;
        c = c.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(c.charAt(0)) + c.substring(1);
    }
}
