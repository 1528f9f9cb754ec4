package org.primarypipeline.console.vetting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.primarypipeline.vetting.SignedNames;

/** What the candidacy page says in words where the records hold JSON or need comparing. */
final class CandidacyFacts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.US);

    /** One eligibility answer, labelled. */
    record Fact(String label, String value) {}

    private CandidacyFacts() {}

    /** The recorded eligibility answers as labelled lines (date of birth with the age at the term's start). */
    static List<Fact> eligibility(String json) {
        List<Fact> facts = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return facts;
        }
        JsonNode answers;
        try {
            answers = JSON.readTree(json);
        } catch (Exception unreadable) {
            facts.add(new Fact("Recorded answers", json));
            return facts;
        }
        LocalDate born = day(answers.path("dateOfBirth").asText(null));
        LocalDate term = day(answers.path("termStart").asText(null));
        if (born != null) {
            String age = term == null ? "" : " (" + Period.between(born, term).getYears() + " when the term starts)";
            facts.add(new Fact("Date of birth", DAY.format(born) + age));
        }
        if (answers.has("citizenYears")) {
            facts.add(new Fact("Citizen for", answers.path("citizenYears").asInt() + " years"));
        }
        if (answers.has("inhabitant")) {
            facts.add(new Fact("Lives in the state", answers.path("inhabitant").asBoolean() ? "yes" : "no"));
        }
        if (term != null) {
            facts.add(new Fact("Term starts", DAY.format(term)));
        }
        return facts;
    }

    /**
     * A sentence for staff when the pledge was signed under another name than the candidacy's; null
     * when they match or nothing is signed.
     */
    static String nameMismatch(String typed, String onRecord) {
        if (typed == null || SignedNames.match(typed, onRecord)) {
            return null;
        }
        return "The pledge was signed as “" + typed + "”, but the candidacy is “" + onRecord
                + "”. Ask the candidate which is right (their copy of the pledge asks them too) before approving.";
    }

    private static LocalDate day(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
