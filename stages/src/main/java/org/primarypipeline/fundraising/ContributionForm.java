package org.primarypipeline.fundraising;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.primarypipeline.core.district.UsStates;

/**
 * What the donation page collects before payment, as federal rules ask: who the donor is, where they
 * live, whom they work for, and the four attestations. Employer and occupation may be left blank: the
 * gift is still taken and the donor is asked again (best efforts).
 */
public record ContributionForm(long fundraiserId, long amountCents, boolean monthly, String election,
                               String fullName, String email, String addressLine1, String addressLine2,
                               String city, String state, String zip, String employer, String occupation,
                               boolean ownFunds, boolean citizenOrPermanentResident, boolean notFederalContractor,
                               boolean personalCard, String ip, String userAgent) {

    public static final long MINIMUM_CENTS = 100;

    /** Everything wrong with the form, in the order the fields appear; empty when it can go to payment. */
    public List<String> problems(long limitPerElectionCents) {
        List<String> problems = new ArrayList<>();
        if (amountCents < MINIMUM_CENTS) {
            problems.add("the amount must be at least $1");
        } else if (amountCents > limitPerElectionCents) {
            problems.add("the amount may be at most " + Money.dollars(limitPerElectionCents) + ", the limit per election");
        }
        if (!"PRIMARY".equals(electionOrDefault()) && !"GENERAL".equals(electionOrDefault())) {
            problems.add("the election must be the primary or the general");
        }
        if (blank(fullName) || fullName.trim().split("\\s+").length < 2) {
            problems.add("please give your full name (first and last)");
        }
        if (blank(email) || !email.contains("@")) {
            problems.add("please give an email address for your receipt");
        }
        if (blank(addressLine1) || blank(city)) {
            problems.add("please give your street address and city");
        }
        if (blank(state) || !UsStates.isPostalCode(state.trim().toUpperCase(Locale.ROOT))) {
            problems.add("please give your state as a two-letter code");
        }
        String zipDigits = zip == null ? "" : zip.replaceAll("[^0-9]", "");
        if (zipDigits.length() != 5 && zipDigits.length() != 9) {
            problems.add("please give a 5- or 9-digit ZIP code");
        }
        if (!ownFunds) {
            problems.add("you must confirm the contribution is made from your own funds");
        }
        if (!citizenOrPermanentResident) {
            problems.add("you must confirm you are a US citizen or lawfully admitted permanent resident");
        }
        if (!notFederalContractor) {
            problems.add("you must confirm you are not a federal contractor");
        }
        if (!personalCard) {
            problems.add("you must confirm you are paying with your own personal card, not a business's");
        }
        return problems;
    }

    public String electionOrDefault() {
        return blank(election) ? "PRIMARY" : election.trim().toUpperCase(Locale.ROOT);
    }

    public boolean missingEmployerOrOccupation() {
        return blank(employer) || blank(occupation);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
