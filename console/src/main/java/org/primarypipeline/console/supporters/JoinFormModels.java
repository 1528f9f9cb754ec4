package org.primarypipeline.console.supporters;

import java.util.List;
import org.primarypipeline.console.web.PublicPage;

/**
 * What the join page shows (templates {@code public/members/join} and {@code join-sent}). Words come
 * from the bundles ({@code join.*}); the records carry what was typed, a sentence beside each refused
 * field, and the districts of a split ZIP to pick from.
 */
final class JoinFormModels {

    private JoinFormModels() {}

    /** The form, empty or as typed; each {@code *Error} is the sentence beside that field, null when fine. */
    record Form(
            String title,
            String fullName,
            String email,
            String phone,
            String street,
            String zip,
            boolean emailOk,
            boolean smsOk,
            boolean spanish,
            List<Choice> choices,
            Errors errors,
            Long waitMinutes)
            implements PublicPage {

        public boolean hasChoices() {
            return !choices.isEmpty();
        }

        public boolean hasErrors() {
            return errors.any();
        }
    }

    /** One sentence per refused field, in the page's language. */
    record Errors(
            String fullName, String email, String phone, String street, String zip, String district, String smsOk) {

        static final Errors NONE = new Errors(null, null, null, null, null, null, null);

        boolean any() {
            return fullName != null
                    || email != null
                    || phone != null
                    || street != null
                    || zip != null
                    || district != null
                    || smsOk != null;
        }
    }

    /** A district of a split ZIP; {@code id} is the radio button's, for its label. */
    record Choice(String districtId, String id, boolean checked) {}

    /** The request is taken: where the link went, by which channel, how long it works, which group. */
    record Sent(String title, String address, boolean bySms, String districtId, long hours) implements PublicPage {}
}
