package org.primarypipeline.console.voting;

import java.util.ArrayList;
import java.util.List;
import org.primarypipeline.console.web.PublicPage;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.supporters.MemberRepository.ProxyChoice;
import org.primarypipeline.vetting.Candidacy;
import org.primarypipeline.vetting.CandidacyRepository;
import org.primarypipeline.voting.AssistedBallots;
import org.primarypipeline.voting.AssistedBallots.Entry;
import org.primarypipeline.voting.Receipt;
import org.springframework.stereotype.Component;

/** The pages of an assisted ballot's link (templates {@code voting/assisted} and {@code voting/assisted-answered}). */
@Component
class AssistedBallotPages {

    /** What staff entered, for the member to confirm or void; {@code pending} false: already answered. */
    record EntryPage(
            long id,
            String token,
            String cycleId,
            String districtId,
            String memberName,
            String enteredAt,
            String note,
            List<String> ranking,
            boolean ranked,
            String proxies,
            boolean pending,
            boolean open,
            String state)
            implements PublicPage {
        @Override
        public String title() {
            return "A ballot entered for you";
        }
    }

    /** The answer; {@code receipt} with its secret when a confirmed ranking was just cast. */
    record Answered(String title, String heading, String message, String cycleId, Receipt receipt)
            implements PublicPage {}

    private final BallotService ballots;
    private final CandidacyRepository candidacies;

    AssistedBallotPages(BallotService ballots, CandidacyRepository candidacies) {
        this.ballots = ballots;
        this.candidacies = candidacies;
    }

    EntryPage entry(String token, Entry e) {
        CycleRecord cycle = ballots.cycle(e.cycleId());
        List<String> ranking = new ArrayList<>();
        if (e.ranking() != null) {
            for (int i = 0; i < e.ranking().size(); i++) {
                long id = e.ranking().get(i);
                ranking.add((i + 1) + ". "
                        + candidacies
                                .find(e.cycleId(), id)
                                .map(Candidacy::fullName)
                                .orElse("candidacy " + id));
            }
        }
        return new EntryPage(
                e.id(),
                token,
                e.cycleId(),
                cycle.districtId(),
                ballots.memberName(e.memberId()),
                AssistedSteps.at(e.enteredAt(), cycle.districtId()),
                e.note().isEmpty() ? null : e.note(),
                ranking,
                !ranking.isEmpty(),
                e.proxies() == null ? null : proxies(e),
                e.state() == AssistedBallots.State.PENDING,
                ballots.roundOpen(cycle),
                AssistedSteps.state(e.state()));
    }

    private static String proxies(Entry e) {
        String who = e.proxies().isEmpty()
                ? "nobody (your units stay on your own ballot)"
                : String.join(
                        ", ",
                        e.proxies().stream()
                                .map((ProxyChoice p) -> "member " + p.proxyMemberId() + " (" + p.units() + " units)")
                                .toList());
        return who
                + (e.scope() == AssistedBallots.Scope.STANDING
                        ? ", as your standing list for this and later cycles"
                        : ", for this cycle only");
    }

    static Answered answered(AnswerAssistedBallot.Answer answer) {
        String cycleId = answer.entry() == null ? null : answer.entry().cycleId();
        return switch (answer.result()) {
            case CONFIRMED ->
                new Answered(
                        "Confirmed",
                        "Your ballot is confirmed",
                        "It now counts as your own. You can still change it from your ballot link until voting closes.",
                        cycleId,
                        answer.receipt());
            case VOIDED ->
                new Answered(
                        "Voided",
                        "The entry is voided",
                        "Nothing of it counts. Your ballot and proxies are as they were; you can vote from your own "
                                + "ballot link, or ask for help again.",
                        cycleId,
                        null);
            case ALREADY_ANSWERED ->
                new Answered(
                        "Already answered",
                        "This entry was already answered",
                        "It is " + AssistedSteps.state(answer.entry().state())
                                + "; nothing was changed now. Your ballot page lists each step.",
                        cycleId,
                        null);
            case ROUND_CLOSED ->
                new Answered(
                        "Voting is closed",
                        "Voting is closed",
                        "Voting closed before you confirmed this entry, so it was not counted.",
                        cycleId,
                        null);
            case REFUSED ->
                new Answered(
                        "Not confirmed",
                        "This entry could not be confirmed",
                        "It was not counted: " + answer.reason()
                                + ". Ask for help again, or vote from your own ballot link.",
                        cycleId,
                        null);
            case UNKNOWN ->
                new Answered(
                        "Link not valid",
                        "This link is not valid",
                        "Check that you opened the whole link from the message we sent you.",
                        null,
                        null);
        };
    }
}
