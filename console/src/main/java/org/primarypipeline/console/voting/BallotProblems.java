package org.primarypipeline.console.voting;

import static org.primarypipeline.console.voting.BallotWords.say;

import org.primarypipeline.console.voting.BallotPageModels.Problem;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.core.cycle.CycleStatus;
import org.primarypipeline.voting.BallotAccess;
import org.primarypipeline.voting.VotingClosedException;

/** What the ballot pages say when a ballot cannot be shown or was just stored, in the page's language. */
final class BallotProblems {

    private BallotProblems() {}

    /** The note after a redirect ({@code ?stored=ballot} or {@code proxies}); null for anything else. */
    static String stored(String what, Language language) {
        return what == null
                ? null
                : switch (what) {
                    case "ballot", "again", "proxies" -> say(language, "ballot.stored-" + what);
                    default -> null;
                };
    }

    /** A ballot sent after the round was sealed: said beside the ranking form. */
    static String votingClosed(VotingClosedException closed, Language language) {
        return say(language, "ballot.closed-refused", "closedAt", closed.closedAt());
    }

    static Problem noSuchBallot(String cycleId, Language language) {
        return new Problem(
                say(language, "ballot.default-title"),
                say(language, "ballot.no-such-heading"),
                say(language, "ballot.no-such", "cycleId", cycleId),
                false,
                null);
    }

    static Problem sessionEnded(String cycleId, Language language) {
        return new Problem(
                say(language, "ballot.default-title"),
                say(language, "ballot.ended-heading"),
                say(language, "ballot.ended"),
                true,
                cycleId);
    }

    /** Why a ballot link did not open; every state but a closed round offers a fresh link. */
    static Problem crossSite(Language language) {
        String heading = say(language, "ballot.cross-site-heading");
        return new Problem(heading, heading, say(language, "ballot.cross-site"), false, null);
    }

    /** @param round the cycle's status when its round no longer takes ballots, else null */
    static Problem linkProblem(BallotAccess.Exchange exchange, CycleStatus round, Language language) {
        String cycleId = exchange.session() == null ? null : exchange.session().cycleId();
        String said = switch (exchange.state()) {
            case USED -> "ballot.link-used";
            case EXPIRED -> "ballot.link-expired";
            case ROUND_CLOSED -> closed(round);
            default -> "ballot.link-invalid";
        };
        String heading = say(language, said + "-heading");
        String message = say(language, said, "results", "/results/" + cycleId);
        boolean fresh = cycleId != null && exchange.state() != BallotAccess.LinkState.ROUND_CLOSED;
        return new Problem(heading, heading, message, fresh, fresh ? cycleId : null);
    }

    /** A closed round's link: cancelled and failed rounds are explained, a counted one points to its result. */
    private static String closed(CycleStatus round) {
        if (round == CycleStatus.CANCELLED) {
            return "ballot.round-cancelled";
        }
        if (round == CycleStatus.FAILED) {
            return "ballot.round-failed";
        }
        return "ballot.round-closed";
    }
}
