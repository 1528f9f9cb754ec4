package org.primarypipeline.console.fundraising;

/**
 * Why a finance page or call cannot go ahead before anything is looked at: no such fundraiser, or a
 * period that cannot be read. Bad input for the API (400); the pages answer with their own words.
 */
public class FinanceRefusal extends IllegalArgumentException {

    public FinanceRefusal(String message) {
        super(message);
    }

    /** The fundraiser named does not exist (the pages answer 404). */
    public static class NoSuchFundraiser extends FinanceRefusal {
        public NoSuchFundraiser(String id) {
            super("no fundraiser " + id);
        }
    }

    /** The period's days are missing or not YYYY-MM-DD. */
    public static class UnreadablePeriod extends FinanceRefusal {
        public UnreadablePeriod() {
            super("a period is two days as YYYY-MM-DD");
        }
    }
}
