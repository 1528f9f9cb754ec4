package org.primarypipeline.console.nominations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.primarypipeline.console.web.PublicPage;
import org.primarypipeline.vetting.PledgeRepository.PledgeVersion;

/** What each public nomination page shows (templates under {@code console/pages/public/nominations/}). */
final class NominationPageModels {

    private NominationPageModels() {}

    /** A short answer: done, refused or "check your inbox"; {@code kind} is the box's colour. */
    record Message(String title, String heading, String message, String kind, String more) implements PublicPage {}

    /**
     * The nomination form, with what was typed kept and, after a refusal, why: beside the field it is
     * about ({@code errors}), or above the form ({@code error}) when it is about no one field.
     */
    record Nominate(
            String title,
            String cycleId,
            String districtId,
            String closesAt,
            boolean self,
            NominationFields form,
            NominationErrors errors,
            String error)
            implements PublicPage {}

    /** The sentence to say beside each field of the nomination form; null where there is nothing to say. */
    record NominationErrors(
            String nomineeName,
            String nomineeEmail,
            String nomineePhone,
            String reason,
            String nominatorName,
            String nominatorEmail) {

        static final NominationErrors NONE = new NominationErrors(null, null, null, null, null, null);

        /** Each refused field's sentence beside it; fields the form does not show are left to {@link #unshown}. */
        static NominationErrors of(Map<String, String> refused) {
            return new NominationErrors(
                    refused.get("nomineeName"),
                    refused.get("nomineeEmail"),
                    refused.get("nomineePhone"),
                    refused.get("reason"),
                    refused.get("nominatorName"),
                    refused.get("nominatorEmail"));
        }

        /** The sentences about fields the form does not show (said above it); null when there are none. */
        static String unshown(Map<String, String> refused) {
            return aboveTheForm(refused, FIELDS);
        }

        private static final Set<String> FIELDS =
                Set.of("nomineeName", "nomineeEmail", "nomineePhone", "reason", "nominatorName", "nominatorEmail");
    }

    static String aboveTheForm(Map<String, String> refused, Set<String> shown) {
        List<String> said = new ArrayList<>();
        refused.forEach((field, sentence) -> {
            if (!shown.contains(field)) {
                said.add(sentence);
            }
        });
        return said.isEmpty() ? null : String.join(" ", said);
    }

    /** What a nominator typed; a field that was far too long comes back empty. */
    record NominationFields(
            String nomineeName,
            String nomineeEmail,
            String nomineePhone,
            String reason,
            String nominatorName,
            String nominatorEmail) {

        static NominationFields from(PostedForm form) {
            return new NominationFields(
                    form.get("nomineeName"),
                    form.get("nomineeEmail"),
                    form.get("nomineePhone"),
                    form.get("reason"),
                    form.get("nominatorName"),
                    form.get("nominatorEmail"));
        }
    }

    /** The page an emailed confirmation link opens: the button spends the link. */
    record Confirm(String token, boolean self, String nomineeName, String districtId) implements PublicPage {
        @Override
        public String title() {
            return "Confirm your nomination";
        }
    }

    /**
     * The nominee's acceptance: eligibility, profile and pledge in one form. {@code problems} are the
     * eligibility answers that rule the nominee out; input that could not be taken is said beside its
     * field ({@code errors}) or, when it is about no one field of the profile, above the form ({@code error}).
     */
    record Accept(
            String token,
            String districtId,
            String state,
            boolean self,
            String nominatorName,
            String termStart,
            PledgeVersion pledge,
            AcceptanceFields form,
            boolean inhabitantYes,
            boolean inhabitantNo,
            List<String> problems,
            boolean hasProblems,
            ProfileErrors errors,
            String error)
            implements PublicPage {
        @Override
        public String title() {
            return "Accept your nomination";
        }
    }

    /** What a nominee typed on the acceptance form. */
    record AcceptanceFields(
            String dateOfBirth,
            String citizenYears,
            String fullName,
            String photoUrl,
            String statement,
            String links,
            String typedName) {

        static AcceptanceFields from(PostedForm form) {
            return new AcceptanceFields(
                    form.get("dateOfBirth"),
                    form.get("citizenYears"),
                    form.get("fullName"),
                    form.get("photoUrl"),
                    form.get("statement"),
                    form.get("links"),
                    form.get("typedName"));
        }

        static AcceptanceFields named(String fullName) {
            return new AcceptanceFields(null, null, fullName, null, null, null, null);
        }
    }

    /** The sentence to say beside each eligibility answer and profile field of the acceptance form. */
    record ProfileErrors(
            String dateOfBirth,
            String citizenYears,
            String inhabitant,
            String fullName,
            String photoUrl,
            String statement,
            String links) {

        static final ProfileErrors NONE = new ProfileErrors(null, null, null, null, null, null, null);

        private static final Set<String> FIELDS =
                Set.of("dateOfBirth", "citizenYears", "inhabitant", "fullName", "photoUrl", "statement", "links");

        /** Each refused field's sentence beside it. */
        static ProfileErrors of(Map<String, String> refused) {
            return new ProfileErrors(
                    refused.get("dateOfBirth"),
                    refused.get("citizenYears"),
                    refused.get("inhabitant"),
                    refused.get("fullName"),
                    refused.get("photoUrl"),
                    refused.get("statement"),
                    refused.get("links"));
        }

        /** The sentences about fields the form does not show (said above it); null when none. */
        static String unshown(Map<String, String> refused) {
            return aboveTheForm(refused, FIELDS);
        }
    }
}
