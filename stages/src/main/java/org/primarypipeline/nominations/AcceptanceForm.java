package org.primarypipeline.nominations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** The profile checked; a refusal names every field that is wrong ({@link RefusedField}). */
    public Profile profile() {
        Map<String, String> problems = new LinkedHashMap<>();
        String name = checked(
                problems, "fullName", () -> PlainText.field(fullName, "your full name", NominationForm.MAX_NAME, true));
        String photo = checked(problems, "photoUrl", () -> PlainText.url(photoUrl, "the photo address"));
        String said =
                checked(problems, "statement", () -> PlainText.field(statement, "your statement", MAX_STATEMENT, true));
        List<String> urls = checked(problems, "links", () -> PlainText.urls(links, "links", MAX_LINKS));
        if (!problems.isEmpty()) {
            throw new RefusedField(problems);
        }
        return new Profile(name, photo, said, urls);
    }

    private static <T> T checked(Map<String, String> problems, String field, Supplier<T> check) {
        try {
            return check.get();
        } catch (RefusedField e) {
            problems.putAll(e.fields());
            return null;
        } catch (IllegalArgumentException e) {
            problems.put(field, e.getMessage());
            return null;
        }
    }
}
