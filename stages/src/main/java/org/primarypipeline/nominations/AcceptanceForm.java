package org.primarypipeline.nominations;

import java.util.List;
import org.primarypipeline.vetting.PledgeSigning.SignatureForm;

/** What the nominee posts on the acceptance page: eligibility answers, their profile, their signature. */
public record AcceptanceForm(String dateOfBirth, String citizenYears, String inhabitant, String fullName,
                             String photoUrl, String statement, String links, SignatureForm signature) {

    public static final int MAX_STATEMENT = 2_000;
    public static final int MAX_LINKS = 5;

    /** The profile as checked, shown on the ballot. */
    public record Profile(String fullName, String photoUrl, String statement, List<String> links) {
    }

    public Profile profile() {
        return new Profile(PlainText.field(fullName, "your full name", NominationForm.MAX_NAME, true),
                PlainText.url(photoUrl, "the photo address"),
                PlainText.field(statement, "your statement", MAX_STATEMENT, true),
                PlainText.urls(links, "links", MAX_LINKS));
    }
}
