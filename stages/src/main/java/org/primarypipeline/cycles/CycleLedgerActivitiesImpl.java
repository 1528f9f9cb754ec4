package org.primarypipeline.cycles;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.cycle.CycleStatus;
import org.primarypipeline.vetting.FailedCycleAlerts;
import org.primarypipeline.voting.RoundMessages;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
public class CycleLedgerActivitiesImpl implements CycleLedgerActivities {

    static final String APPROVAL = "CERTIFY_APPROVAL";

    /** How workflows started before approvals had a table key an approval note: certify:<winner>:<actor>. */
    private static final Pattern LEGACY_APPROVAL_KEY = Pattern.compile("certify:(\\d+):.*");

    private final CycleRepository cycles;
    private final CertificationApprovals approvals;
    private final FailedCycleAlerts failedAlerts;
    private final RoundMessages members;

    public CycleLedgerActivitiesImpl(
            CycleRepository cycles,
            CertificationApprovals approvals,
            FailedCycleAlerts failedAlerts,
            RoundMessages members) {
        this.cycles = cycles;
        this.approvals = approvals;
        this.failedAlerts = failedAlerts;
        this.members = members;
    }

    @Override
    @Transactional // the stage entry and the call for nominations commit together: one transaction a step
    public void enterStage(String cycleId, CycleStage stage, Instant deadline, int extensions, String detail) {
        cycles.enterStage(
                cycleId, stage, deadline, extensions, detail, CycleRepository.stageKey(stage, extensions, deadline));
        if (stage == CycleStage.NOMINATION_WINDOW && deadline != null) {
            // the group hears that it may nominate; an extension or a retry queues nobody twice
            members.callForNominations(cycleId);
        }
    }

    @Override
    @Transactional
    public void note(String cycleId, CycleStage stage, String kind, String detail, String actor, String dedupKey) {
        cycles.record(cycleId, stage, kind, detail, actor, dedupKey);
        // workflows still running from before the approve activity (their replay must keep calling note)
        // name the winner only in the key; this is the one place that reads it, so the row exists for them too
        Matcher legacy = LEGACY_APPROVAL_KEY.matcher(dedupKey);
        if (APPROVAL.equals(kind) && legacy.matches()) {
            approvals.record(cycleId, Long.parseLong(legacy.group(1)), actor);
        }
    }

    @Override
    @Transactional
    public void approve(String cycleId, CycleStage stage, long winner, String actor, String detail) {
        cycles.record(cycleId, stage, APPROVAL, detail, actor, approvalKey(winner, actor));
        approvals.record(cycleId, winner, actor);
    }

    /** The timeline key of an approval, the same as before the table so that old and new rows deduplicate alike. */
    static String approvalKey(long winner, String actor) {
        return "certify:" + winner + ":" + actor;
    }

    @Override
    public void finish(String cycleId, CycleStatus status, String reason) {
        cycles.finish(cycleId, status, reason);
        if (status == CycleStatus.FAILED) {
            failedAlerts.alert(cycleId, reason); // the staff on duty decide what the district does next
        }
        if (status == CycleStatus.FAILED || status == CycleStatus.CANCELLED) {
            members.ended(cycleId, status, reason);
        }
    }
}
