package org.primarypipeline.activities.certification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.primarypipeline.activities.ballot.BallotActivitiesImpl.ResultDocument;
import org.primarypipeline.activities.ballot.CycleCounter;
import org.primarypipeline.activities.cycle.CycleRepository;
import org.primarypipeline.activities.outbox.Channel;
import org.primarypipeline.activities.outbox.OutboundMessage;
import org.primarypipeline.activities.outbox.Outbox;
import org.primarypipeline.activities.vetting.Candidacy;
import org.primarypipeline.activities.vetting.CandidacyRepository;
import org.primarypipeline.activities.vetting.VettingActivities;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.vote.VoteResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
public class CertificationActivitiesImpl implements CertificationActivities {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CycleCounter counter;
    private final CycleRepository cycles;
    private final CandidacyRepository candidacies;
    private final VettingActivities vetting;
    private final Outbox outbox;
    private final JdbcClient jdbc;

    public CertificationActivitiesImpl(CycleCounter counter, CycleRepository cycles, CandidacyRepository candidacies,
                                       VettingActivities vetting, Outbox outbox, JdbcClient jdbc) {
        this.counter = counter;
        this.cycles = cycles;
        this.candidacies = candidacies;
        this.vetting = vetting;
        this.outbox = outbox;
        this.jdbc = jdbc;
    }

    @Override
    public RecountOutcome recount(String cycleId, String actor) {
        CycleCounter.Count count = counter.count(cycleId);
        String stored = jdbc.sql("select result::text from cycle_result where cycle_id = ?").param(cycleId)
                .query(String.class).optional().orElse(null);
        RecountOutcome outcome;
        if (stored == null) {
            outcome = new RecountOutcome(false, "no stored result to compare with");
        } else {
            JsonNode recounted = parse(ResultDocument.of(count.result(), count.offBallot()));
            JsonNode original = parse(stored);
            outcome = recounted.equals(original)
                    ? new RecountOutcome(true, "recount matches: winner " + count.result().winner() + ", "
                            + count.result().rounds().size() + " rounds, " + count.input().ballots().size() + " ballots")
                    : new RecountOutcome(false, "recount differs from the stored result: stored " + original
                            + " recounted " + recounted);
        }
        cycles.record(cycleId, CycleStage.CERTIFICATION, outcome.matches() ? "RECOUNT_MATCHED" : "RECOUNT_DIFFERED",
                outcome.detail(), actor, "recount:" + callId());
        return outcome;
    }

    @Override
    @Transactional
    public Long replaceWithdrawnWinner(String cycleId, long withdrawnCandidacyId, String actor) {
        vetting.withdraw(cycleId, withdrawnCandidacyId, actor);
        CycleCounter.Count count = counter.count(cycleId);
        VoteResult result = count.result();
        Long winner = result.winner() == null ? null : Long.valueOf(result.winner());
        Long runnerUp = result.runnerUp() == null ? null : Long.valueOf(result.runnerUp());
        jdbc.sql("update cycle_result set winner = ?, runner_up = ?, result = cast(? as jsonb), computed_at = now() where cycle_id = ?")
                .params(winner, runnerUp, ResultDocument.of(result, count.offBallot()), cycleId).update();
        String name = winner == null ? "nobody" : candidacies.find(cycleId, winner).map(Candidacy::fullName).orElse("#" + winner);
        cycles.record(cycleId, CycleStage.CERTIFICATION, "RUNNER_UP_PROMOTED",
                "winner withdrew; from the same ballots the winner is now " + name, actor,
                "runner-up:" + withdrawnCandidacyId);
        return winner;
    }

    @Override
    @Transactional
    public void certify(String cycleId, long candidacyId, List<String> approvers) {
        Candidacy winner = candidacies.find(cycleId, candidacyId).orElseThrow();
        cycles.record(cycleId, CycleStage.CERTIFICATION, "CERTIFIED",
                winner.fullName() + " certified by " + String.join(" and ", approvers), String.join(",", approvers),
                "certified:" + candidacyId);
        if (winner.email() != null) {
            outbox.enqueue(new OutboundMessage("cycle:" + cycleId + ":certified:candidacy:" + candidacyId,
                    Channel.EMAIL, winner.email(), "candidate-certified",
                    Map.of("candidateName", winner.fullName(), "cycleId", cycleId)));
        }
    }

    /** Stable across retries of one activity call, so a retry notes the recount once. */
    private static String callId() {
        try {
            var info = io.temporal.activity.Activity.getExecutionContext().getInfo();
            return info.getWorkflowId() + ":" + info.getActivityId();
        } catch (IllegalStateException | NullPointerException notInAnActivity) {
            return java.util.UUID.randomUUID().toString();
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored result", e);
        }
    }
}
