package org.primarypipeline.console.voting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.primarypipeline.console.cycles.UnknownCycleException;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.cycle.CycleStatus;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.supporters.MemberRepository;
import org.primarypipeline.supporters.MemberRepository.ProxyChoice;
import org.primarypipeline.vetting.Candidacy;
import org.primarypipeline.vetting.CandidacyRepository;
import org.primarypipeline.voting.BallotBox;
import org.primarypipeline.voting.BallotSeal;
import org.primarypipeline.voting.ProxyLists;
import org.primarypipeline.voting.Receipt;
import org.primarypipeline.voting.ReceiptMail;
import org.primarypipeline.voting.VotingClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * What a member does with their vote, wherever they do it (ballot page, REST, command line): cast or
 * change a ballot while the round is open, name proxies for good or for one cycle. Each rule is checked
 * against PostgreSQL, so nothing here touches a workflow's history.
 */
@Service
public class BallotService {

    private static final Logger log = LoggerFactory.getLogger(BallotService.class);

    /** A nominee on the member's ballot page and the rank the member gave them (null: not ranked). */
    public record Nominee(long candidacyId, String name, Integer rank) {}

    private final CycleRepository cycles;
    private final CandidacyRepository candidacies;
    private final BallotBox ballots;
    private final ProxyLists proxies;
    private final Clock clock;
    private final MemberRepository members;
    private final ReceiptMail receiptMail;

