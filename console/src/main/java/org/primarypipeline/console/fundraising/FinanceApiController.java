package org.primarypipeline.console.fundraising;

import java.time.LocalDate;
import java.util.List;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.fundraising.ExcessDecisions;
import org.primarypipeline.fundraising.FinanceReports;
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
 * reports carry donors' names and addresses. Periods default to the month so far. The actions are
 * the same command classes the finance pages use.
 */
@RestController
@RequestMapping("/api/finance")
public class FinanceApiController {

    private final FinanceReports reports;
    private final FinancePeriods periods;
    private final FinanceCsv csv;
    private final SignOffFinance signOff;
    private final DecideExcess decideExcess;
    private final MergeDonors mergeDonors;
    private final RunReconcile runReconcile;
    private final ExportFec exportFec;
    private final Permissions permissions;

    public FinanceApiController(
            FinanceReports reports,
            FinancePeriods periods,
            FinanceCsv csv,
            SignOffFinance signOff,
            DecideExcess decideExcess,
            MergeDonors mergeDonors,
            RunReconcile runReconcile,
            ExportFec exportFec,
            Permissions permissions) {
        this.reports = reports;
        this.periods = periods;
        this.csv = csv;
        this.signOff = signOff;
        this.decideExcess = decideExcess;
        this.mergeDonors = mergeDonors;
        this.runReconcile = runReconcile;
        this.exportFec = exportFec;
        this.permissions = permissions;
    }

    public record Period(LocalDate from, LocalDate to) {}

    public record ExcessDecision(ExcessDecisions.Decision decision) {}

    public record Merge(long into) {}

    public record Done(String done) {}

    /** A fundraiser's report for a period, as the report page shows it. */
    public record Report(
            FinanceReports.Progress fundraiser,
            FinanceReports.Totals totals,
            List<FinanceReports.Day> daily,
            List<FinanceReports.ReconciliationException> exceptions,
            List<FinanceReports.OverLimitGift> limits,
            List<FinanceReports.BestEffortsRequest> bestEfforts,
            List<FinanceReports.SignOff> signOffs,
            List<FinanceReports.RefcodeTotal> byRefcode) {}

    @GetMapping("/fundraisers/{id}/report")
    Report report(
            @AuthenticationPrincipal StaffUser who,
            @PathVariable long id,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        permissions.require(who, Right.SIGN_OFF_FINANCE, "finance.report", "fundraiser " + id);
        FinancePeriods.Period p = periods.orMonthSoFar(from, to);
        FinanceReports.Progress progress =
                reports.progress(id).orElseThrow(() -> new IllegalArgumentException("no fundraiser " + id));
        return new Report(
                progress,
                reports.totals(id, p.from(), p.to()),
                reports.daily(id, p.from(), p.to()),
                reports.exceptions(id),
                reports.limitStatus(id),
                reports.bestEfforts(id),
                reports.signOffs(id),
                reports.byRefcode(id, p.from(), p.to()));
    }

    @GetMapping(value = "/fundraisers/{id}/report.csv", produces = "text/csv")
    ResponseEntity<String> reportCsv(
            @AuthenticationPrincipal StaffUser who,
            @PathVariable long id,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        permissions.require(who, Right.SIGN_OFF_FINANCE, "finance.report.csv", "fundraiser " + id);
        return FinanceController.download(csv.totals(id, periods.orMonthSoFar(from, to)));
    }

    @GetMapping(value = "/fundraisers/{id}/schedule-a.csv", produces = "text/csv")
    ResponseEntity<String> scheduleA(
            @AuthenticationPrincipal StaffUser who,
            @PathVariable long id,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        permissions.require(who, Right.SIGN_OFF_FINANCE, "finance.schedule-a", "fundraiser " + id);
        return FinanceController.download(csv.scheduleA(id, periods.orMonthSoFar(from, to)));
    }

    @GetMapping(value = "/fundraisers/{id}/report.fec", produces = "text/plain")
    ResponseEntity<String> fec(
            @AuthenticationPrincipal StaffUser who,
            @PathVariable long id,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        return FinanceController.fecDownload(exportFec.perform(who, id, periods.orMonthSoFar(from, to)));
    }

    @PostMapping("/fundraisers/{id}/sign-off")
    FinanceReports.Totals signOff(
            @AuthenticationPrincipal StaffUser who, @PathVariable long id, @RequestBody Period period) {
        try {
            return signOff.perform(who, Long.toString(id), text(period.from()), text(period.to()));
        } catch (FinanceRefusal.UnreadablePeriod e) {
            throw new IllegalArgumentException("give the period as {\"from\": \"2026-05-01\", \"to\": \"2026-05-31\"}");
        }
    }

    @PostMapping("/donations/{id}/excess")
    Done decideExcess(@AuthenticationPrincipal StaffUser who, @PathVariable long id, @RequestBody ExcessDecision body) {
        return new Done(decideExcess.perform(who, id, body.decision()));
    }

    @PostMapping("/donors/{id}/merge")
    MergeDonors.Merged merge(@AuthenticationPrincipal StaffUser who, @PathVariable long id, @RequestBody Merge body) {
        return mergeDonors.perform(who, id, body.into());
    }

    @PostMapping("/reconcile")
    RunReconcile.Run reconcile(@AuthenticationPrincipal StaffUser who) throws Exception {
        return runReconcile.perform(who);
    }

    private static String text(LocalDate day) {
        return day == null ? null : day.toString();
    }
}
