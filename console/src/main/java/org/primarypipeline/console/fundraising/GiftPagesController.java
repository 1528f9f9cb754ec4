package org.primarypipeline.console.fundraising;

import java.math.BigDecimal;
import org.primarypipeline.console.web.PublicPageView;
import org.primarypipeline.fundraising.DonorGifts;
import org.primarypipeline.fundraising.StripeGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * "Manage my gift", opened from the link in a receipt: a thin door onto {@link ChangeGiftAmount},
 * {@link CancelGift} and {@link ResendReceipts}. Each form posts the link's token again; an unknown or
 * expired link answers 410 with a sentence, never the gift.
 */
@Controller
public class GiftPagesController {

    private static final String TEMPLATE = "fundraising/gift";

    private final DonorGifts gifts;
    private final ChangeGiftAmount changeAmount;
    private final CancelGift cancel;
    private final ResendReceipts receipts;

    public GiftPagesController(
            DonorGifts gifts, ChangeGiftAmount changeAmount, CancelGift cancel, ResendReceipts receipts) {
        this.gifts = gifts;
        this.changeAmount = changeAmount;
        this.cancel = cancel;
        this.receipts = receipts;
    }

    @GetMapping(value = "/fundraisers/gift/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView show(@PathVariable String token, @RequestParam(required = false) String done) {
        DonorGifts.Opened o = gifts.open(token);
        if (o.state() != DonorGifts.State.VALID) {
            return PublicPageView.personal(HttpStatus.GONE, TEMPLATE, GiftPage.expired());
        }
        String shown = done != null && done.matches("amount|cancel|receipts") ? done : null;
        return PublicPageView.personal(HttpStatus.OK, TEMPLATE, GiftPage.of(token, o.gift(), shown));
    }

    @PostMapping(value = "/fundraisers/gift/{token}/amount", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView amount(@PathVariable String token, @RequestParam(required = false) String amount) {
        Long cents = cents(amount);
        if (cents == null) {
            return refused(token, new DonorGifts.Refused("amount", "invalid", "not an amount"), amount);
        }
        return act(token, "amount", amount, () -> changeAmount.perform(token, cents));
    }

    @PostMapping(value = "/fundraisers/gift/{token}/cancel", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView cancel(@PathVariable String token) {
        return act(token, "cancel", null, () -> cancel.perform(token));
    }

    @PostMapping(value = "/fundraisers/gift/{token}/receipts", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView receipts(@PathVariable String token) {
        return act(token, "receipts", null, () -> receipts.perform(token));
    }

    /**
     * Runs one action of the gift's page: done, back to the page with its notice (303); refused, or Stripe
     * unreachable, the page again with the sentence beside the action's field ({@code typed} kept).
     */
    private ModelAndView act(String token, String action, String typed, Runnable command) {
        try {
            command.run();
            return PublicPageView.seeOther("/fundraisers/gift/" + token + "?done=" + action);
        } catch (DonorGifts.Refused r) {
            return refused(token, r, typed);
        } catch (StripeGateway.StripeUnavailableException | StripeGateway.PaymentsOffException down) {
            return refused(token, new DonorGifts.Refused(action, "unavailable", down.getMessage()), typed);
        }
    }

    private ModelAndView refused(String token, DonorGifts.Refused r, String typed) {
        DonorGifts.Opened o = gifts.open(token);
        if (o.state() != DonorGifts.State.VALID) {
            return PublicPageView.personal(HttpStatus.GONE, TEMPLATE, GiftPage.expired());
        }
        HttpStatus status = "unavailable".equals(r.code()) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_REQUEST;
        return PublicPageView.personal(
                status, TEMPLATE, GiftPage.of(token, o.gift(), null).refused(r, typed));
    }

    /** Dollars as typed ("20", "20.50", "$20"), in cents; null when not an amount. */
    static Long cents(String typed) {
        if (typed == null) {
            return null;
        }
        String t = typed.trim().replace("$", "").replace(",", "");
        if (!t.matches("\\d{1,7}(\\.\\d{1,2})?")) {
            return null;
        }
        return new BigDecimal(t).movePointRight(2).longValueExact();
    }
}
