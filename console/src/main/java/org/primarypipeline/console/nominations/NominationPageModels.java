package org.primarypipeline.console.nominations;

import java.util.List;
import org.primarypipeline.activities.pledge.PledgeRepository.PledgeVersion;
import org.primarypipeline.console.web.PublicPage;

/** What each public nomination page shows (templates under {@code console/pages/public/nominations/}). */
final class NominationPageModels {

    private NominationPageModels() {
    }

    /** A short answer: done, refused or "check your inbox"; {@code kind} is the box's colour. */
    record Message(String title, String heading, String message, String kind, String more) implements PublicPage {
    }

    /** The nomination form, with what was typed kept and, after a refusal, why. */
    record Nominate(String title, String cycleId, String districtId, String closesAt, boolean self,
                    NominationFields form, String error) implements PublicPage {
    }

    /** What a nominator typed; a field that was far too long comes back empty. */
    record NominationFields(String nomineeName, String nomineeEmail, String nomineePhone, String reason,
                            String nominatorName, String nominatorEmail) {

        static NominationFields from(PostedForm form) {
            return new NominationFields(form.get("nomineeName"), form.get("nomineeEmail"), form.get("nomineePhone"),
                    form.get("reason"), form.get("nominatorName"), form.get("nominatorEmail"));
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
     * eligibility answers that rule the nominee out; {@code error} is input that could not be taken.
     */
    record Accept(String token, String districtId, String state, boolean self, String nominatorName,
                  String termStart, PledgeVersion pledge, AcceptanceFields form, boolean inhabitantYes,
                  boolean inhabitantNo, List<String> problems, boolean hasProblems, String error)
            implements PublicPage {
        @Override
        public String title() {
            return "Accept your nomination";
        }
    }

    /** What a nominee typed on the acceptance form. */
    record AcceptanceFields(String dateOfBirth, String citizenYears, String fullName, String photoUrl,
                            String statement, String links, String typedName) {

        static AcceptanceFields from(PostedForm form) {
            return new AcceptanceFields(form.get("dateOfBirth"), form.get("citizenYears"), form.get("fullName"),
                    form.get("photoUrl"), form.get("statement"), form.get("links"), form.get("typedName"));
        }

        static AcceptanceFields named(String fullName) {
            return new AcceptanceFields(null, null, fullName, null, null, null, null);
        }
    }
}
