package org.primarypipeline.console.fundraising;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.primarypipeline.activities.fundraiser.FinanceReports;
import org.primarypipeline.activities.fundraiser.Money;
import org.primarypipeline.console.fundraising.FundraiserPageModels.Attestation;
import org.primarypipeline.console.fundraising.FundraiserPageModels.Donate;
import org.primarypipeline.console.fundraising.FundraiserPageModels.Field;
import org.primarypipeline.console.fundraising.FundraiserPageModels.Fundraiser;
import org.primarypipeline.console.fundraising.FundraiserPageModels.Note;
import org.primarypipeline.console.fundraising.FundraiserPageModels.Preset;

/** The public fundraiser pages' models, in the pages' own words. */
final class FundraiserPages {

    /** The amounts offered on the donation form, in cents. */
    static final long[] PRESETS = {2_500, 5_000, 10_000, 25_000, 50_000, 100_000};

    private FundraiserPages() {
    }

    static Note notFound() {
        return new Note("Not found", null, "There is no such fundraiser.", null);
    }

    static Note thanks(long fundraiserId) {
        return new Note("Thank you", "Thank you", "Your receipt is on its way by email.", fundraiserId);
    }

    static Note recorded() {
        return new Note("Thank you", "Thank you", "We have recorded your answer.", null);
    }

    static Note notRecorded() {
        return new Note("Not recorded", null, "This link is not valid, or a field was empty.", null);
    }

    static Fundraiser fundraiser(FinanceReports.Progress p) {
        long percent = p.goalCents() == 0 ? 0 : Math.min(100, Math.max(0, p.raisedCents() * 100 / p.goalCents()));
        return new Fundraiser(p.title(), p.fundraiserId(), p.description(), Money.dollars(p.raisedCents()),
                Money.dollars(p.goalCents()), p.donors() + (p.donors() == 1 ? " donor" : " donors"), percent,
                p.endsOn() == null ? null : p.endsOn().toString(), !"LAUNCHED".equals(p.status()),
                "LAUNCHED".equals(p.status()) && !"ON".equals(p.payments()), paidFor(p));
    }

    /** The form as the donor left it ({@code typed}, empty at first) with the problems to fix. */
    static Donate donate(FinanceReports.Progress p, Map<String, String> typed, List<String> problems,
                         long limitPerElectionCents) {
        String chosen = typed.getOrDefault("amount", "5000");
        List<Preset> presets = new ArrayList<>();
        for (long preset : PRESETS) {
            presets.add(new Preset(preset, Money.dollars(preset), chosen.equals(Long.toString(preset))));
        }
        List<Field> fields = List.of(
                field("Full name", "fullName", typed, true),
                field("Email (for your receipt)", "email", typed, true),
                field("Street address", "addressLine1", typed, true),
                field("Apartment, suite (optional)", "addressLine2", typed, false),
                field("City", "city", typed, true),
                field("State (two letters)", "state", typed, true),
                field("ZIP code", "zip", typed, true),
                field("Employer", "employer", typed, false),
                field("Occupation", "occupation", typed, false));
        List<Attestation> attestations = List.of(
                attestation("ownFunds", "this contribution is made from my own funds, not those of another person "
                        + "or entity;", typed),
                attestation("citizen", "I am a US citizen or lawfully admitted permanent resident;", typed),
                attestation("notContractor", "I am not a federal contractor;", typed),
                attestation("personalCard", "I am making this contribution with my own personal card, not a "
                        + "corporate or business card.", typed));
        return new Donate("Donate: " + p.title(), p.fundraiserId(), problems, presets, "custom".equals(chosen),
                typed.get("customAmount"), "on".equals(typed.get("monthly")), "GENERAL".equals(typed.get("election")),
                Money.dollars(limitPerElectionCents), fields, attestations, paidFor(p));
    }

    private static Field field(String label, String name, Map<String, String> typed, boolean required) {
        return new Field(label, name, typed.get(name), required);
    }

    private static Attestation attestation(String name, String text, Map<String, String> typed) {
        return new Attestation(name, text, "on".equals(typed.get(name)));
    }

    /** The disclaimer federal rules ask of every page that solicits a contribution. */
    private static String paidFor(FinanceReports.Progress p) {
        String committee = p.committeeName() != null ? p.committeeName() : p.title();
        return "Paid for by " + committee
                + (p.committeeFecId() != null ? " (FEC " + p.committeeFecId() + ")" : "")
                + (p.candidateFecId() != null ? ". Candidate FEC id " + p.candidateFecId() : "") + ".";
    }
}
