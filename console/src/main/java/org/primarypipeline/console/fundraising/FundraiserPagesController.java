package org.primarypipeline.console.fundraising;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.primarypipeline.fundraising.ContributionForm;
import org.primarypipeline.fundraising.DonationCheckout;
import org.primarypipeline.fundraising.DonationLedger;
import org.primarypipeline.fundraising.FinanceReports;
import org.primarypipeline.fundraising.FundraisingSettings;
import org.primarypipeline.fundraising.Money;
import org.primarypipeline.fundraising.StripeGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public side of a fundraiser: its page with progress toward the goal, the donation form that
 * collects what federal law asks before Stripe Checkout takes the payment, the thank-you page, and the
 * page where a donor supplies a missing employer and occupation.
 */
@RestController
public class FundraiserPagesController {

    static final long[] PRESETS = {2_500, 5_000, 10_000, 25_000, 50_000, 100_000};

    private final FinanceReports reports;
    private final DonationCheckout checkout;
    private final DonationLedger ledger;
    private final FundraisingSettings settings;

    public FundraiserPagesController(FinanceReports reports, DonationCheckout checkout, DonationLedger ledger,
                                     FundraisingSettings settings) {
        this.reports = reports;
        this.checkout = checkout;
        this.ledger = ledger;
        this.settings = settings;
    }

    @GetMapping(value = "/fundraisers/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable long id) {
        var found = reports.progress(id);
        if (found.isEmpty()) {
            return html(HttpStatus.NOT_FOUND, Html.page("Not found", "<p>There is no such fundraiser.</p>"));
        }
        FinanceReports.Progress p = found.get();
        long percent = p.goalCents() == 0 ? 0 : Math.min(100, Math.max(0, p.raisedCents() * 100 / p.goalCents()));
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(Html.esc(p.title())).append("</h1>");
        b.append("<p>").append(Html.esc(p.description())).append("</p>");
        b.append("<p><strong>").append(Money.dollars(p.raisedCents())).append("</strong> raised of ")
                .append(Money.dollars(p.goalCents())).append(" from ").append(p.donors()).append(p.donors() == 1 ? " donor" : " donors")
                .append("</p><div class=\"bar\" role=\"progressbar\" aria-valuenow=\"").append(percent)
                .append("\" aria-valuemin=\"0\" aria-valuemax=\"100\"><div style=\"width:").append(percent).append("%\"></div></div>");
        if (p.endsOn() != null) {
            b.append("<p>Until the general election on ").append(p.endsOn()).append(".</p>");
        }
        if (!"LAUNCHED".equals(p.status())) {
            b.append("<p><strong>This fundraiser has closed.</strong></p>");
        } else if (!"ON".equals(p.payments())) {
            b.append("<p><strong>Donations open soon:</strong> payments are off until our payment processor is connected.</p>");
        } else {
            b.append("<p><a href=\"/fundraisers/").append(id).append("/donate\">Donate</a></p>");
        }
        b.append(paidFor(p));
        return html(HttpStatus.OK, Html.page(p.title(), b.toString()));
    }

