package org.primarypipeline.console.nominations;

import java.util.List;
import org.primarypipeline.activities.ballot.BallotLinks;
import org.primarypipeline.activities.cycle.CycleRecord;
import org.primarypipeline.activities.nomination.Nominations;
import org.primarypipeline.console.nominations.NominationPageModels.Accept;
import org.primarypipeline.console.nominations.NominationPageModels.AcceptanceFields;
import org.primarypipeline.console.nominations.NominationPageModels.Message;
import org.primarypipeline.console.nominations.NominationPageModels.Nominate;
import org.primarypipeline.console.nominations.NominationPageModels.NominationFields;

/** The public nomination pages' models, in the pages' own words. */
final class NominationPages {

    private NominationPages() {
    }

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

    static Nominate nominate(CycleRecord cycle, NominationFields typed, boolean self, String error) {
        return new Nominate("Nominate a candidate for " + cycle.districtId(), cycle.id(), cycle.districtId(),
                BallotLinks.closesAt(cycle), self, typed, error);
    }

    static Message sent(String address) {
        return done("Check your inbox", "We sent a link to " + address.strip()
                + ". Open it to confirm the nomination; until then nobody sees it.");
    }

    static Message confirmed(Nominations.Confirmation done) {
        return done("Thank you", done.merged()
                ? done.nomineeName() + " had been nominated already; your nomination counts as an endorsement ("
                + done.endorsements() + " so far)."
                : "Your nomination of " + done.nomineeName() + " in " + done.districtId()
                + " is confirmed. We have invited them to accept and sign our pledge.");
    }

    static Accept accept(String token, Nominations.Invitation invitation, AcceptanceFields typed, String inhabitant,
                         String error, List<String> problems) {
        return new Accept(token, invitation.districtId(), invitation.districtId().substring(0, 2), invitation.self(),
                invitation.nominatorName(), invitation.termStart().toString(), invitation.pledge(), typed,
                "yes".equals(inhabitant), "no".equals(inhabitant), problems, !problems.isEmpty(), error);
    }

    static Message accepted(Nominations.Invitation invitation) {
        return done("You have accepted", "Thank you. You are a candidate in " + invitation.districtId()
                + ": we emailed you a copy of the pledge you signed. Our staff now review your candidacy and will "
                + "write to you with their decision.");
    }
}
