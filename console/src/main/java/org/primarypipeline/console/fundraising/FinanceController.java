package org.primarypipeline.console.fundraising;

import org.primarypipeline.console.web.ConsolePage;
import org.primarypipeline.console.web.DataBlock;
import org.primarypipeline.console.web.Flash;
import org.primarypipeline.console.web.Format;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primarypipeline.activities.fundraiser.FinanceReports;
import org.primarypipeline.activities.fundraiser.Money;
import org.primarypipeline.console.audit.AuditEntry;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.staff.Permissions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The finance volunteers' pages: every fundraiser with what it raised, its latest reconciliation and
 * how far it is signed off; and one fundraiser's report for a period (UTC days, the month so far
 * unless asked), with the CSV downloads and the sign-off of a period that has ended. Reports carry
 * donors' names and addresses, so every page needs the sign-off right, as the finance API does.
 */
@Controller
public class FinanceController implements ConsolePage {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.US);

    private final FinanceReports reports;
    private final Permissions permissions;
    private final Format format;
    private final Clock clock;
    private final AuditLog audit;

    public FinanceController(FinanceReports reports, Permissions permissions, Format format, Clock clock, AuditLog audit) {
        this.reports = reports;
        this.permissions = permissions;
        this.format = format;
        this.clock = clock;
        this.audit = audit;
    }

    @GetMapping("/finance")
    String list(@AuthenticationPrincipal StaffUser user, Model model) {
        permissions.require(user, Right.SIGN_OFF_FINANCE, "page.finance", "");
        // the month so far cannot be signed off until it ends, so the list follows the last full month
        YearMonth month = YearMonth.from(today()).minusMonths(1);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FinanceReports.Listed f : reports.fundraisers(month.atDay(1), month.atEndOfMonth())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", f.fundraiserId());
            row.put("href", "/finance/fundraisers/" + f.fundraiserId());
            row.put("title", f.title() == null ? "Fundraiser #" + f.fundraiserId() : f.title());
            row.put("candidate", f.candidate());
            row.put("district", f.districtId());
            row.put("status", f.status().toLowerCase(Locale.ROOT));
            row.put("raised", Money.dollars(f.raisedCents()));
            row.put("reconciled", f.reconciledAt() == null ? "never" : format.when(f.reconciledAt()));
            row.put("exceptions", f.exceptions());
            row.put("hasExceptions", f.exceptions() > 0);
            row.put("signedThrough", f.signedThrough() == null ? "nothing yet" : f.signedThrough().toString());
            int days = f.daysSignedInMonth();
            row.put("monthSigned", days >= month.lengthOfMonth() ? "signed off" : days == 0 ? "not yet" : "partly (" + days + " days)");
            row.put("monthDone", days >= month.lengthOfMonth());
            rows.add(row);
        }
        model.addAttribute("title", "Finance");
        model.addAttribute("month", month.format(MONTH));
        model.addAttribute("rows", rows);
        return "finance";
    }

    @GetMapping("/finance/fundraisers/{id}")
    String report(@PathVariable String id, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @AuthenticationPrincipal StaffUser user, Model model, HttpServletResponse response) {
        permissions.require(user, Right.SIGN_OFF_FINANCE, "page.finance", "fundraiser " + id);
        Long fundraiser = number(id);
        FinanceReports.Progress progress = fundraiser == null ? null : reports.progress(fundraiser).orElse(null);
        if (progress == null) {
            return error(response, model, HttpServletResponse.SC_NOT_FOUND, "Not found", "There is no fundraiser " + id + ".");
        }
        LocalDate today = today();
        LocalDate start;
        LocalDate end;
        try {
            start = blank(from) ? today.withDayOfMonth(1) : LocalDate.parse(from.trim());
            end = blank(to) ? today : LocalDate.parse(to.trim());
        } catch (DateTimeParseException e) {
            return error(response, model, HttpServletResponse.SC_BAD_REQUEST, "Bad period",
                    "Give the period's days as YYYY-MM-DD, e.g. " + today.withDayOfMonth(1) + " to " + today + ".");
        }
        if (end.isBefore(start) || start.plusYears(3).isBefore(end)) {
            return error(response, model, HttpServletResponse.SC_BAD_REQUEST, "Bad period",
                    "A period runs forwards and at most three years; " + start + " to " + end + " does not.");
        }
        FinanceReports.Totals t = reports.totals(fundraiser, start, end);
        List<FinanceReports.Day> days = reports.daily(fundraiser, start, end);
        String title = progress.title() == null ? "Fundraiser #" + fundraiser : progress.title();
        String query = "?from=" + start + "&to=" + end;
        model.addAttribute("title", "Finance: " + title);
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("id", fundraiser);
        about.put("title", title);
        about.put("status", progress.status().toLowerCase(Locale.ROOT));
        about.put("committee", progress.committeeName());
        about.put("raised", Money.dollars(progress.raisedCents()));
        about.put("goal", Money.dollars(progress.goalCents()));
        about.put("donors", progress.donors());
        model.addAttribute("fundraiser", about);
        model.addAttribute("from", start.toString());
        model.addAttribute("to", end.toString());
        model.addAttribute("signedBy", t.signedOffBy());
        model.addAttribute("signedAt", t.signedOffAt() == null ? null : when(t.signedOffAt()));
        model.addAttribute("totals", List.of(
                money("Gross", t.grossCents()), money("Refunds", t.refundCents()), money("Disputes", t.disputeCents()),
                money("Stripe fees", t.feeCents()), money("Net", t.netCents()),
                money("Adjustments of signed periods", t.adjustmentCents()),
                Map.of("label", "Donations", "value", Integer.toString(t.donations()))));
        model.addAttribute("days", days.stream().map(d -> Map.of("day", d.day().toString(), "gross", Money.dollars(d.grossCents()),
                "refunds", Money.dollars(d.refundCents()), "disputes", Money.dollars(d.disputeCents()))).toList());
        model.addAttribute("chartJson", DataBlock.json(dailyChart(days)));
        model.addAttribute("csvHref", "/finance/fundraisers/" + fundraiser + "/report.csv" + query);
        model.addAttribute("scheduleAHref", "/finance/fundraisers/" + fundraiser + "/schedule-a.csv" + query);
        model.addAttribute("exceptions", table(reports.exceptions(fundraiser),
                List.of("kind", "chargeId", "payoutId", "ledgerCents", "stripeCents", "action")));
        model.addAttribute("limits", table(reports.limitStatus(fundraiser),
                List.of("donationId", "donor", "election", "amountCents", "excessCents", "status", "todo")));
        model.addAttribute("bestEfforts", table(reports.bestEfforts(fundraiser),
                List.of("donor", "requestedAt", "dueBy", "requestedInTime", "answeredAt")));
        model.addAttribute("signOffs", table(reports.signOffs(fundraiser), List.of("from", "to", "signedBy", "signedAt")));
        boolean ended = end.isBefore(today);
        model.addAttribute("canSignOff", t.signedOffBy() == null && ended);
        model.addAttribute("notEnded", t.signedOffBy() == null && !ended);
        model.addAttribute("signOffHref", "/finance/fundraisers/" + fundraiser + "/sign-off");
        return "finance-report";
    }

    /** The period's totals and days as CSV, for the signed-in volunteer (the API's twin needs HTTP Basic). */
    @GetMapping(value = "/finance/fundraisers/{id}/report.csv", produces = "text/csv")
    ResponseEntity<String> reportCsv(@PathVariable long id, @RequestParam String from, @RequestParam String to,
                                     @AuthenticationPrincipal StaffUser user) {
        permissions.require(user, Right.SIGN_OFF_FINANCE, "finance.report.csv", "fundraiser " + id);
        LocalDate[] p = csvPeriod(id, from, to);
        return csv("fundraiser-" + id + "-" + p[0] + "-" + p[1] + ".csv", reports.totalsCsv(id, p[0], p[1]));
    }

    /** The itemized receipts of the period, Schedule A style. */
    @GetMapping(value = "/finance/fundraisers/{id}/schedule-a.csv", produces = "text/csv")
    ResponseEntity<String> scheduleA(@PathVariable long id, @RequestParam String from, @RequestParam String to,
                                     @AuthenticationPrincipal StaffUser user) {
        permissions.require(user, Right.SIGN_OFF_FINANCE, "finance.schedule-a", "fundraiser " + id);
        LocalDate[] p = csvPeriod(id, from, to);
        return csv("schedule-a-" + id + "-" + p[0] + "-" + p[1] + ".csv", reports.scheduleA(id, p[0], p[1]));
    }

    private LocalDate[] csvPeriod(long id, String from, String to) {
        if (reports.progress(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no fundraiser " + id);
        }
        try {
            LocalDate start = LocalDate.parse(from.trim());
            LocalDate end = LocalDate.parse(to.trim());
            if (!end.isBefore(start) && !start.plusYears(3).isBefore(end)) {
                return new LocalDate[] {start, end};
            }
        } catch (DateTimeParseException unreadable) {
            // answered below with the rule
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "a period is two days as YYYY-MM-DD, forwards, at most three years");
    }

    private static ResponseEntity<String> csv(String filename, String body) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"").body(body);
    }

    /** Signs off the period shown: its totals are frozen as they are now (the same rule as the API's sign-off). */
    @PostMapping("/finance/fundraisers/{id}/sign-off")
    String signOff(@PathVariable String id, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes flash, HttpServletResponse response) {
        permissions.require(user, Right.SIGN_OFF_FINANCE, "finance.sign-off", "fundraiser " + id);
        Long fundraiser = number(id);
        if (fundraiser == null || reports.progress(fundraiser).isEmpty()) {
            return error(response, model, HttpServletResponse.SC_NOT_FOUND, "Not found", "There is no fundraiser " + id + ".");
        }
        LocalDate start;
        LocalDate end;
        try {
            start = LocalDate.parse(from == null ? "" : from.trim());
            end = LocalDate.parse(to == null ? "" : to.trim());
        } catch (DateTimeParseException e) {
            return error(response, model, HttpServletResponse.SC_BAD_REQUEST, "Bad period",
                    "A sign-off needs the period's first and last days as YYYY-MM-DD.");
        }
        String back = UriComponentsBuilder.fromPath("/finance/fundraisers/{id}").queryParam("from", start).queryParam("to", end)
                .buildAndExpand(fundraiser).toUriString();
        try {
            FinanceReports.Totals signed = reports.signOff(fundraiser, start, end, user.getUsername());
            audit.record(user.getUsername(), user.role().label(), "finance.sign-off", "fundraiser " + fundraiser,
                    AuditEntry.Outcome.DONE, start + " to " + end + " frozen", null,
                    Map.of("from", start.toString(), "to", end.toString(), "netCents", signed.netCents(),
                            "donations", signed.donations()));
            flash.addFlashAttribute("flash", Flash.done("Signed off " + start + " to " + end + ": net "
                    + Money.dollars(signed.netCents()) + " from " + signed.donations() + " donations."));
        } catch (IllegalArgumentException | IllegalStateException refused) {
            audit.record(user.getUsername(), user.role().label(), "finance.sign-off", "fundraiser " + fundraiser,
                    AuditEntry.Outcome.REFUSED, start + " to " + end + ": " + refused.getMessage(), null, null);
            flash.addFlashAttribute("flash", Flash.refused("Not signed off: " + refused.getMessage()));
        }
        return "redirect:" + back;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Long number(String id) {
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String error(HttpServletResponse response, Model model, int status, String error, String message) {
        response.setStatus(status);
        model.addAttribute("title", error);
        model.addAttribute("status", status);
        model.addAttribute("error", error);
        model.addAttribute("message", message);
        return "error";
    }

    private static Map<String, Object> money(String label, long cents) {
        return Map.of("label", label, "value", Money.dollars(cents), "negative", cents < 0);
    }

    /** Gross up, refunds and disputes down, in dollars per day, for app.js to draw. */
    private static Map<String, Object> dailyChart(List<FinanceReports.Day> days) {
        List<String> labels = new ArrayList<>();
        List<Double> gross = new ArrayList<>();
        List<Double> out = new ArrayList<>();
        for (FinanceReports.Day d : days) {
            labels.add(d.day().toString());
            gross.add(d.grossCents() / 100.0);
            out.add((d.refundCents() + d.disputeCents()) / 100.0);
        }
        return Map.of("labels", labels, "gross", gross, "refunds", out);
    }

    /** A report's rows as header and cells, amounts in dollars, instants in the console's zone. */
    private Map<String, Object> table(List<Map<String, Object>> rows, List<String> columns) {
        List<Map<String, Object>> cells = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            List<Map<String, Object>> line = new ArrayList<>();
            for (String c : columns) {
                Object v = row.get(c);
                boolean amount = c.endsWith("Cents");
                String text = v == null ? "" : amount && v instanceof Number n ? Money.dollars(n.longValue())
                        : c.endsWith("At") || c.equals("dueBy") ? when(v.toString()) : v instanceof Boolean b ? (b ? "yes" : "no")
                        : v.toString();
                line.add(Map.of("text", text, "num", amount));
            }
            cells.add(Map.of("cells", line));
        }
        List<Map<String, Object>> head = columns.stream()
                .map(c -> Map.<String, Object>of("label", heading(c), "num", c.endsWith("Cents"))).toList();
        return Map.of("columns", head, "rows", cells, "empty", rows.isEmpty());
    }

    private String when(String instant) {
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
