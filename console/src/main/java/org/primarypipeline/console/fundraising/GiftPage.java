package org.primarypipeline.console.fundraising;

import org.primarypipeline.console.web.PublicPage;
import org.primarypipeline.core.money.Money;
import org.primarypipeline.fundraising.DonorGifts;

/**
 * The "manage my gift" page: the gift, what was just done, and each problem beside its field (by code,
 * so the words come from the page bundles in the donor's language).
 */
record GiftPage(
        String title,
        boolean gone,
        String token,
        String fundraiserTitle,
        String amount,
        String amountTyped,
        boolean monthly,
        boolean running,
        boolean cancelled,
        String done,
        String amountProblem,
        String cancelProblem,
        String receiptsProblem)
        implements PublicPage {

    static GiftPage expired() {
        return new GiftPage("Your gift", true, null, null, null, null, false, false, false, null, null, null, null);
    }

    static GiftPage of(String token, DonorGifts.Gift g, String done) {
        return new GiftPage(
                g.fundraiserTitle(),
                false,
                token,
                g.fundraiserTitle(),
                Money.dollars(g.amountCents()),
                "",
                g.monthly(),
                g.monthly() && !g.cancelled(),
                g.cancelled(),
                done,
                null,
                null,
                null);
    }

    GiftPage refused(DonorGifts.Refused r, String typed) {
        String code = r.code();
        return new GiftPage(
                title,
                false,
                token,
                fundraiserTitle,
                amount,
                typed == null ? "" : typed,
                monthly,
                running,
                cancelled,
                null,
                "amount".equals(r.field()) ? code : null,
                "cancel".equals(r.field()) ? code : null,
                "receipts".equals(r.field()) ? code : null);
    }

    public boolean doneAmount() {
        return "amount".equals(done);
    }

    public boolean doneCancel() {
        return "cancel".equals(done);
    }

    public boolean doneReceipts() {
        return "receipts".equals(done);
    }

    public boolean amountTooLow() {
        return "tooLow".equals(amountProblem) || "invalid".equals(amountProblem);
    }

    public boolean amountTooHigh() {
        return "tooHigh".equals(amountProblem);
    }

    public boolean amountNotRunning() {
        return "notRunning".equals(amountProblem);
    }

    public boolean amountUnavailable() {
        return "unavailable".equals(amountProblem);
    }

    public boolean cancelUnavailable() {
        return "unavailable".equals(cancelProblem);
    }

    public boolean hasAmountProblem() {
        return amountProblem != null;
    }
}
