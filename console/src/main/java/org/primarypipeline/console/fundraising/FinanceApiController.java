package org.primarypipeline.console.fundraising;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.primarypipeline.activities.fundraiser.DonationLedger;
import org.primarypipeline.activities.fundraiser.Donors;
import org.primarypipeline.activities.fundraiser.ExcessDecisions;
import org.primarypipeline.activities.fundraiser.FinanceReports;
import org.primarypipeline.batch.reconcile.ReconcileJobConfiguration;
import org.primarypipeline.console.audit.AuditEntry;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.staff.Permissions;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The finance volunteers' API: reports (JSON and CSV), the period sign-off, staff decisions on
 * over-limit gifts, donor merges, and a reconcile run. Every action needs the sign-off right: the
 * reports carry donors' names and addresses. Periods default to the month so far.
 */
@RestController
@RequestMapping("/api/finance")
public class FinanceApiController {

    private final FinanceReports reports;
    private final ExcessDecisions excess;
    private final Donors donors;
    private final DonationLedger ledger;
    private final Permissions permissions;
    private final JobLauncher launcher;
    private final Job reconcile;
    private final Clock clock;
    private final AuditLog audit;

    public FinanceApiController(FinanceReports reports, ExcessDecisions excess, Donors donors, DonationLedger ledger,
                                Permissions permissions,
                                JobLauncher launcher, @Qualifier("reconcileJob") Job reconcile, Clock clock,
                                AuditLog audit) {
        this.reports = reports;
        this.excess = excess;
        this.donors = donors;
        this.ledger = ledger;
        this.permissions = permissions;
        this.launcher = launcher;
        this.reconcile = reconcile;
        this.clock = clock;
        this.audit = audit;
    }

    public record Period(LocalDate from, LocalDate to) {
    }

    public record ExcessDecision(ExcessDecisions.Decision decision) {
    }

    public record Merge(long into) {
    }

    @GetMapping("/fundraisers/{id}/report")
    Map<String, Object> report(@AuthenticationPrincipal StaffUser who, @PathVariable long id,
                               @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        permissions.require(who, Right.SIGN_OFF_FINANCE, "finance.report", "fundraiser " + id);
        Period p = period(from, to);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fundraiser", reports.progress(id).orElseThrow(() -> new IllegalArgumentException("no fundraiser " + id)));
        out.put("totals", reports.totals(id, p.from(), p.to()));
        out.put("daily", reports.daily(id, p.from(), p.to()));
        out.put("exceptions", reports.exceptions(id));
        out.put("limits", reports.limitStatus(id));
        out.put("bestEfforts", reports.bestEfforts(id));
        out.put("signOffs", reports.signOffs(id));
        return out;
    }

    @GetMapping(value = "/fundraisers/{id}/report.csv", produces = "text/csv")
    ResponseEntity<String> reportCsv(@AuthenticationPrincipal StaffUser who, @PathVariable long id,
                                     @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        permissions.require(who, Right.SIGN_OFF_FINANCE, "finance.report.csv", "fundraiser " + id);
        Period p = period(from, to);
        return csv("fundraiser-" + id + "-" + p.from() + "-" + p.to() + ".csv", reports.totalsCsv(id, p.from(), p.to()));
    }

    @GetMapping(value = "/fundraisers/{id}/schedule-a.csv", produces = "text/csv")
    ResponseEntity<String> scheduleA(@AuthenticationPrincipal StaffUser who, @PathVariable long id,
                                     @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        permissions.require(who, Right.SIGN_OFF_FINANCE, "finance.schedule-a", "fundraiser " + id);
        Period p = period(from, to);
        return csv("schedule-a-" + id + "-" + p.from() + "-" + p.to() + ".csv", reports.scheduleA(id, p.from(), p.to()));
    }

    @PostMapping("/fundraisers/{id}/sign-off")
    FinanceReports.Totals signOff(@AuthenticationPrincipal StaffUser who, @PathVariable long id, @RequestBody Period period) {
        permissions.require(who, Right.SIGN_OFF_FINANCE, "finance.sign-off", "fundraiser " + id);
        if (period.from() == null || period.to() == null) {
            throw new IllegalArgumentException("give the period as {\"from\": \"2026-05-01\", \"to\": \"2026-05-31\"}");
        }
        FinanceReports.Totals signed = reports.signOff(id, period.from(), period.to(), who.getUsername());
        audit.record(who.getUsername(), who.role().label(), "finance.sign-off", "fundraiser " + id, AuditEntry.Outcome.DONE,
                period.from() + " to " + period.to() + " frozen", null, Map.of("from", period.from().toString(),
                        "to", period.to().toString(), "netCents", signed.netCents(), "donations", signed.donations()));
        return signed;
    }

    @PostMapping("/donations/{id}/excess")
    Map<String, String> decideExcess(@AuthenticationPrincipal StaffUser who, @PathVariable long id, @RequestBody ExcessDecision body) {
        permissions.require(who, Right.SIGN_OFF_FINANCE, "finance.excess", "donation " + id);
        if (body.decision() == null) {
            throw new IllegalArgumentException("decision must be REFUND or REDESIGNATE");
        }
        String done = excess.decide(id, body.decision(), who.getUsername());
        audit.record(who.getUsername(), who.role().label(), "finance.excess", "donation " + id, AuditEntry.Outcome.DONE,
                body.decision() + ": " + done, null, null);
        return Map.of("done", done);
    }

    @PostMapping("/donors/{id}/merge")
    Map<String, Object> merge(@AuthenticationPrincipal StaffUser who, @PathVariable long id, @RequestBody Merge body) {
        permissions.require(who, Right.SIGN_OFF_FINANCE, "finance.merge-donors", "donor " + id);
        donors.merge(id, body.into(), who.getUsername());
        int flagged = ledger.recheckLimits(body.into());
        audit.record(who.getUsername(), who.role().label(), "finance.merge-donors", "donor " + id, AuditEntry.Outcome.DONE,
                "merged into donor " + body.into() + "; " + flagged + " gifts newly over the limit", null, null);
        return Map.of("merged", id, "into", donors.rootOf(body.into()), "newlyOverLimit", flagged);
    }

    @PostMapping("/reconcile")
    Map<String, Object> reconcile(@AuthenticationPrincipal StaffUser who) throws Exception {
        permissions.require(who, Right.SIGN_OFF_FINANCE, "finance.reconcile", "");
        JobExecution execution = launcher.run(reconcile, new JobParametersBuilder()
                .addString(ReconcileJobConfiguration.RUN, clock.instant().toString()).toJobParameters());
        return Map.of("status", execution.getStatus().name(), "exit", execution.getExitStatus().getExitDescription());
    }

    private Period period(LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate start = from != null ? from : today.withDayOfMonth(1);
        LocalDate end = to != null ? to : today;
        if (end.isBefore(start) || start.plusYears(3).isBefore(end)) {
            throw new IllegalArgumentException("a period runs forwards and at most three years");
        }
        return new Period(start, end);
    }

    private static ResponseEntity<String> csv(String filename, String body) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"").body(body);
    }
}
