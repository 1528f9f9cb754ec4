package org.primarypipeline.nominations;

import java.util.List;
import java.util.function.Supplier;
import org.primarypipeline.vetting.PledgeSigning.SignatureForm;

/** What the nominee posts on the acceptance page: eligibility answers, their profile, their signature. */
public record AcceptanceForm(
        String dateOfBirth,
        String citizenYears,
        String inhabitant,
        String fullName,
        String photoUrl,
        String statement,
        String links,
        SignatureForm signature) {

    public static final int MAX_STATEMENT = 2_000;
    public static final int MAX_LINKS = 5;

    /** The profile as checked, shown on the ballot. */
    public record Profile(String fullName, String photoUrl, String statement, List<String> links) {}

    /** The profile checked; a refusal names the field it is about ({@link RefusedField}). */
    public Profile profile() {
        String name =
                checked("fullName", () -> PlainText.field(fullName, "your full name", NominationForm.MAX_NAME, true));
        String photo = checked("photoUrl", () -> PlainText.url(photoUrl, "the photo address"));
        String said = checked("statement", () -> PlainText.field(statement, "your statement", MAX_STATEMENT, true));
        List<String> urls = checked("links", () -> PlainText.urls(links, "links", MAX_LINKS));
        return new Profile(name, photo, said, urls);
    }

    private static <T> T checked(String field, Supplier<T> check) {
        try {
            return check.get();
        } catch (RefusedField e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new RefusedField(field, e.getMessage());
        }
    }
}
