package org.primarypipeline.console.fundraising;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.web.ConsolePage;
import org.primarypipeline.console.web.ErrorPage;
import org.primarypipeline.console.web.Flash;
import org.primarypipeline.console.web.PageViewResolver;
import org.primarypipeline.core.money.Money;
import org.primarypipeline.fundraising.FinanceReports;
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

    private final FinancePages pages;
    private final FinanceCsv csv;
    private final FinancePeriods periods;
    private final SignOffFinance signOff;
    private final Permissions permissions;
    private final ExportFec exportFec;

    public FinanceController(
            FinancePages pages,
            FinanceCsv csv,
            FinancePeriods periods,
            SignOffFinance signOff,
            Permissions permissions,
            ExportFec exportFec) {
        this.pages = pages;
        this.csv = csv;
        this.periods = periods;
        this.signOff = signOff;
        this.permissions = permissions;
        this.exportFec = exportFec;
    }

    @GetMapping("/finance")
    String list(@AuthenticationPrincipal StaffUser user, Model model) {
        permissions.require(user, Right.SIGN_OFF_FINANCE, "page.finance", "");
        return PageViewResolver.show(model, pages.list(), "finance");
    }

    @GetMapping("/finance/fundraisers/{id}")
    String report(
            @PathVariable String id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @AuthenticationPrincipal StaffUser user,
            Model model,
            HttpServletResponse response) {
        permissions.require(user, Right.SIGN_OFF_FINANCE, "page.finance", "fundraiser " + id);
        try {
            return PageViewResolver.show(model, pages.report(id, from, to), "finance-report");
        } catch (FinanceRefusal.NoSuchFundraiser e) {
            return notFound(id).show(response, model);
        } catch (FinancePages.BadPeriod e) {
            // the month so far, with the sentence beside the period's fields
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("periodProblem", e.getMessage());
            return PageViewResolver.show(model, pages.report(id, null, null), "finance-report");
        }
    }

    /** The period's totals and days as CSV, for the signed-in volunteer (the API's twin needs HTTP Basic). */
    @GetMapping(value = "/finance/fundraisers/{id}/report.csv", produces = "text/csv")
    ResponseEntity<String> reportCsv(
            @PathVariable long id,
            @RequestParam String from,
            @RequestParam String to,
            @AuthenticationPrincipal StaffUser user) {
        permissions.require(user, Right.SIGN_OFF_FINANCE, "finance.report.csv", "fundraiser " + id);
        return download(csv.totals(id, period(id, from, to)));
    }

    /** The itemized receipts of the period, Schedule A style. */
    @GetMapping(value = "/finance/fundraisers/{id}/schedule-a.csv", produces = "text/csv")
    ResponseEntity<String> scheduleA(
            @PathVariable long id,
            @RequestParam String from,
            @RequestParam String to,
            @AuthenticationPrincipal StaffUser user) {
        permissions.require(user, Right.SIGN_OFF_FINANCE, "finance.schedule-a", "fundraiser " + id);
        return download(csv.scheduleA(id, period(id, from, to)));
    }

    /** The period as an FEC electronic filing (see {@link ExportFec}). */
    @GetMapping(value = "/finance/fundraisers/{id}/report.fec", produces = "text/plain")
    ResponseEntity<String> fec(
            @PathVariable long id,
            @RequestParam String from,
            @RequestParam String to,
            @AuthenticationPrincipal StaffUser user) {
        // refused before the period is read, so a role without the right learns nothing of the fundraiser
        permissions.require(user, Right.SIGN_OFF_FINANCE, "finance.export-fec", "fundraiser " + id);
        return fecDownload(exportFec.perform(user, id, period(id, from, to)));
    }

    static ResponseEntity<String> fecDownload(FinanceCsv.File file) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "plain", StandardCharsets.US_ASCII))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.name() + "\"")
                .body(file.body());
    }

    private FinancePeriods.Period period(long id, String from, String to) {
        try {
            return periods.given(id, from, to);
        } catch (FinanceRefusal.NoSuchFundraiser e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        } catch (FinanceRefusal e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    static ResponseEntity<String> download(FinanceCsv.File file) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.name() + "\"")
                .body(file.body());
    }

    /** Signs off the period shown: its totals are frozen as they are now (see {@link SignOffFinance}). */
    @PostMapping("/finance/fundraisers/{id}/sign-off")
    String signOff(
            @PathVariable String id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @AuthenticationPrincipal StaffUser user,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        try {
            FinanceReports.Totals signed = signOff.perform(user, id, from, to);
            flash.addFlashAttribute(
                    "flash",
                    Flash.done("Signed off " + signed.from() + " to " + signed.to() + ": net "
                            + Money.dollars(signed.netCents()) + " from " + signed.donations() + " donations."));
        } catch (FinanceRefusal.NoSuchFundraiser e) {
            return notFound(id).show(response, model);
        } catch (FinanceRefusal.UnreadablePeriod e) {
            return ErrorPage.of(
                            HttpServletResponse.SC_BAD_REQUEST,
                            "Bad period",
                            "A sign-off needs the period's first and last days as YYYY-MM-DD.")
                    .show(response, model);
        } catch (IllegalArgumentException | IllegalStateException refused) {
            flash.addFlashAttribute("flash", Flash.refused("Not signed off: " + refused.getMessage()));
        }
        return "redirect:"
                + UriComponentsBuilder.fromPath("/finance/fundraisers/{id}")
                        .queryParam("from", from.trim())
                        .queryParam("to", to.trim())
                        .buildAndExpand(Long.parseLong(id.trim()))
                        .toUriString();
    }

    private static ErrorPage notFound(String id) {
        return ErrorPage.of(HttpServletResponse.SC_NOT_FOUND, "Not found", "There is no fundraiser " + id + ".");
    }
}