    public BallotService(
            CycleRepository cycles,
            CandidacyRepository candidacies,
            BallotBox ballots,
            ProxyLists proxies,
            ObjectProvider<Clock> clock,
            MemberRepository members,
            ReceiptMail receiptMail) {
        this.members = members;
        this.receiptMail = receiptMail;
        this.cycles = cycles;
        this.candidacies = candidacies;
        this.ballots = ballots;
        this.proxies = proxies;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Stores or replaces the member's ballot; the receipt is new each time and only the latest counts.
     * The returned receipt carries the ballot's secret, for the member only.
     *
     * @throws VotingClosedException when the round is sealed or past its deadline (checked again under
     *     the chain's lock when the ballot is appended)
     */
    public Receipt cast(String cycleId, long memberId, List<Long> ranking) {
        return cast(cycleId, memberId, ranking, null);
    }

    /**
     * As {@link #cast(String, long, List)}, from the ballot page's form, which shows the member's ballot
     * as of receipt {@code shownSeq} (0: none; null: not known): the same form sent twice is stored
     * once, and the second answer carries the stored receipt without its secret ({@link
     * BallotBox#castOnce}).
     */
    public Receipt cast(String cycleId, long memberId, List<Long> ranking, Long shownSeq) {
        checkBallot(cycleId, memberId, ranking);
        require(ranking != null, "rank at least one nominee");
        Receipt receipt = shownSeq == null
                ? ballots.castForReceipt(cycleId, memberId, ranking)
                : ballots.castOnce(cycleId, memberId, ranking, shownSeq);
        if (receipt.secret() == null) {
            // a form sent twice: its receipt was mailed when it was stored
            return receipt;
        }
        try {
            receiptMail.queue(cycleId, memberId, receipt);
        } catch (RuntimeException mailFailed) {
            // the ballot is stored and its page shows the receipt and secret; only the copy by mail is lost
            log.warn("receipt #{} of cycle {} not queued for mailing", receipt.seq(), cycleId, mailFailed);
        }
        return receipt;
    }

    /**
     * What {@link #cast} checks before appending (the round open, the member in its electorate, a
     * ranking of nominees on the ballot, each once), without appending; {@code ranking} null checks only
     * the round and the member.
     */
    public void checkBallot(String cycleId, long memberId, List<Long> ranking) {
        CycleRecord cycle = openRound(cycleId);
        require(ballots.inElectorate(cycleId, memberId), "member " + memberId + " is not in this round's electorate");
        if (ranking == null) {
            return;
        }
        require(!ranking.isEmpty(), "rank at least one nominee");
        require(new HashSet<>(ranking).size() == ranking.size(), "a nominee appears twice in the ranking");
        Set<Long> onBallot = new HashSet<>();
        candidacies.ballot(cycle.id()).forEach(c -> onBallot.add(c.id()));
        for (Long nominee : ranking) {
            require(nominee != null && onBallot.contains(nominee), "candidacy " + nominee + " is not on this ballot");
        }
    }

    /** The member's standing list, reused by every later cycle of their group. */
    public void nameStandingProxies(long memberId, List<ProxyChoice> choices) {
        proxies.replaceStanding(memberId, choices);
    }

    /** A list for this cycle only; taken until the round is counted. */
    public void overrideProxies(String cycleId, long memberId, List<ProxyChoice> choices) {
        beforeTheCount(cycleId);
        proxies.overrideForCycle(cycleId, memberId, choices);
    }

    public void clearOverride(String cycleId, long memberId) {
        beforeTheCount(cycleId);
        proxies.clearOverride(cycleId, memberId);
    }

    public ProxyLists.Lists proxies(String cycleId, long memberId) {
        return proxies.of(cycleId, memberId);
    }

    /** The ballot's nominees by name, with the member's own ranks filled in: for that member's page only. */
    public List<Nominee> ownBallot(String cycleId, long memberId) {
        Map<Long, Integer> ranks = new HashMap<>();
        ballots.ownBallot(cycleId, memberId).ifPresent(b -> {
            for (int i = 0; i < b.ranking().size(); i++) {
                ranks.put(b.ranking().get(i), i + 1);
            }
        });
        List<Nominee> nominees = new ArrayList<>();
        for (Candidacy c : candidacies.ballot(cycleId)) {
            nominees.add(new Nominee(c.id(), c.fullName(), ranks.get(c.id())));
        }
        nominees.sort(Comparator.comparing(Nominee::name).thenComparing(Nominee::candidacyId));
        return nominees;
    }

    /** Who votes in the round: the members who had joined by this instant (empty before it opens). */
    public Optional<java.time.Instant> electorateCutoff(String cycleId) {
        return ballots.electorateCutoff(cycleId);
    }

    public Optional<Receipt> receipt(String cycleId, long memberId) {
        return ballots.ownBallot(cycleId, memberId).map(BallotBox.OwnBallot::receipt);
    }

    /** The member's own language, for the pages of their ballot. */
    public org.primarypipeline.console.web.i18n.Language memberLanguage(long memberId) {
        return org.primarypipeline.console.web.i18n.Language.of(members.locale(memberId));
    }

    public String memberName(long memberId) {
        return members.fullName(memberId).orElse("member " + memberId);
    }

    public CycleRecord cycle(String cycleId) {
        return cycles.find(cycleId).orElseThrow(() -> new UnknownCycleException(cycleId));
    }

    /** Ballots and proxy lists are taken: voting round, deadline ahead, and the round not sealed. */
    public boolean roundOpen(CycleRecord cycle) {
        return cycle.status() == CycleStatus.RUNNING
                && cycle.stage() == CycleStage.VOTING_ROUND
                && (cycle.stageDeadline() == null || clock.instant().isBefore(cycle.stageDeadline()))
                && ballots.sealInForce(cycle.id()).isEmpty();
    }

    /** When voting closed: the seal's time, else the deadline once passed; empty while the round is open. */
    public Optional<Instant> closedAt(CycleRecord cycle) {
        Optional<Instant> sealed = ballots.sealInForce(cycle.id()).map(BallotSeal::sealedAt);
        if (sealed.isPresent()) {
            return sealed;
        }
        return Optional.ofNullable(cycle.stageDeadline())
                .filter(d -> !clock.instant().isBefore(d));
    }

    private CycleRecord openRound(String cycleId) {
        CycleRecord cycle = cycle(cycleId);
        Optional<BallotSeal> sealed = ballots.sealInForce(cycleId);
        if (sealed.isPresent()) {
            throw new VotingClosedException(cycleId, sealed.get().sealedAt());
        }
        if (cycle.status() != CycleStatus.RUNNING) {
            throw new IllegalStateException(
                    "cycle " + cycleId + " has ended (" + cycle.status().name().toLowerCase() + ")");
        }
        if (cycle.stage() != CycleStage.VOTING_ROUND) {
            throw new IllegalStateException("ballots are cast in the voting round; cycle " + cycleId + " is in "
                    + cycle.stage().title().toLowerCase());
        }
        if (!roundOpen(cycle)) {
            throw new VotingClosedException(cycleId, cycle.stageDeadline());
        }
        return cycle;
    }

    private void beforeTheCount(String cycleId) {
        CycleRecord cycle = cycle(cycleId);
        boolean early = cycle.stage() == CycleStage.PLEDGE_VETTING || cycle.stage() == CycleStage.NOMINATION_WINDOW;
        if (cycle.status() != CycleStatus.RUNNING || !(early || roundOpen(cycle))) {
            throw new IllegalStateException(
                    "cycle " + cycleId + " has been counted or has ended; its proxy lists " + "are frozen");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
