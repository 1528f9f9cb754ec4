package org.primarypipeline.console.fundraising;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primarypipeline.console.fundraising.FundraiserPageModels.Attestation;
import org.primarypipeline.console.fundraising.FundraiserPageModels.Donate;
import org.primarypipeline.console.fundraising.FundraiserPageModels.Field;
import org.primarypipeline.console.fundraising.FundraiserPageModels.Fundraiser;
import org.primarypipeline.console.fundraising.FundraiserPageModels.Note;
import org.primarypipeline.console.fundraising.FundraiserPageModels.Preset;
import org.primarypipeline.core.money.Money;
import org.primarypipeline.core.text.Sentence;
import org.primarypipeline.fundraising.ContributionForm;
import org.primarypipeline.fundraising.FinanceReports;

/** The public fundraiser pages' models, in the pages' own words. */
final class FundraiserPages {

    /** The amounts offered on the donation form, in cents. */
    static final long[] PRESETS = {2_500, 5_000, 10_000, 25_000, 50_000, 100_000};

    private FundraiserPages() {}

    static Note notFound() {
        return new Note("Not found", null, "There is no such fundraiser.", null);
    }

    static Note thanks(long fundraiserId) {
        return new Note("Thank you", "Thank you", "Your receipt is on its way by email.", fundraiserId);
    }

    static Note recorded() {
        return new Note("Thank you", "Thank you", "We have recorded your answer.", null);
    }

    static Note alreadyAnswered() {
        return new Note(
                "Already answered",
                null,
                "This link was used already: we have your answer. To change it, reply to our email.",
                null);
    }

    static Note answerExpired() {
        return new Note("Link expired", null, "This link has expired. To give your answer, reply to our email.", null);
    }

    static Note notRecorded() {
        return new Note("Not recorded", null, "This link is not valid, or a field was empty.", null);
    }

    static Fundraiser fundraiser(FinanceReports.Progress p) {
        long percent = p.goalCents() == 0 ? 0 : Math.min(100, Math.max(0, p.raisedCents() * 100 / p.goalCents()));
        return new Fundraiser(
                p.title(),
                p.fundraiserId(),
                p.description(),
                Money.dollars(p.raisedCents()),
                Money.dollars(p.goalCents()),
                p.donors() + (p.donors() == 1 ? " donor" : " donors"),
                percent,
                p.endsOn() == null ? null : p.endsOn().toString(),
                !"LAUNCHED".equals(p.status()),
                "LAUNCHED".equals(p.status()) && !"ON".equals(p.payments()),
                paidFor(p));
    }

    /** The form's input names for the components of {@link ContributionForm} whose names differ. */
    private static final Map<String, String> INPUTS = Map.of(
            "amountCents", "amount", "citizenOrPermanentResident", "citizen", "notFederalContractor", "notContractor");

    /**
     * The form as the donor left it ({@code typed}, empty at first) with the problems to fix: those in
     * {@code byField} beside their field, the others above the form.
     */
    static Donate donate(
            FinanceReports.Progress p,
            Map<String, String> typed,
            List<String> problems,
            List<ContributionForm.Problem> byField,
            long limitPerElectionCents) {
        Map<String, String> beside = new HashMap<>();
        List<String> above = new ArrayList<>();
        for (String problem : problems) {
            byField.stream()
                    .filter(f -> f.sentence().equals(problem))
                    .findFirst()
                    .ifPresentOrElse(
                            f -> beside.put(INPUTS.getOrDefault(f.field(), f.field()), Sentence.of(problem)),
                            () -> above.add(Sentence.of(problem)));
        }
        String chosen = typed.getOrDefault("amount", "5000");
        List<Preset> presets = new ArrayList<>();
        for (long preset : PRESETS) {
            presets.add(new Preset(preset, Money.dollars(preset), chosen.equals(Long.toString(preset))));
        }
        List<Field> fields = List.of(
                field("Full name", "fullName", typed, true, beside),
                field("Email (for your receipt)", "email", typed, true, beside),
                field("Street address", "addressLine1", typed, true, beside),
                field("Apartment, suite (optional)", "addressLine2", typed, false, beside),
                field("City", "city", typed, true, beside),
                field("State (two letters)", "state", typed, true, beside),
                field("ZIP code", "zip", typed, true, beside),
                field("Employer", "employer", typed, false, beside),
                field("Occupation", "occupation", typed, false, beside));
        List<Attestation> attestations = List.of(
                attestation(
                        "ownFunds",
                        "this contribution is made from my own funds, not those of another person " + "or entity;",
                        typed,
                        beside),
                attestation("citizen", "I am a US citizen or lawfully admitted permanent resident;", typed, beside),
                attestation("notContractor", "I am not a federal contractor;", typed, beside),
                attestation(
                        "personalCard",
                        "I am making this contribution with my own personal card, not a "
                                + "corporate or business card.",
                        typed,
                        beside));
        return new Donate(
                "Donate: " + p.title(),
                p.fundraiserId(),
                above,
                presets,
                "custom".equals(chosen),
                typed.get("customAmount"),
                beside.get("amount"),
                "on".equals(typed.get("monthly")),
                "GENERAL".equals(typed.get("election")),
                beside.get("election"),
                Money.dollars(limitPerElectionCents),
                fields,
                attestations,
                paidFor(p),
                null,
                null);
    }

    private static Field field(
            String label, String name, Map<String, String> typed, boolean required, Map<String, String> beside) {
        return new Field(label, name, typed.get(name), required, beside.get(name));
    }

    private static Attestation attestation(
            String name, String text, Map<String, String> typed, Map<String, String> beside) {
        return new Attestation(name, text, "on".equals(typed.get(name)), beside.get(name));
    }

    /** The disclaimer federal rules ask of every page that solicits a contribution. */
    private static String paidFor(FinanceReports.Progress p) {
        String committee = p.committeeName() != null ? p.committeeName() : p.title();
        return "Paid for by " + committee
                + (p.committeeFecId() != null ? " (FEC " + p.committeeFecId() + ")" : "")
                + (p.candidateFecId() != null ? ". Candidate FEC id " + p.candidateFecId() : "") + ".";
    }
}
