package org.primarypipeline.console.voting;

import org.primarypipeline.console.voting.BallotPageModels.Problem;
import org.primarypipeline.core.cycle.CycleStatus;
import org.primarypipeline.voting.BallotAccess;

/** What the ballot pages say when a ballot cannot be shown or was just stored, in the pages' words. */
final class BallotProblems {

    private BallotProblems() {}

    /** The note after a redirect ({@code ?stored=ballot} or {@code proxies}); null for anything else. */
    static String stored(String what) {
        return what == null
                ? null
                : switch (what) {
                    case "ballot" -> "Your ballot is stored. Your receipt and its secret are below.";
                    case "again" ->
                        "This ballot was sent twice and is stored once. Its secret was shown when it"
                                + " was first stored, and is in your receipt email.";
                    case "proxies" -> "Your proxies are saved.";
                    default -> null;
                };
    }

    static Problem noSuchBallot(String cycleId) {
        return new Problem(
                BallotPageModels.DEFAULT_TITLE, "No such ballot", "There is no cycle " + cycleId + ".", false, null);
    }

    static Problem sessionEnded(String cycleId) {
        return new Problem(
                BallotPageModels.DEFAULT_TITLE,
                "Your ballot is closed on this device",
                "Ballot sessions end after a while, and on another device or browser you need your own link. "
                        + "Your stored ballot is safe.",
                true,
                cycleId);
    }

    /** Why a ballot link did not open; every state but a closed round offers a fresh link. */
    static Problem crossSite() {
        String heading = "Open your ballot from your own link";
        return new Problem(
                heading,
                heading,
                "This request to open a ballot came from another website, so it was refused and your link was not "
                        + "used. Open the link from the message we sent you, then press Open my ballot.",
                false,
                null);
    }

    /** @param round the cycle's status when its round no longer takes ballots, else null */
    static Problem linkProblem(BallotAccess.Exchange exchange, CycleStatus round) {
        String cycleId = exchange.session() == null ? null : exchange.session().cycleId();
        String[] said = switch (exchange.state()) {
            case USED ->
                new String[] {
                    "This link has already been used",
                    "Each ballot link opens your ballot once. "
                            + "If you opened it, your ballot is still open in that browser for a while; otherwise ask for a "
                            + "fresh link below. If you did not open it, tell the organisers: someone else may have your "
                            + "link."
                };
            case EXPIRED ->
                new String[] {
                    "This link has expired", "Ballot links are good for a limited time. Ask for a fresh one below."
                };
            case ROUND_CLOSED -> closed(cycleId, round);
            default ->
                new String[] {
                    "This link is not valid",
                    "Check that you copied the whole link from your "
                            + "message, or ask the organisers for a fresh one."
                };
        };
        boolean fresh = cycleId != null && exchange.state() != BallotAccess.LinkState.ROUND_CLOSED;
        return new Problem(said[0], said[0], said[1], fresh, fresh ? cycleId : null);
    }

    /** A closed round's link: cancelled and failed rounds are explained, a counted one points to its result. */
    private static String[] closed(String cycleId, CycleStatus round) {
        String results = "/results/" + cycleId;
        if (round == CycleStatus.CANCELLED) {
            return new String[] {
                "This round was cancelled",
                "The organization's staff cancelled this round before a winner was certified, so this link no "
                        + "longer opens a ballot and no result will be published. Your membership and your proxies "
                        + "stay as they are. What is published about the round is at " + results + "."
            };
        }
        if (round == CycleStatus.FAILED) {
            return new String[] {
                "This round ended without a winner",
                "This round could not be brought to a certified result, so this link no longer opens a ballot. "
                        + "Your membership and your proxies stay as they are. Why it ended is at " + results + "."
            };
        }
        return new String[] {
            "Voting is closed",
            "This cycle no longer takes ballots. Once it is counted its result is at " + results
                    + ", where you can also check your receipt."
        };
    }
}
