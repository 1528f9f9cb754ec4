package org.primarypipeline.console.nominations;

import java.util.List;
import org.primarypipeline.console.nominations.NominationPageModels.Accept;
import org.primarypipeline.console.nominations.NominationPageModels.AcceptanceFields;
import org.primarypipeline.console.nominations.NominationPageModels.Message;
import org.primarypipeline.console.nominations.NominationPageModels.Nominate;
import org.primarypipeline.console.nominations.NominationPageModels.NominationErrors;
import org.primarypipeline.console.nominations.NominationPageModels.NominationFields;
import org.primarypipeline.console.nominations.NominationPageModels.ProfileErrors;
import org.primarypipeline.core.text.Sentence;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.nominations.Nominations;
import org.primarypipeline.nominations.RefusedField;
import org.primarypipeline.voting.BallotLinks;

/** The public nomination pages' models, in the pages' own words. */
final class NominationPages {

    private NominationPages() {}

    static Message done(String heading, String message) {
        return new Message(heading, heading, message, "ok", null);
    }

    static Message refused(String heading, String message) {
        return new Message(heading, heading, message, "problem", null);
    }

    static Message notOpen(String why) {
        return refused("Nominations are not open", why);
    }

    static Message linkProblem(String why) {
        return refused("This link cannot be used", why);
    }

    /** The form; {@code refused} (null at first) is said beside its field if it names one the form shows. */
    static Nominate nominate(CycleRecord cycle, NominationFields typed, boolean self, RuntimeException refused) {
        NominationErrors beside =
                refused instanceof RefusedField f ? NominationErrors.of(f.fields()) : NominationErrors.NONE;
        String above = refused instanceof RefusedField f
                ? NominationErrors.unshown(f.fields())
                : refused == null ? null : Sentence.of(refused.getMessage());
        return new Nominate(
                "Nominate a candidate for " + cycle.districtId(),
                cycle.id(),
                cycle.districtId(),
                BallotLinks.closesAt(cycle),
                self,
                typed,
                beside,
                above);
    }

    static Message sent(String address) {
        return done(
                "Check your inbox",
                "We sent a link to " + address.strip()
                        + ". Open it to confirm the nomination; until then nobody sees it.");
    }

    static Message confirmed(Nominations.Confirmation done) {
        return done(
                "Thank you",
                done.merged()
                        ? done.nomineeName() + " had been nominated already; your nomination counts as an endorsement ("
                                + done.endorsements() + " so far)."
                        : "Your nomination of " + done.nomineeName() + " in " + done.districtId()
                                + " is confirmed. We have invited them to accept and sign our pledge.");
    }

    /** The acceptance form; {@code refused} (or null) is said beside its field if it names a profile field. */
    static Accept accept(
            String token,
            Nominations.Invitation invitation,
            AcceptanceFields typed,
            String inhabitant,
            RuntimeException refused,
            List<String> problems) {
        ProfileErrors beside = refused instanceof RefusedField f ? ProfileErrors.of(f.fields()) : ProfileErrors.NONE;
        String above = refused instanceof RefusedField f
                ? ProfileErrors.unshown(f.fields())
                : refused == null ? null : Sentence.of(refused.getMessage());
        return new Accept(
                token,
                invitation.districtId(),
                invitation.districtId().substring(0, 2),
                invitation.self(),
                invitation.nominatorName(),
                invitation.termStart().toString(),
                invitation.pledge(),
                typed,
                "yes".equals(inhabitant),
                "no".equals(inhabitant),
                problems,
                !problems.isEmpty(),
                beside,
                above);
    }

    static Message accepted(Nominations.Invitation invitation) {
        return done(
                "You have accepted",
                "Thank you. You are a candidate in " + invitation.districtId()
                        + ": we emailed you a copy of the pledge you signed. Our staff now review your candidacy and will "
                        + "write to you with their decision.");
    }
}
