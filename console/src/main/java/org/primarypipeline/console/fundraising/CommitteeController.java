package org.primarypipeline.console.fundraising;

import jakarta.servlet.http.HttpServletResponse;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.web.ConsolePage;
import org.primarypipeline.console.web.ErrorPage;
import org.primarypipeline.console.web.Flash;
import org.primarypipeline.console.web.PageViewResolver;
import org.primarypipeline.fundraising.Committees;
import org.primarypipeline.fundraising.StripeGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The committee page for finance: record the candidate's committee, send its treasurer to Stripe's
 * onboarding, see whether it is connected, and the gifts held with their 10-day deadlines.
 */
@Controller
public class CommitteeController implements ConsolePage {

    private final CommitteePages pages;
    private final RecordCommittee record;
    private final ConnectCommittee connect;
    private final ForwardEarmarked forward;
    private final Permissions permissions;

    public CommitteeController(
            CommitteePages pages,
            RecordCommittee record,
            ConnectCommittee connect,
            ForwardEarmarked forward,
            Permissions permissions) {
        this.pages = pages;
        this.record = record;
        this.connect = connect;
        this.forward = forward;
        this.permissions = permissions;
    }

    @GetMapping("/finance/fundraisers/{id}/committee")
    String page(
            @PathVariable long id, @AuthenticationPrincipal StaffUser user, Model model, HttpServletResponse response) {
        permissions.require(user, Right.SIGN_OFF_FINANCE, "page.finance.committee", "fundraiser " + id);
        try {
            return PageViewResolver.show(model, pages.page(id, null), "finance-committee");
        } catch (FinanceRefusal.NoSuchFundraiser e) {
            return notFound(id).show(response, model);
        }
    }

    @PostMapping("/finance/fundraisers/{id}/committee")
    String record(
            @PathVariable long id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String fecId,
            @RequestParam(required = false) String treasurer,
            @RequestParam(required = false) String address,
            @AuthenticationPrincipal StaffUser user,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        Committees.Details details = new Committees.Details(name, fecId, treasurer, address);
        try {
            record.perform(user, id, details);
            flash.addFlashAttribute("flash", Flash.done("Committee recorded."));
        } catch (Committees.InvalidDetail e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return PageViewResolver.show(
                    model, pages.page(id, CommitteePages.Form.refused(details, e)), "finance-committee");
        } catch (IllegalArgumentException e) {
            return notFound(id).show(response, model);
        }
        return "redirect:/finance/fundraisers/" + id + "/committee";
    }

    /** Sends the volunteer (or treasurer at their side) to Stripe's hosted onboarding. */
    @PostMapping("/finance/fundraisers/{id}/committee/onboarding")
    String onboarding(@PathVariable long id, @AuthenticationPrincipal StaffUser user, RedirectAttributes flash) {
        try {
            return "redirect:" + connect.perform(user, id).url();
        } catch (IllegalArgumentException | IllegalStateException refused) {
            flash.addFlashAttribute("flash", Flash.refused("Not connected: " + refused.getMessage()));
        }
        return "redirect:/finance/fundraisers/" + id + "/committee";
    }

    /** Checks the account with Stripe and forwards what is held (what the timer does, now). */
    @PostMapping("/finance/fundraisers/{id}/forward")
    String forward(@PathVariable long id, @AuthenticationPrincipal StaffUser user, RedirectAttributes flash) {
        try {
            ForwardEarmarked.Forwarded f = forward.perform(user, id);
            flash.addFlashAttribute(
                    "flash",
                    Flash.done(
                            f.connected()
                                    ? "Forwarded " + f.forwarded() + " gifts; " + f.reversed() + " transfers reversed."
                                    : "The committee's Stripe account is not ready yet: nothing forwarded."));
        } catch (IllegalArgumentException | IllegalStateException | StripeGateway.StripeUnavailableException e) {
            flash.addFlashAttribute("flash", Flash.refused("Not forwarded: " + e.getMessage()));
        }
        return "redirect:/finance/fundraisers/" + id + "/committee";
    }

    private static ErrorPage notFound(long id) {
        return ErrorPage.of(HttpServletResponse.SC_NOT_FOUND, "Not found", "There is no fundraiser " + id + ".");
    }
}
