package org.primarypipeline.console.fundraising;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primarypipeline.campaigns.Attribution;
import org.primarypipeline.campaigns.CandidatePageData;
import org.primarypipeline.campaigns.Refcodes;
import org.primarypipeline.console.campaigns.RefcodeCookies;
import org.primarypipeline.console.fundraising.FundraiserPageModels.BestEfforts;
import org.primarypipeline.console.web.PublicPage;
import org.primarypipeline.console.web.PublicPageView;
import org.primarypipeline.fundraising.ContributionForm;
import org.primarypipeline.fundraising.DonationCheckout;
import org.primarypipeline.fundraising.DonationLedger;
import org.primarypipeline.fundraising.FinanceReports;
import org.primarypipeline.fundraising.FundraisingSettings;
import org.primarypipeline.fundraising.StripeGateway;
import org.primarypipeline.platform.PublicDoor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The public side of a fundraiser: its page with progress toward the goal, the donation form that
 * collects what federal law asks before Stripe Checkout takes the payment, the thank-you page, and the
 * page where a donor supplies a missing employer and occupation. These are open pages
 * ({@link PublicPageView#open}): the donation form hands the donor on to Stripe.
 */
@PublicDoor
@Controller
public class FundraiserPagesController {

    private final FinanceReports reports;
    private final DonationCheckout checkout;
    private final DonationLedger ledger;
    private final FundraisingSettings settings;
    private final CandidatePageData candidates;
    private final Attribution attribution;

    public FundraiserPagesController(
            FinanceReports reports,
            DonationCheckout checkout,
            DonationLedger ledger,
            FundraisingSettings settings,
            CandidatePageData candidates,
            Attribution attribution) {
        this.reports = reports;
        this.checkout = checkout;
        this.ledger = ledger;
        this.settings = settings;
        this.candidates = candidates;
        this.attribution = attribution;
    }

    /** The fundraiser's page is now the candidate page: a permanent redirect keeps old links working. */
    @GetMapping(value = "/fundraisers/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(@PathVariable long id, @RequestParam(name = "r", required = false) String code) {
        Optional<String> cycle = candidates.cycleOfFundraiser(id);
        if (cycle.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "note", FundraiserPages.notFound());
        }
        RedirectView moved = new RedirectView("/c/" + cycle.get() + (Refcodes.wellFormed(code) ? "?r=" + code : ""));
        moved.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        return new ModelAndView(moved);
    }

    @GetMapping(value = "/fundraisers/{id}/donate", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView form(@PathVariable long id) {
        Optional<FinanceReports.Progress> found = reports.progress(id);
        if (found.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "note", FundraiserPages.notFound());
        }
        return donatePage(HttpStatus.OK, found.get(), Map.of(), List.of(), List.of());
    }

    @PostMapping(value = "/fundraisers/{id}/donate", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView donate(@PathVariable long id, @RequestParam Map<String, String> f, HttpServletRequest request) {
        Optional<FinanceReports.Progress> found = reports.progress(id);
        if (found.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "note", FundraiserPages.notFound());
        }
        ContributionForm form = new ContributionForm(
                id,
                amountCents(f),
                "on".equals(f.get("monthly")),
                f.get("election"),
                f.get("fullName"),
                f.get("email"),
                f.get("addressLine1"),
                f.get("addressLine2"),
                f.get("city"),
                f.get("state"),
                f.get("zip"),
                f.get("employer"),
                f.get("occupation"),
                "on".equals(f.get("ownFunds")),
                "on".equals(f.get("citizen")),
                "on".equals(f.get("notContractor")),
                "on".equals(f.get("personalCard")),
                request.getRemoteAddr(),
                request.getHeader("User-Agent"));
        try {
            DonationCheckout.Outcome outcome = checkout.start(form);
            if (outcome instanceof DonationCheckout.ToPayment pay) {
                attribution.checkoutStarted(pay.intentId(), RefcodeCookies.touch(request));
                return PublicPageView.seeOther(pay.checkoutUrl());
            }
            return donatePage(
                    HttpStatus.BAD_REQUEST,
                    found.get(),
                    f,
                    ((DonationCheckout.Refused) outcome).problems(),
                    form.fieldProblems(settings.limitPerElectionCents()));
        } catch (StripeGateway.StripeUnavailableException e) {
            return donatePage(
                    HttpStatus.BAD_GATEWAY,
                    found.get(),
                    f,
                    List.of("our payment processor did not answer; nothing was charged. Please try again in a minute."),
                    List.of());
        }
    }

    @GetMapping(value = "/fundraisers/{id}/thanks", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView thanks(@PathVariable long id) {
        return page(HttpStatus.OK, "note", FundraiserPages.thanks(id));
    }

    @GetMapping(value = "/fundraisers/best-efforts/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView bestEffortsForm(@PathVariable String token) {
        DonationLedger.BestEffortsAnswer link = ledger.bestEffortsLink(token);
        return link == DonationLedger.BestEffortsAnswer.INCOMPLETE
                ? page(HttpStatus.OK, "best-efforts", new BestEfforts())
                : bestEffortsNote(link);
    }

    @PostMapping(value = "/fundraisers/best-efforts/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView bestEffortsAnswer(
            @PathVariable String token,
            @RequestParam(required = false) String employer,
            @RequestParam(required = false) String occupation) {
        return bestEffortsNote(ledger.answerBestEfforts(token, employer, occupation));
    }

    /** Used and expired links are gone for good (410); an unknown link or an empty field is a bad request. */
    private static ModelAndView bestEffortsNote(DonationLedger.BestEffortsAnswer answer) {
        return switch (answer) {
            case RECORDED -> page(HttpStatus.OK, "note", FundraiserPages.recorded());
            case USED -> page(HttpStatus.GONE, "note", FundraiserPages.alreadyAnswered());
            case EXPIRED -> page(HttpStatus.GONE, "note", FundraiserPages.answerExpired());
            case UNKNOWN, INCOMPLETE -> page(HttpStatus.BAD_REQUEST, "note", FundraiserPages.notRecorded());
        };
    }

    /** A preset in cents, or the custom amount in dollars ("25", "25.50", "$1,000"); 0 when unreadable. */
    static long amountCents(Map<String, String> f) {
        String amount = f.getOrDefault("amount", "");
        if (!"custom".equals(amount)) {
            for (long preset : FundraiserPages.PRESETS) {
                if (amount.equals(Long.toString(preset))) {
                    return preset;
                }
            }
            return 0;
        }
        String custom = f.getOrDefault("customAmount", "").replaceAll("[$,\\s]", "");
        if (!custom.matches("[0-9]{1,7}(\\.[0-9]{1,2})?")) {
            return 0;
        }
        return new BigDecimal(custom).movePointRight(2).longValueExact();
    }

    private ModelAndView donatePage(
            HttpStatus status,
            FinanceReports.Progress p,
            Map<String, String> typed,
            List<String> problems,
            List<ContributionForm.Problem> byField) {
        return page(
                status,
                "donate",
                FundraiserPages.donate(p, typed, problems, byField, settings.limitPerElectionCents()));
    }

    private static ModelAndView page(HttpStatus status, String template, PublicPage model) {
        return PublicPageView.open(status, "fundraising/" + template, model);
    }
}
