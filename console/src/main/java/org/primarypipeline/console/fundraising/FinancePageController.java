package org.primarypipeline.console.fundraising;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.primarypipeline.activities.fundraiser.FinanceReports;
import org.primarypipeline.activities.fundraiser.Money;
import org.primarypipeline.console.security.Right;
import org.primarypipeline.console.security.StaffUser;
import org.primarypipeline.console.staff.Permissions;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The finance report of one fundraiser in the console: totals, a chart of daily totals, exceptions, limits, best efforts. */
@RestController
public class FinancePageController {

    private final FinanceReports reports;
    private final Permissions permissions;
    private final Clock clock;

    public FinancePageController(FinanceReports reports, Permissions permissions, Clock clock) {
        this.reports = reports;
        this.permissions = permissions;
        this.clock = clock;
    }

    @GetMapping(value = "/finance/fundraisers/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@AuthenticationPrincipal StaffUser who, @PathVariable long id,
                                @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        permissions.require(who, Right.SIGN_OFF_FINANCE, "page.finance", "fundraiser " + id);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate start = from != null ? from : today.withDayOfMonth(1);
        LocalDate end = to != null ? to : today;
        var progress = reports.progress(id);
        if (progress.isEmpty() || end.isBefore(start) || start.plusYears(3).isBefore(end)) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_HTML).body("<!DOCTYPE html><p>No such fundraiser or period.</p>");
        }
        FinanceReports.Totals t = reports.totals(id, start, end);
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Finance: ")
                .append(Html.esc(progress.get().title())).append("</title></head><body>");
        b.append("<h1>").append(Html.esc(progress.get().title())).append("</h1><p>").append(start).append(" to ").append(end);
        b.append(t.signedOffBy() == null ? " (open)" : " (signed off by " + Html.esc(t.signedOffBy()) + " at " + Html.esc(t.signedOffAt()) + ")");
        b.append("</p><table><tr><th>gross</th><th>refunds</th><th>disputes</th><th>fees</th><th>net</th><th>adjustments of signed periods</th><th>donations</th></tr><tr>");
        for (long cents : new long[] {t.grossCents(), t.refundCents(), t.disputeCents(), t.feeCents(), t.netCents(), t.adjustmentCents()}) {
            b.append("<td>").append(Money.dollars(cents)).append("</td>");
        }
        b.append("<td>").append(t.donations()).append("</td></tr></table>");
        b.append("<h2>Daily totals</h2>").append(Html.dailyChart(reports.daily(id, start, end)));
        String q = "?from=" + start + "&amp;to=" + end;
        b.append("<p><a href=\"/api/finance/fundraisers/").append(id).append("/report.csv").append(q).append("\">Totals (CSV)</a> · ")
                .append("<a href=\"/api/finance/fundraisers/").append(id).append("/schedule-a.csv").append(q)
                .append("\">Itemized receipts, Schedule A (CSV)</a></p>");
        table(b, "Exceptions from the latest reconciliation", reports.exceptions(id),
                List.of("kind", "chargeId", "payoutId", "ledgerCents", "stripeCents", "action"));
        table(b, "Over the contribution limit", reports.limitStatus(id),
                List.of("donationId", "donor", "election", "amountCents", "excessCents", "status", "todo"));
        table(b, "Best-efforts requests", reports.bestEfforts(id),
                List.of("donor", "requestedAt", "dueBy", "requestedInTime", "answeredAt"));
        table(b, "Signed-off periods", reports.signOffs(id), List.of("from", "to", "signedBy", "signedAt"));
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(b.append("</body></html>").toString());
    }

    private static void table(StringBuilder b, String title, List<Map<String, Object>> rows, List<String> columns) {
        b.append("<h2>").append(Html.esc(title)).append("</h2>");
        if (rows.isEmpty()) {
            b.append("<p>None.</p>");
            return;
        }
        b.append("<table><tr>");
        columns.forEach(c -> b.append("<th>").append(Html.esc(c)).append("</th>"));
        b.append("</tr>");
        for (Map<String, Object> row : rows) {
            b.append("<tr>");
            for (String c : columns) {
                Object v = row.get(c);
                b.append("<td>").append(Html.esc(c.endsWith("Cents") && v instanceof Number n ? Money.dollars(n.longValue()) : v))
                        .append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</table>");
    }
}