    @GetMapping(value = "/fundraisers/{id}/donate", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> form(@PathVariable long id) {
        var found = reports.progress(id);
        if (found.isEmpty()) {
            return html(HttpStatus.NOT_FOUND, Html.page("Not found", "<p>There is no such fundraiser.</p>"));
        }
        return html(HttpStatus.OK, formPage(found.get(), Map.of(), List.of()));
    }

    @PostMapping(value = "/fundraisers/{id}/donate", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> donate(@PathVariable long id, @RequestParam Map<String, String> f, HttpServletRequest request) {
        var found = reports.progress(id);
        if (found.isEmpty()) {
            return html(HttpStatus.NOT_FOUND, Html.page("Not found", "<p>There is no such fundraiser.</p>"));
        }
        long cents = amountCents(f);
        ContributionForm form = new ContributionForm(id, cents, "on".equals(f.get("monthly")), f.get("election"),
                f.get("fullName"), f.get("email"), f.get("addressLine1"), f.get("addressLine2"), f.get("city"),
                f.get("state"), f.get("zip"), f.get("employer"), f.get("occupation"), "on".equals(f.get("ownFunds")),
                "on".equals(f.get("citizen")), "on".equals(f.get("notContractor")), "on".equals(f.get("personalCard")),
                request.getRemoteAddr(), request.getHeader("User-Agent"));
        try {
            DonationCheckout.Outcome outcome = checkout.start(form);
            if (outcome instanceof DonationCheckout.ToPayment pay) {
                return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(pay.checkoutUrl())).build();
            }
            return html(HttpStatus.BAD_REQUEST, formPage(found.get(), f, ((DonationCheckout.Refused) outcome).problems()));
        } catch (StripeGateway.StripeUnavailableException e) {
            return html(HttpStatus.BAD_GATEWAY, formPage(found.get(), f,
                    List.of("our payment processor did not answer; nothing was charged. Please try again in a minute.")));
        }
    }

    @GetMapping(value = "/fundraisers/{id}/thanks", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> thanks(@PathVariable long id) {
        return html(HttpStatus.OK, Html.page("Thank you", "<h1>Thank you</h1><p>Your receipt is on its way by email.</p>"
                + "<p><a href=\"/fundraisers/" + id + "\">Back to the fundraiser</a></p>"));
    }

    @GetMapping(value = "/fundraisers/best-efforts/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> bestEffortsForm(@PathVariable String token) {
        return html(HttpStatus.OK, Html.page("Employer and occupation", """
                <h1>Your employer and occupation</h1>
                <p>Federal law requires us to use our best efforts to collect and report the name, mailing address,
                occupation and name of employer of individuals whose contributions exceed $200 in an election cycle.</p>
                <form method="post">
                <label>Employer (or "self-employed", "retired", "not employed") <input name="employer" required maxlength="200"></label>
                <label>Occupation <input name="occupation" required maxlength="200"></label>
                <button>Send</button></form>"""));
    }

    @PostMapping(value = "/fundraisers/best-efforts/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> bestEffortsAnswer(@PathVariable String token, @RequestParam(required = false) String employer,
                                             @RequestParam(required = false) String occupation) {
        boolean ok;
        try {
            ok = ledger.answerBestEfforts(token, employer, occupation);
        } catch (org.springframework.dao.DataAccessException e) {
            ok = false;  // not a token at all
        }
        return ok ? html(HttpStatus.OK, Html.page("Thank you", "<h1>Thank you</h1><p>We have recorded your answer.</p>"))
                : html(HttpStatus.BAD_REQUEST, Html.page("Not recorded", "<p>This link is not valid, or a field was empty.</p>"));
    }

    private String formPage(FinanceReports.Progress p, Map<String, String> f, List<String> problems) {
        StringBuilder b = new StringBuilder("<h1>Donate: ").append(Html.esc(p.title())).append("</h1>");
        if (!problems.isEmpty()) {
            b.append("<ul class=\"problems\">");
            problems.forEach(problem -> b.append("<li>").append(Html.esc(problem)).append("</li>"));
            b.append("</ul>");
        }
        b.append("<form method=\"post\" action=\"/fundraisers/").append(p.fundraiserId()).append("/donate\">");
        b.append("<fieldset><legend>Amount</legend>");
        String chosen = f.getOrDefault("amount", "5000");
        for (long preset : PRESETS) {
            b.append("<label><input type=\"radio\" name=\"amount\" value=\"").append(preset).append('"')
                    .append(chosen.equals(Long.toString(preset)) ? " checked" : "").append("> ").append(Money.dollars(preset)).append("</label>");
        }
        b.append("<label><input type=\"radio\" name=\"amount\" value=\"custom\"").append("custom".equals(chosen) ? " checked" : "")
                .append("> Other: $<input name=\"customAmount\" inputmode=\"decimal\" value=\"").append(Html.esc(f.get("customAmount")))
                .append("\"></label>");
        b.append("<label><input type=\"checkbox\" name=\"monthly\"").append("on".equals(f.get("monthly")) ? " checked" : "")
                .append("> Make it monthly</label>");
        b.append("<label>For the <select name=\"election\"><option value=\"PRIMARY\">primary</option><option value=\"GENERAL\"")
                .append("GENERAL".equals(f.get("election")) ? " selected" : "").append(">general</option></select> election</label>");
        b.append("<p class=\"fine\">Federal law limits an individual to ").append(Money.dollars(settings.limitPerElectionCents()))
                .append(" per election.</p></fieldset>");
        b.append("<fieldset><legend>About you (required by federal law)</legend>");
        input(b, "Full name", "fullName", f, true);
        input(b, "Email (for your receipt)", "email", f, true);
        input(b, "Street address", "addressLine1", f, true);
        input(b, "Apartment, suite (optional)", "addressLine2", f, false);
        input(b, "City", "city", f, true);
        input(b, "State (two letters)", "state", f, true);
        input(b, "ZIP code", "zip", f, true);
        input(b, "Employer", "employer", f, false);
        input(b, "Occupation", "occupation", f, false);
        b.append("</fieldset><fieldset><legend>By donating, I confirm that</legend>");
        check(b, "ownFunds", "this contribution is made from my own funds, not those of another person or entity;", f);
        check(b, "citizen", "I am a US citizen or lawfully admitted permanent resident;", f);
        check(b, "notContractor", "I am not a federal contractor;", f);
        check(b, "personalCard", "I am making this contribution with my own personal card, not a corporate or business card.", f);
        b.append("</fieldset><button>Continue to payment</button></form>");
        b.append("<p class=\"fine\">Contributions to political candidates are not tax deductible.</p>").append(paidFor(p));
        return Html.page("Donate: " + p.title(), b.toString());
    }

    private static void input(StringBuilder b, String label, String name, Map<String, String> f, boolean required) {
        b.append("<label>").append(Html.esc(label)).append(" <input name=\"").append(name).append("\" value=\"")
                .append(Html.esc(f.get(name))).append('"').append(required ? " required" : "").append("></label>");
    }

    private static void check(StringBuilder b, String name, String text, Map<String, String> f) {
        b.append("<label><input type=\"checkbox\" name=\"").append(name).append("\" required")
                .append("on".equals(f.get(name)) ? " checked" : "").append("> ").append(Html.esc(text)).append("</label>");
    }

    private static String paidFor(FinanceReports.Progress p) {
        String committee = p.committeeName() != null ? p.committeeName() : p.title();
        return "<p class=\"fine\">Paid for by " + Html.esc(committee)
                + (p.committeeFecId() != null ? " (FEC " + Html.esc(p.committeeFecId()) + ")" : "")
                + (p.candidateFecId() != null ? ". Candidate FEC id " + Html.esc(p.candidateFecId()) : "") + ".</p>";
    }

    /** A preset in cents, or the custom amount in dollars ("25", "25.50", "$1,000"); 0 when unreadable. */
    static long amountCents(Map<String, String> f) {
        String amount = f.getOrDefault("amount", "");
        if (!"custom".equals(amount)) {
            for (long preset : PRESETS) {
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
        return new java.math.BigDecimal(custom).movePointRight(2).longValueExact();
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(body);
    }
}
