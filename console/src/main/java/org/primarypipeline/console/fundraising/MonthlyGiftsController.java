package org.primarypipeline.console.fundraising;

import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.web.ConsolePage;
import org.primarypipeline.console.web.Flash;
import org.primarypipeline.core.money.Money;
import org.primarypipeline.fundraising.DonorGifts;
import org.primarypipeline.fundraising.StripeGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Finance cancels a monthly gift for its donor from the finance report: a thin door onto
 * {@link CancelGift} (the same command as the donor's link), the outcome said on the report.
 */
@Controller
public class MonthlyGiftsController implements ConsolePage {

    private final CancelGift cancel;

    public MonthlyGiftsController(CancelGift cancel) {
        this.cancel = cancel;
    }

    @PostMapping("/finance/fundraisers/{id}/gifts/{intent}/cancel")
    String cancel(
            @PathVariable long id,
            @PathVariable long intent,
            @AuthenticationPrincipal StaffUser user,
            RedirectAttributes flash) {
        try {
            DonorGifts.Gift g = cancel.perform(user, id, intent);
            flash.addFlashAttribute(
                    "flash",
                    Flash.done("Monthly gift of " + Money.dollars(g.amountCents())
                            + " cancelled: Stripe charges it no more."));
        } catch (DonorGifts.Refused refused) {
            flash.addFlashAttribute("flash", Flash.refused("Not cancelled: " + refused.getMessage()));
        } catch (StripeGateway.StripeUnavailableException | StripeGateway.PaymentsOffException down) {
            flash.addFlashAttribute("flash", Flash.refused("Not cancelled: " + down.getMessage()));
        }
        return "redirect:/finance/fundraisers/" + id;
    }
}
