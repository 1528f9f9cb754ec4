package org.primarypipeline.voting;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.vote.DecisiveComparison;
import org.primarypipeline.core.vote.IndexedVoteInput;
import org.primarypipeline.core.vote.VoteResult;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.vetting.Candidacy;
import org.primarypipeline.vetting.CandidacyRepository;
import org.primarypipeline.vetting.CandidateAnnouncements;
import org.primarypipeline.vetting.CandidateStep;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
public class BallotActivitiesImpl implements BallotActivities {

    private static final SecureRandom SEEDS = new SecureRandom();

    private final BallotBox box;
    private final BallotLinks links;
    private final BallotWeights weights;
    private final CycleCounter counter;
    private final CycleRepository cycles;
    private final CandidacyRepository candidacies;
    private final JdbcClient jdbc;
    private final RoundMessages messages;
    private final CandidateAnnouncements announcements;

    public BallotActivitiesImpl(
            BallotBox box,
            BallotLinks links,
            BallotWeights weights,
            CycleCounter counter,
            CycleRepository cycles,
            CandidacyRepository candidacies,
            JdbcClient jdbc,
            RoundMessages messages,
            CandidateAnnouncements announcements) {
        this.box = box;
        this.links = links;
        this.weights = weights;
        this.counter = counter;
        this.cycles = cycles;
        this.candidacies = candidacies;
        this.jdbc = jdbc;
        this.messages = messages;
        this.announcements = announcements;
    }

    @Override
    @Transactional
    public VotingOpened openVoting(String cycleId) {
        CycleRecord cycle = cycles.find(cycleId).orElseThrow();
        int electorate = box.freezeElectorate(cycleId);
        long seed = box.publishSeed(cycleId, SEEDS.nextLong());
        int queued = links.queueOpeningLinks(cycle);
        cycles.record(
                cycleId,
                CycleStage.VOTING_ROUND,
                "ELECTORATE_FROZEN",
                electorate + " members; tie-break seed " + seed + " published",
                "system",
                "electorate-frozen");
        return new VotingOpened(electorate, seed, queued, messages.reminderBefore());
    }

    @Override
    @Transactional
    public RoundOpening closeNominationsAndOpenVoting(String cycleId, Instant closes, String detail, boolean announce) {
        int onBallot = candidacies.ballot(cycleId).size();
        if (onBallot == 0) {
            return new RoundOpening(0, null);
        }
        if (announce) {
            announcements.announce(cycleId, CandidateStep.ON_BALLOT);
        }
        CycleStage stage = CycleStage.VOTING_ROUND;
        cycles.enterStage(cycleId, stage, closes, 0, detail, CycleRepository.stageKey(stage, 0, closes));
        VotingOpened opened = openVoting(cycleId);
        if (announce) {
            announcements.announce(cycleId, CandidateStep.VOTING_OPEN);
        }
        return new RoundOpening(onBallot, opened);
    }

    @Override
    public int remind(String cycleId) {
        return messages.remind(cycleId);
    }

    @Override
    public BallotSeal seal(String cycleId, String actor, String reason) {
        BallotSeal seal = box.seal(cycleId, actor, reason);
        cycles.record(
                cycleId,
                CycleStage.VOTING_ROUND,
                "SEALED",
                "voting closed at " + seal.sealedAt() + " (" + seal.reason() + "): receipt chain sealed at "
                        + seal.chainLength() + " entries, head " + seal.headHash(),
                seal.actor(),
                "sealed:" + seal.sealNo());
        return seal;
    }

    @Override
    @Transactional
    public void reopen(String cycleId, String reason) {
        box.sealInForce(cycleId).ifPresent(seal -> {
            box.reopen(cycleId, reason);
            cycles.record(
                    cycleId,
                    CycleStage.VOTING_ROUND,
                    "REOPENED",
                    "voting open again (" + reason + "); the seal of " + seal.sealedAt() + " stays on record",
                    "system",
                    "reopened:" + seal.sealNo());
        });
    }

