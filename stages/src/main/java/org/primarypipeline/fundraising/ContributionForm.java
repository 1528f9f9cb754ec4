package org.primarypipeline.fundraising;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.primarypipeline.core.district.UsStates;
import org.primarypipeline.core.money.Money;
import org.primarypipeline.core.supporter.EmailAddresses;

/**
 * What the donation page collects before payment, as federal rules ask: who the donor is, where they
 * live, whom they work for, and the four attestations. Employer and occupation may be left blank: the
 * gift is still taken and the donor is asked again (best efforts).
 */
public record ContributionForm(
        long fundraiserId,
        long amountCents,
        boolean monthly,
        String election,
        String fullName,
        String email,
        String addressLine1,
        String addressLine2,
        String city,
        String state,
        String zip,
        String employer,
        String occupation,
        boolean ownFunds,
        boolean citizenOrPermanentResident,
        boolean notFederalContractor,
        boolean personalCard,
        String ip,
        String userAgent) {

    public static final long MINIMUM_CENTS = 100;

    /** A problem with the form, and the component it is about, so that a page can say it beside that field. */
    public record Problem(String field, String sentence) {}

    /** Everything wrong with the form, in the order the fields appear; empty when it can go to payment. */
    public List<String> problems(long limitPerElectionCents) {
        return fieldProblems(limitPerElectionCents).stream()
                .map(Problem::sentence)
                .toList();
    }

    /** {@link #problems}, each with the component it is about (addressLine1 for the street and city). */
    public List<Problem> fieldProblems(long limitPerElectionCents) {
        List<Problem> problems = new ArrayList<>();
        if (amountCents < MINIMUM_CENTS) {
            problems.add(new Problem("amountCents", "the amount must be at least $1"));
        } else if (amountCents > limitPerElectionCents) {
            problems.add(new Problem(
                    "amountCents",
                    "the amount may be at most " + Money.dollars(limitPerElectionCents) + ", the limit per election"));
        }
        if (!"PRIMARY".equals(electionOrDefault()) && !"GENERAL".equals(electionOrDefault())) {
            problems.add(new Problem("election", "the election must be the primary or the general"));
        }
        if (blank(fullName) || fullName.trim().split("\\s+").length < 2) {
            problems.add(new Problem("fullName", "please give your full name (first and last)"));
        }
        if (!EmailAddresses.isAddress(email)) {
            problems.add(new Problem("email", "please give an email address for your receipt"));
        }
        if (blank(addressLine1) || blank(city)) {
            problems.add(new Problem("addressLine1", "please give your street address and city"));
        }
        if (blank(state) || !UsStates.isPostalCode(state.trim().toUpperCase(Locale.ROOT))) {
            problems.add(new Problem("state", "please give your state as a two-letter code"));
        }
        String zipDigits = zip == null ? "" : zip.replaceAll("[^0-9]", "");
        if (zipDigits.length() != 5 && zipDigits.length() != 9) {
            problems.add(new Problem("zip", "please give a 5- or 9-digit ZIP code"));
        }
        if (!ownFunds) {
            problems.add(new Problem("ownFunds", "you must confirm the contribution is made from your own funds"));
        }
        if (!citizenOrPermanentResident) {
            problems.add(new Problem(
                    "citizenOrPermanentResident",
                    "you must confirm you are a US citizen or lawfully admitted permanent resident"));
        }
        if (!notFederalContractor) {
            problems.add(new Problem("notFederalContractor", "you must confirm you are not a federal contractor"));
        }
        if (!personalCard) {
            problems.add(new Problem(
                    "personalCard", "you must confirm you are paying with your own personal card, not a business's"));
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
