package org.primarypipeline.console.voting;

import java.util.Optional;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.voting.AssistedBallots;
import org.primarypipeline.voting.AssistedBallots.Entry;
import org.primarypipeline.voting.AssistedBallots.State;
import org.primarypipeline.voting.Receipt;
import org.primarypipeline.voting.VotingClosedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The member answers an assisted ballot by the link sent to them: confirming casts its ranking through
 * {@link BallotService#cast} (the command the member's own ballot page uses, so the round must still be
 * open and the receipt chain is appended only now) and saves its proxies as the ballot page would;
 * voiding leaves nothing. The entry is locked for the answer, so a double click is processed once and
 * the second press is told what the first did. Each answer is audited as the member's.
 */
@Service
public class AnswerAssistedBallot {

    public enum Result {
        CONFIRMED,
        VOIDED,
        ALREADY_ANSWERED,
        ROUND_CLOSED,
        REFUSED,
        UNKNOWN
    }

    /**
     * The answer: the entry as it now stands, the receipt (with its secret, shown once) of a confirmed
     * ranking, and why a confirmation was refused.
     */
    public record Answer(Result result, Entry entry, Receipt receipt, String reason) {}

    private final AssistedBallots assisted;
    private final BallotService ballots;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    public AnswerAssistedBallot(
            AssistedBallots assisted, BallotService ballots, AuditLog audit, TransactionTemplate transactions) {
        this.assisted = assisted;
        this.ballots = ballots;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** What the link points to, without answering it. */
    public Optional<Entry> peek(String token) {
        return assisted.byToken(token);
    }

    /** {@code token} must be entry {@code id}'s own link's: another member's token finds nothing. */
    public Answer perform(long id, String token, boolean confirm) {
        Answer answer;
        try {
            answer = transactions.execute(tx -> answer(id, token, confirm));
        } catch (VotingClosedException closed) {
            return new Answer(Result.ROUND_CLOSED, assisted.find(id).orElse(null), null, closed.getMessage());
        } catch (IllegalArgumentException | IllegalStateException refused) {
            Entry entry = assisted.find(id).orElseThrow();
            record(entry, Outcome.REFUSED, "confirmation refused: " + refused.getMessage());
            return new Answer(Result.REFUSED, entry, null, refused.getMessage());
        }
        if (answer.result() == Result.CONFIRMED) {
            record(
                    answer.entry(),
                    Outcome.DONE,
                    "the member confirmed assisted ballot " + id + " by their link; it now counts"
                            + (answer.receipt() == null
                                    ? ""
                                    : " (receipt entry #" + answer.receipt().seq() + ")"));
        } else if (answer.result() == Result.VOIDED) {
            record(answer.entry(), Outcome.DONE, "the member voided assisted ballot " + id + " by their link");
        }
        return answer;
    }

    private Answer answer(long id, String token, boolean confirm) {
        Optional<Entry> locked = assisted.lockForAnswer(id, token);
        if (locked.isEmpty()) {
            return new Answer(Result.UNKNOWN, null, null, null);
        }
        Entry entry = locked.get();
        if (entry.state() != State.PENDING) {
            return new Answer(Result.ALREADY_ANSWERED, entry, null, null);
        }
        if (!confirm) {
            assisted.answer(id, State.VOIDED, null);
            return new Answer(Result.VOIDED, assisted.find(id).orElseThrow(), null, null);
        }
        // checked before anything is written, so a closed round refuses without a half-done answer
        ballots.checkBallot(entry.cycleId(), entry.memberId(), entry.ranking());
        Receipt receipt =
                entry.ranking() == null ? null : ballots.cast(entry.cycleId(), entry.memberId(), entry.ranking());
        if (entry.proxies() != null) {
            if (entry.scope() == AssistedBallots.Scope.STANDING) {
                ballots.nameStandingProxies(entry.memberId(), entry.proxies());
            } else {
                ballots.overrideProxies(entry.cycleId(), entry.memberId(), entry.proxies());
            }
        }
        assisted.answer(id, State.CONFIRMED, receipt == null ? null : receipt.seq());
        return new Answer(Result.CONFIRMED, assisted.find(id).orElseThrow(), receipt, null);
    }

    private void record(Entry entry, Outcome outcome, String detail) {
        audit.record(
                "member " + entry.memberId(),
                "MEMBER",
                outcome == Outcome.DONE && entry.state() == State.VOIDED
                        ? "ballot.assisted.voided"
                        : "ballot.assisted.confirmed",
                entry.cycleId() + "/member " + entry.memberId(),
                outcome,
                detail,
                null,
                null);
    }
}
