package org.primarypipeline.console.voting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.primarypipeline.console.web.PublicPage;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.cycles.CycleRecord;
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
            String state,
            String title)
            implements PublicPage {}

    /** The answer; {@code receipt} with its secret when a confirmed ranking was just cast. */
    record Answered(String title, String heading, String message, String cycleId, Receipt receipt)
            implements PublicPage {}

    private final BallotService ballots;
    private final CandidacyRepository candidacies;

    AssistedBallotPages(BallotService ballots, CandidacyRepository candidacies) {
        this.ballots = ballots;
        this.candidacies = candidacies;
    }

    EntryPage entry(String token, Entry e, Language language) {
        CycleRecord cycle = ballots.cycle(e.cycleId());
        List<String> ranking = new ArrayList<>();
        if (e.ranking() != null) {
            for (int i = 0; i < e.ranking().size(); i++) {
                long id = e.ranking().get(i);
                ranking.add((i + 1) + ". "
                        + candidacies
                                .find(e.cycleId(), id)
                                .map(Candidacy::fullName)
                                .orElse(BallotWords.say(language, "assisted.candidacy", "id", id)));
            }
        }
        return new EntryPage(
                e.id(),
                token,
                e.cycleId(),
                cycle.districtId(),
                ballots.memberName(e.memberId()),
                AssistedSteps.at(e.enteredAt(), cycle.districtId(), language),
                e.note().isEmpty() ? null : e.note(),
                ranking,
                !ranking.isEmpty(),
                e.proxies() == null ? null : proxies(e, language),
                e.state() == AssistedBallots.State.PENDING,
                ballots.roundOpen(cycle),
                AssistedSteps.state(e.state(), language),
                BallotWords.say(language, "assisted.title"));
    }

    private static String proxies(Entry e, Language language) {
        return BallotWords.say(
                language,
                e.scope() == AssistedBallots.Scope.STANDING ? "assisted.proxies-standing" : "assisted.proxies-cycle",
                "list",
                BallotPages.describe(e.proxies(), language));
    }

    static Answered answered(AnswerAssistedBallot.Answer answer, Language language) {
        String cycleId = answer.entry() == null ? null : answer.entry().cycleId();
        String key = "assisted.answer-"
                + answer.result().name().toLowerCase(Locale.ROOT).replace('_', '-');
        String state =
                answer.entry() == null ? "" : AssistedSteps.state(answer.entry().state(), language);
        String reason = answer.reason() == null ? "" : answer.reason();
        return new Answered(
                BallotWords.say(language, key + "-title"),
                BallotWords.say(language, key + "-heading"),
                BallotWords.say(language, key, "state", state, "reason", reason),
                answer.result() == AnswerAssistedBallot.Result.UNKNOWN ? null : cycleId,
                answer.result() == AnswerAssistedBallot.Result.CONFIRMED ? answer.receipt() : null);
    }

    /** An answer refused before anything was read: {@code key} is {@code refused} or {@code choose}. */
    static Answered refused(String key, Language language) {
        String k = "assisted.answer-" + key;
        return new Answered(
                BallotWords.say(language, k + "-title"),
                BallotWords.say(language, k + "-heading"),
                BallotWords.say(language, k),
                null,
                null);
    }
}
