package org.primarypipeline.console.voting;

import java.util.List;
import org.primarypipeline.console.web.PublicPage;
import org.primarypipeline.voting.Receipt;

/** What each of the member's ballot pages shows (templates under {@code console/pages/public/voting/}). */
final class BallotPageModels {

    private BallotPageModels() {}

    /** The page a ballot link opens: a button, so that a mail scanner fetching the link spends nothing. */
    record Open(String token, String districtId, long sessionHours, String title) implements PublicPage {}

    record Sent() implements PublicPage {
        @Override
        public String title() {
            return "Check your inbox";
        }
    }

    /** A link or session that cannot be used; with a cycle, the form that asks for a fresh link. */
    record Problem(String title, String heading, String message, boolean freshLink, String cycleId)
            implements PublicPage {}

    /**
     * The member's own ballot: nominees to rank, the receipt, the proxy lists and the rules. A refused
     * ranking or proxy list is said beside the form it came from. {@code closedAt}: when the round was
     * sealed (or its deadline passed); the receipt carries its secret only on
     * the page answering the cast (the secret is never stored). {@code assisted}: each ballot staff
     * entered for the member at their request and what became of it, in sentences.
     */
    record Ballot(
            String title,
            String cycleId,
            String districtId,
            long memberId,
            String memberName,
            boolean open,
            String closesAt,
            String closedAt,
            String formKey,
            List<NomineeRow> nominees,
            boolean hasBallot,
            Receipt receipt,
            String standing,
            String cycleList,
            boolean proxiesOpen,
            List<ProxySlot> proxySlots,
            String message,
            String rankingError,
            String proxiesError,
            VotingRules rules,
            AssistedHistory assisted)
            implements PublicPage {}

    /** The member's assisted ballots in sentences; absent when staff entered none for them. */
    record AssistedHistory(List<String> steps) {}

    /** A nominee with the candidate's own profile (plain text; the photo only as a link). */
    record NomineeRow(long candidacyId, String name, List<RankChoice> choices, String statement, String photoUrl) {}

    record RankChoice(int value, boolean selected) {}

    record ProxySlot(int slot, String member, String units) {}

    /** The receipt check; {@code published} is null until the round is counted. */
    record Check(String cycleId, Published published, String title) implements PublicPage {}

    /** The published chain, and the verdict on the receipt given, if one was. */
    record Published(
            String chainHead,
            String chainSummary,
            String receipt,
            boolean checked,
            boolean receiptCounted,
            String verdict) {}
}
