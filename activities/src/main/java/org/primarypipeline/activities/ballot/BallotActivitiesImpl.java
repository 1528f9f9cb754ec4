package org.primarypipeline.activities.ballot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.primarypipeline.activities.cycle.CycleRecord;
import org.primarypipeline.activities.cycle.CycleRepository;
import org.primarypipeline.activities.outbox.Channel;
import org.primarypipeline.activities.outbox.OutboundMessage;
import org.primarypipeline.activities.outbox.Outbox;
import org.primarypipeline.activities.vetting.Candidacy;
import org.primarypipeline.activities.vetting.CandidacyRepository;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.vote.Round;
import org.primarypipeline.core.vote.VoteInput;
import org.primarypipeline.core.vote.VoteResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
public class BallotActivitiesImpl implements BallotActivities {

    private static final SecureRandom SEEDS = new SecureRandom();

    private final BallotBox box;
    private final CycleCounter counter;
    private final CycleRepository cycles;
    private final CandidacyRepository candidacies;
    private final Outbox outbox;
    private final JdbcClient jdbc;

    public BallotActivitiesImpl(BallotBox box, CycleCounter counter, CycleRepository cycles,
                                CandidacyRepository candidacies, Outbox outbox, JdbcClient jdbc) {
        this.box = box;
        this.counter = counter;
        this.cycles = cycles;
        this.candidacies = candidacies;
        this.outbox = outbox;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public VotingOpened openVoting(String cycleId) {
        CycleRecord cycle = cycles.find(cycleId).orElseThrow();
        int electorate = box.freezeElectorate(cycleId);
        long seed = box.publishSeed(cycleId, SEEDS.nextLong());
        List<OutboundMessage> links = jdbc.sql("""
                select m.id, m.full_name, m.email from electorate e join member m on m.id = e.member_id
                where e.cycle_id = ? and m.email is not null order by m.id
                """).param(cycleId).query((rs, n) -> new OutboundMessage(
                        "cycle:" + cycleId + ":ballot-link:member:" + rs.getLong("id"), Channel.EMAIL,
                        rs.getString("email"), "ballot-link",
                        Map.of("memberName", rs.getString("full_name"), "memberId", rs.getLong("id"),
                                "cycleId", cycleId, "districtId", cycle.districtId(),
                                "deadline", String.valueOf(cycle.stageDeadline()))))
                .list();
        int queued = outbox.enqueueAll(links);
        cycles.record(cycleId, CycleStage.VOTING_ROUND, "ELECTORATE_FROZEN",
                electorate + " members; tie-break seed " + seed + " published", "system", "electorate-frozen");
        return new VotingOpened(electorate, seed, queued);
    }

    @Override
    @Transactional
    public TallySummary tally(String cycleId) {
        CycleCounter.Count count = counter.count(cycleId);
        CycleRecord cycle = count.cycle();
        VoteInput input = count.input();
        Set<String> offBallot = count.offBallot();
        VoteResult result = count.result();
        boolean quorum = result.quorumMet(cycle.settings().quorumShare());
        Long winner = quorum && result.winner() != null ? Long.valueOf(result.winner()) : null;
        Long runnerUp = quorum && result.runnerUp() != null ? Long.valueOf(result.runnerUp()) : null;
        double margin = margin(result);
        jdbc.sql("""
                insert into cycle_result (cycle_id, method, policy, seed, electorate, exercised_units, total_units,
                                          quorum_met, winner, runner_up, margin_share, result)
                values (:cycle, :method, :policy, :seed, :electorate, :exercised, :total, :quorum, :winner, :runnerUp,
                        :margin, cast(:result as jsonb))
                on conflict (cycle_id) do update set method = excluded.method, policy = excluded.policy,
                    seed = excluded.seed, electorate = excluded.electorate, exercised_units = excluded.exercised_units,
                    total_units = excluded.total_units, quorum_met = excluded.quorum_met, winner = excluded.winner,
                    runner_up = excluded.runner_up, margin_share = excluded.margin_share, result = excluded.result,
                    computed_at = now()
                """)
                .param("cycle", cycleId).param("method", cycle.settings().method())
                .param("policy", cycle.settings().policy()).param("seed", input.seed())
                .param("electorate", result.electorate()).param("exercised", result.exercisedUnits())
                .param("total", result.totalUnits()).param("quorum", quorum).param("winner", winner)
                .param("runnerUp", runnerUp).param("margin", margin)
                .param("result", ResultDocument.of(result, offBallot))
                .update();
        String detail = quorum
                ? "winner " + name(cycleId, winner) + "; exercised " + result.exercisedUnits().toPlainString()
                        + " of " + result.totalUnits().toPlainString() + " units; margin " + percent(margin)
                : "quorum not met: exercised " + result.exercisedUnits().toPlainString() + " of "
                        + result.totalUnits().toPlainString() + " units (needed "
                        + percent(cycle.settings().quorumShare().doubleValue()) + ")";
        cycles.record(cycleId, CycleStage.VOTING_ROUND, "TALLIED", detail, "system",
                "tallied:" + input.ballots().size() + ":" + String.join(",", offBallot));
        return new TallySummary(result.electorate(), result.exercisedUnits().toPlainString(),
                result.totalUnits().toPlainString(), quorum, winner, runnerUp, margin, input.ballots().size());
    }

    private String name(String cycleId, Long candidacyId) {
        return candidacyId == null ? "none"
                : candidacies.find(cycleId, candidacyId).map(Candidacy::fullName).orElse("#" + candidacyId);
    }

    /** The final round's lead of the first over the second, as a share of exercised units. */
    static double margin(VoteResult result) {
        if (result.rounds().isEmpty() || result.exercisedUnits().signum() == 0) {
            return 0;
        }
        Round last = result.rounds().get(result.rounds().size() - 1);
        List<BigDecimal> tallies = last.tallies().values().stream().sorted(Comparator.reverseOrder()).toList();
        BigDecimal first = tallies.isEmpty() ? BigDecimal.ZERO : tallies.get(0);
        BigDecimal second = tallies.size() < 2 ? BigDecimal.ZERO : tallies.get(1);
        return first.subtract(second).divide(result.exercisedUnits(), 9, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static String percent(double share) {
        return String.format("%.1f%%", share * 100);
    }

    /** The stored result: totals and rounds, enough to show and to check a recount against. */
    public static final class ResultDocument {
        private ResultDocument() {
        }

        public static String of(VoteResult result, Set<String> offBallot) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("electorate", result.electorate());
            doc.put("totalUnits", result.totalUnits().toPlainString());
            doc.put("exercisedUnits", result.exercisedUnits().toPlainString());
            doc.put("unexercisedUnits", result.unexercisedUnits().toPlainString());
            doc.put("winner", result.winner());
            doc.put("runnerUp", result.runnerUp());
            doc.put("tieBreak", result.tieBreak());
            doc.put("offBallot", offBallot.stream().sorted().toList());
            doc.put("rounds", result.rounds().stream().map(r -> {
                Map<String, Object> round = new LinkedHashMap<>();
                Map<String, String> tallies = new LinkedHashMap<>();
                r.tallies().forEach((k, v) -> tallies.put(k, v.toPlainString()));
                round.put("tallies", tallies);
                round.put("exhausted", r.exhausted().toPlainString());
                round.put("eliminated", r.eliminated());
                return round;
            }).toList());
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(doc);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
