package org.primarypipeline.console.fundraising;

import java.util.List;
import org.primarypipeline.console.web.PublicPage;

/** What each public fundraiser page shows (templates under {@code console/pages/public/fundraising/}). */
final class FundraiserPageModels {

    private FundraiserPageModels() {}

    /** A page with a title and one sentence: not found, thank you, not recorded. */
    record Note(String title, String heading, String sentence, Long backTo) implements PublicPage {}

    /** A fundraiser's page: progress toward the goal and, while it takes gifts, the way to donate. */
    record Fundraiser(
            String title,
            long fundraiserId,
            String description,
            String raised,
            String goal,
            String donors,
            long percent,
            String endsOn,
            boolean closed,
            boolean paymentsSoon,
            String paidFor)
            implements PublicPage {}

    /**
     * The donation form, with what the donor typed kept. A problem with one field is said beside it;
     * {@code problems} are those about the gift as a whole, said above the form.
     */
    record Donate(
            String title,
            long fundraiserId,
            List<String> problems,
            List<Preset> presets,
            boolean customChecked,
            String customAmount,
            String amountError,
            boolean monthly,
            boolean general,
            String electionError,
            String limit,
            List<Field> fields,
            List<Attestation> attestations,
            String paidFor,
            String paymentsOff,
            String held)
            implements PublicPage {

        public boolean hasProblems() {
            return !problems.isEmpty();
        }

        /** The same form with what the donor must know before typing: payments off (no form) or gifts held. */
        Donate before(String paymentsOff, String held) {
            return new Donate(
                    title,
                    fundraiserId,
                    problems,
                    presets,
                    customChecked,
                    customAmount,
                    amountError,
                    monthly,
                    general,
                    electionError,
                    limit,
                    fields,
                    attestations,
                    paidFor,
                    paymentsOff,
                    held);
        }

        public boolean takesGifts() {
            return paymentsOff == null;
        }
    }

    record Preset(long cents, String label, boolean checked) {}

    record Field(String label, String name, String value, boolean required, String error) {}

    record Attestation(String name, String text, boolean checked, String error) {}

    record BestEfforts() implements PublicPage {
        @Override
        public String title() {
            return "Employer and occupation";
        }
    }
}
