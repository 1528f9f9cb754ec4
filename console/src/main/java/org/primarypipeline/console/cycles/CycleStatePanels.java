package org.primarypipeline.console.cycles;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.primarypipeline.console.web.Format;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.cycle.CycleStatus;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.workflows.cycle.CycleView;
import org.springframework.stereotype.Component;

/**
 * Where a cycle stands, for the page: the live panel, the stage steps and which action forms fit. The
 * workflow's view wins over PostgreSQL's record when Temporal knows the cycle.
 */
@Component
class CycleStatePanels {

    private final Format format;
    private final Clock clock;

    CycleStatePanels(Format format, Clock clock) {
        this.format = format;
        this.clock = clock;
    }

    CyclePage.Live live(CycleRecord cycle, CycleView live, Map<Long, String> names, String username) {
        Instant now = clock.instant();
        CycleStage stage = live != null ? live.stage() : cycle.stage();
        CycleStatus status = live != null ? live.status() : cycle.status();
        // an ended cycle has no window left to close, so no deadline (and never "overdue")
        Instant deadline =
                status != CycleStatus.RUNNING ? null : live != null ? live.deadline() : cycle.stageDeadline();
        int extensions = live != null ? live.automaticExtensions() : cycle.extensions();
        List<String> approvals = live == null ? null : live.certifiedBy();
        String winner = live == null || live.winnerCandidacyId() == null
                ? null
                : names.getOrDefault(live.winnerCandidacyId(), "#" + live.winnerCandidacyId());
        String recount = live == null || live.recountMatched() == null
                ? null
                : live.recountMatched() ? "matched" : "did not match";
        return new CyclePage.Live(
                live != null,
                stage.name(),
                stage.title(),
                status.name(),
                status.name().toLowerCase(),
                status == CycleStatus.RUNNING,
                deadline == null ? null : format.when(deadline),
                deadline == null ? null : Format.timeLeft(deadline, now),
                deadline != null && deadline.isBefore(now),
                extensions,
                extensions > 0,
                format.when(now),
                approvals,
                approvals == null ? null : approvals.size(),
                live == null ? null : approvedBy(live, username),
                winner,
                recount,
                live == null ? null : Boolean.FALSE.equals(live.recountMatched()),
                live != null ? live.failureReason() : cycle.failureReason(),
                stage == CycleStage.CERTIFICATION);
    }

    static List<CyclePage.Step> steps(CycleStage current, CycleStatus status) {
        List<CyclePage.Step> steps = new ArrayList<>();
        for (CycleStage s : CycleStage.values()) {
            if (s == CycleStage.DONE) {
                continue;
            }
            boolean done = current.isAfter(s) || (status == CycleStatus.COMPLETED);
            boolean here = s == current && status == CycleStatus.RUNNING;
            steps.add(new CyclePage.Step(
                    s.title(),
                    done,
                    here,
                    done
                            ? "done"
                            : here ? "current stage" : status == CycleStatus.RUNNING ? "to come" : "not reached"));
        }
        return steps;
    }

    /** {@code steer}: the account may steer cycles and the cycle is running. */
    static CyclePage.Actions actions(
            CycleRecord cycle, CycleView live, CycleStage stage, boolean steer, String username) {
        boolean window = (stage == CycleStage.PLEDGE_VETTING
                        || stage == CycleStage.NOMINATION_WINDOW
                        || stage == CycleStage.VOTING_ROUND)
                && (live == null ? cycle.stageDeadline() : live.deadline()) != null;
        return new CyclePage.Actions(
                steer,
                steer && window,
                stage.title().toLowerCase(),
                steer && stage == CycleStage.CERTIFICATION,
                live != null && approvedBy(live, username),
                steer,
                live != null && live.recountRunning() ? RECOUNT_RUNNING : null);
    }

    /** Beside the disabled button: the workflow refuses an approval with the same reason meanwhile. */
    static final String RECOUNT_RUNNING =
            "The recount of this round is still running: approving waits until it has said whether the result stands.";

    private static boolean approvedBy(CycleView live, String username) {
        return live.certifiedBy().stream().anyMatch(n -> n.equalsIgnoreCase(username));
    }
}