    @Override
    @Transactional
    public TallySummary tally(String cycleId) {
        // the round is sealed before anything is counted (a no-op after an early close): the count reads
        // the sealed chain, and no ballot arrives while it runs
        BallotSeal seal = seal(cycleId, "system", "the voting deadline passed");
        int setAside = box.freezeProxies(cycleId);
        CycleCounter.Count count = counter.count(cycleId);
        CycleRecord cycle = count.cycle();
        IndexedVoteInput input = count.input();
        Set<String> offBallot = count.offBallot();
        VoteResult result = count.result();
        boolean quorum = result.quorumMet(cycle.settings().quorumShare());
        Long winner = quorum && result.winner() != null ? Long.valueOf(result.winner()) : null;
        Long runnerUp = quorum && result.runnerUp() != null ? Long.valueOf(result.runnerUp()) : null;
        double margin = margin(result);
        Receipt head = new Receipt(seal.chainLength(), seal.headHash());
        jdbc.sql("""
                insert into cycle_result (cycle_id, method, policy, seed, electorate, exercised_units, total_units,
                                          quorum_met, winner, runner_up, margin_share, result, chain_head, chain_length,
                                          ballots, electorate_print, proxies_print, proxy_rows)
                values (:cycle, :method, :policy, :seed, :electorate, :exercised, :total, :quorum, :winner, :runnerUp,
                        :margin, cast(:result as jsonb), :head, :length, :ballots, :electoratePrint, :proxiesPrint,
                        :proxyRows)
                on conflict (cycle_id) do update set method = excluded.method, policy = excluded.policy,
                    seed = excluded.seed, electorate = excluded.electorate, exercised_units = excluded.exercised_units,
                    total_units = excluded.total_units, quorum_met = excluded.quorum_met, winner = excluded.winner,
                    runner_up = excluded.runner_up, margin_share = excluded.margin_share, result = excluded.result,
                    chain_head = excluded.chain_head, chain_length = excluded.chain_length, ballots = excluded.ballots,
                    electorate_print = excluded.electorate_print, proxies_print = excluded.proxies_print,
                    proxy_rows = excluded.proxy_rows, computed_at = now()
                """)
                .param("cycle", cycleId)
                .param("method", cycle.settings().method())
                .param("policy", cycle.settings().policy())
                .param("seed", input.seed())
                .param("electorate", result.electorate())
                .param("exercised", result.exercisedUnits())
                .param("total", result.totalUnits())
                .param("quorum", quorum)
                .param("winner", winner)
                .param("runnerUp", runnerUp)
                .param("margin", margin)
                .param("result", ResultDocument.of(result, offBallot, count.names()))
                .param("head", head.code())
                .param("length", head.seq())
                .param("ballots", input.ballotCount())
                .param("electoratePrint", count.rows().electoratePrint())
                .param("proxiesPrint", count.rows().proxiesPrint())
                .param("proxyRows", count.rows().proxyCount())
                .update();
        weights.store(cycleId, result);
        String detail = quorum
                ? "winner " + name(cycleId, winner) + "; exercised "
                        + result.exercisedUnits().toPlainString() + " of "
                        + result.totalUnits().toPlainString() + " units; " + decision(result, count.names())
                : "quorum not met: exercised " + result.exercisedUnits().toPlainString() + " of "
                        + result.totalUnits().toPlainString() + " units (needed "
                        + percent(cycle.settings().quorumShare().doubleValue()) + ")";
        if (setAside > 0) {
            detail += "; " + setAside + " proxy list(s) naming someone outside the electorate set aside";
        }
        detail += "; receipt chain head " + head.code() + " (" + head.seq() + " entries)";
        cycles.record(
                cycleId,
                CycleStage.VOTING_ROUND,
                "TALLIED",
                detail,
                "system",
                "tallied:" + input.ballotCount() + ":" + head.seq() + ":" + String.join(",", offBallot));
        return new TallySummary(
                result.electorate(),
                result.exercisedUnits().toPlainString(),
                result.totalUnits().toPlainString(),
                quorum,
                winner,
                runnerUp,
                margin,
                input.ballotCount(),
                quorum && result.decidedByLot());
    }

    /**
     * The decisive comparison in words, with people's names: "decided by lot: ..." when a draw settled it,
     * so that nobody reads a one-sided last round as a clear win.
     */
    public static String decision(VoteResult result, UnaryOperator<String> names) {
        DecisiveComparison d = result.decisive();
        String versus = d.rival() == null
                ? names.apply(d.winner()) + " stood alone"
                : names.apply(d.winner()) + " against " + names.apply(d.rival()) + " in round " + d.round() + ", "
                        + d.margin().stripTrailingZeros().toPlainString() + " units apart";
        String margin = "margin " + percent(margin(result)) + " (" + versus + ")";
        return result.decidedByLot() ? "decided by lot: " + result.tieBreak(names) + "; " + margin : margin;
    }

    private String name(String cycleId, Long candidacyId) {
        return candidacyId == null
                ? "none"
                : candidacies
                        .find(cycleId, candidacyId)
                        .map(Candidacy::fullName)
                        .orElse("#" + candidacyId);
    }

    /**
     * The margin at the decisive comparison (IRV: the last two before the final elimination; Schulze:
     * the weakest link of the winner's closest path; plurality: first against second), as a share of
     * exercised units. Not the last round's: after a tie settled by lot that round is one-sided.
     */
    public static double margin(VoteResult result) {
        return result.marginShare().doubleValue();
    }

    private static String percent(double share) {
        return String.format("%.1f%%", share * 100);
    }

    /** The stored result: totals and rounds, enough to show and to check a recount against. */
    public static final class ResultDocument {
        private ResultDocument() {}

        /** {@code names} writes the tie note for people; everything compared by the recount stays in ids. */
        public static String of(VoteResult result, Set<String> offBallot, UnaryOperator<String> names) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("electorate", result.electorate());
            doc.put("totalUnits", result.totalUnits().toPlainString());
            doc.put("exercisedUnits", result.exercisedUnits().toPlainString());
            doc.put("unexercisedUnits", result.unexercisedUnits().toPlainString());
            // by cause, for the public results page
            doc.put("unexercisedDeadEnds", result.unexercisedDeadEnds().toPlainString());
            doc.put("unexercisedCycles", result.unexercisedCycles().toPlainString());
            doc.put("winner", result.winner());
            doc.put("runnerUp", result.runnerUp());
            doc.put("tieBreak", result.tieBreak());
            doc.put("tieNote", result.tieBreak(names));
            DecisiveComparison d = result.decisive();
            Map<String, Object> decisive = new LinkedHashMap<>();
            decisive.put("winner", d.winner());
            decisive.put("rival", d.rival());
            decisive.put("round", d.round());
            decisive.put("margin", d.margin().toPlainString());
            decisive.put("marginShare", result.marginShare().toPlainString());
            doc.put("decisive", decisive);
            doc.put("decidedByLot", result.decidedByLot());
            doc.put("offBallot", offBallot.stream().sorted().toList());
            doc.put(
                    "rounds",
                    result.rounds().stream()
                            .map(r -> {
                                Map<String, Object> round = new LinkedHashMap<>();
                                Map<String, String> tallies = new LinkedHashMap<>();
                                r.tallies().forEach((k, v) -> tallies.put(k, v.toPlainString()));
                                round.put("tallies", tallies);
                                round.put("exhausted", r.exhausted().toPlainString());
                                round.put("eliminated", r.eliminated());
                                return round;
                            })
                            .toList());
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(doc);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
