package org.primarypipeline.certification;

import java.util.List;
import java.util.Map;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.vote.VoteResult;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.outreach.Outbox;
import org.primarypipeline.vetting.Candidacy;
import org.primarypipeline.vetting.CandidacyRepository;
import org.primarypipeline.vetting.VettingActivities;
import org.primarypipeline.voting.BallotActivitiesImpl.ResultDocument;
import org.primarypipeline.voting.CycleCounter;
import org.primarypipeline.voting.RoundMessages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
public class CertificationActivitiesImpl implements CertificationActivities {

    private final CycleCounter counter;
    private final CycleRepository cycles;
    private final CandidacyRepository candidacies;
    private final VettingActivities vetting;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final ObjectProvider<RecountRunner> recountRunner;
    private final DirectRecount directRecount;
    private final RoundMessages roundMessages;

    public CertificationActivitiesImpl(
            CycleCounter counter,
            CycleRepository cycles,
            CandidacyRepository candidacies,
            VettingActivities vetting,
            Outbox outbox,
            JdbcClient jdbc,
            ObjectProvider<RecountRunner> recountRunner,
            DirectRecount directRecount,
            RoundMessages roundMessages) {
        this.roundMessages = roundMessages;
        this.recountRunner = recountRunner;
        this.directRecount = directRecount;
        this.counter = counter;
        this.cycles = cycles;
        this.candidacies = candidacies;
        this.vetting = vetting;
        this.outbox = outbox;
        this.jdbc = jdbc;
    }

    /**
     * Runs the recount job (or, without batch-jobs on the classpath, the same checks directly) and notes
     * the outcome on the timeline. A recount that could not run at all throws, so Temporal retries it.
     */
    @Override
    public RecountOutcome recount(String cycleId, String actor) {
        RecountRunner runner = recountRunner.getIfAvailable();
        RecountOutcome outcome =
                runner != null ? runner.recount(cycleId, actor) : directRecount.recount(cycleId, actor);
        cycles.record(
                cycleId,
                CycleStage.CERTIFICATION,
                outcome.matches() ? "RECOUNT_MATCHED" : "RECOUNT_DIFFERED",
                outcome.detail(),
                actor,
                "recount:" + callId());
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
        jdbc.sql(
                        "update cycle_result set winner = ?, runner_up = ?, result = cast(? as jsonb), computed_at = now() where cycle_id = ?")
                .params(winner, runnerUp, ResultDocument.of(result, count.offBallot(), count.names()), cycleId)
                .update();
        String name = winner == null
                ? "nobody"
                : candidacies.find(cycleId, winner).map(Candidacy::fullName).orElse("#" + winner);
        cycles.record(
                cycleId,
                CycleStage.CERTIFICATION,
                "RUNNER_UP_PROMOTED",
                "winner withdrew; from the same ballots the winner is now " + name,
                actor,
                "runner-up:" + withdrawnCandidacyId);
        return winner;
    }

    @Override
    @Transactional
    public void certify(String cycleId, long candidacyId, List<String> approvers) {
        Candidacy winner = candidacies.find(cycleId, candidacyId).orElseThrow();
        cycles.record(
                cycleId,
                CycleStage.CERTIFICATION,
                "CERTIFIED",
                winner.fullName() + " certified by " + String.join(" and ", approvers),
                String.join(",", approvers),
                "certified:" + candidacyId);
        if (winner.email() != null) {
            outbox.enqueue(new OutboundMessage(
                            "cycle:" + cycleId + ":certified:candidacy:" + candidacyId,
                            Channel.EMAIL,
                            winner.email(),
                            "candidate-certified",
                            Map.of(
                                    "candidateName",
                                    winner.fullName(),
                                    "cycleId",
                                    cycleId,
                                    "districtId",
                                    cycleId.substring(0, cycleId.lastIndexOf('-'))))
                    .asTransactional());
        }
        // every member of the group hears the certified result, with the public results page
        roundMessages.result(cycleId, candidacyId);
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
}
