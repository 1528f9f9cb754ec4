package org.primarypipeline.nominations;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The House's constitutional requirements (Art. I, Sec. 2): 25 years of age and seven years a citizen
 * when the term starts, and an inhabitant of the state when elected. Asked on acceptance; every unmet
 * requirement is explained in words the nominee can act on.
 */
public record Eligibility(LocalDate dateOfBirth, int citizenYears, boolean inhabitant) {

    public static final int MIN_AGE = 25;
    public static final int MIN_CITIZEN_YEARS = 7;

    /**
     * The term a nominee would serve starts on January 3 after the next general election (the Tuesday
     * after the first Monday of November in an even year) that is still ahead.
     */
    public static LocalDate termStart(LocalDate today) {
        int year = today.getYear() % 2 == 0 ? today.getYear() : today.getYear() + 1;
        if (!electionDay(year).isAfter(today)) {
            year += 2;
        }
        return LocalDate.of(year + 1, 1, 3);
    }

    public static LocalDate electionDay(int year) {
        return LocalDate.of(year, 11, 1)
                .with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY))
                .plusDays(1);
    }

    /**
     * Parses the form's answers; every missing or malformed answer is refused at once, each named by
     * its field ({@link RefusedField}) with what to fix.
     */
    public static Eligibility parse(String dateOfBirth, String citizenYears, String inhabitant) {
        Map<String, String> refused = new LinkedHashMap<>();
        LocalDate born = null;
        try {
            born = LocalDate.parse(dateOfBirth == null ? "" : dateOfBirth.strip());
            if (born.isBefore(LocalDate.of(1900, 1, 1))) {
                refused.put("dateOfBirth", "the date of birth " + born + " is not plausible");
            }
        } catch (java.time.format.DateTimeParseException e) {
            refused.put("dateOfBirth", "give your date of birth as YYYY-MM-DD");
        }
        int years = 0;
        try {
            years = Integer.parseInt(citizenYears == null ? "" : citizenYears.strip());
            if (years < 0 || years > 130) {
                refused.put("citizenYears", "years of citizenship must be between 0 and 130");
            }
        } catch (NumberFormatException e) {
            refused.put("citizenYears", "say how many years you will have been a U.S. citizen, as a whole number");
        }
        if (inhabitant == null || !(inhabitant.equals("yes") || inhabitant.equals("no"))) {
            refused.put("inhabitant", "say whether you will live in the state on election day (yes or no)");
        }
        if (!refused.isEmpty()) {
            throw new RefusedField(refused);
        }
        return new Eligibility(born, years, inhabitant.equals("yes"));
    }

    /** Every requirement not met, explained; empty when eligible. */
    public List<String> problems(LocalDate termStart, String state) {
        List<String> problems = new ArrayList<>();
        int age = Period.between(dateOfBirth, termStart).getYears();
        if (age < MIN_AGE) {
            problems.add("A member of the House must be at least " + MIN_AGE + " years old when the term starts on "
                    + termStart + "; born " + dateOfBirth + ", you would be " + Math.max(age, 0) + ".");
        }
        if (citizenYears < MIN_CITIZEN_YEARS) {
            problems.add("A member of the House must have been a U.S. citizen for at least " + MIN_CITIZEN_YEARS
                    + " years when the term starts on " + termStart + "; you said " + citizenYears + ".");
        }
        if (!inhabitant) {
            problems.add("A member of the House must be an inhabitant of the state they represent (" + state
                    + ") when elected.");
        }
        return problems;
    }

    /** The answers as stored with the candidacy. */
    public String toJson(LocalDate termStart) {
        return "{\"dateOfBirth\":\"" + dateOfBirth + "\",\"citizenYears\":" + citizenYears + ",\"inhabitant\":"
                + inhabitant + ",\"termStart\":\"" + termStart + "\"}";
    }
}
