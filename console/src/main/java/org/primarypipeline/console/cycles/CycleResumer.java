package org.primarypipeline.console.cycles;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import java.util.List;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.cycles.CertificationApprovals;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.workflows.cycle.CyclePlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The in-process Temporal server forgets everything when the app stops; PostgreSQL does not. On start,
 * every cycle PostgreSQL calls running whose workflow Temporal does not know is started again from
 * the stage and deadline recorded. With a Temporal cluster every such workflow is still running and
 * this finds nothing to do. A cycle past the vote resumes with its winner and the approvals given so far.
 */
@Component
public class CycleResumer {

    private static final Logger log = LoggerFactory.getLogger(CycleResumer.class);

    private final CycleRepository cycles;
    private final CycleService service;
    private final CertificationApprovals approvals;

    public CycleResumer(CycleRepository cycles, CycleService service, CertificationApprovals approvals) {
        this.cycles = cycles;
        this.service = service;
        this.approvals = approvals;
    }

    /** Returns the ids of the cycles it started again. */
    public List<String> resumeUnfinished() {
        List<String> resumed = new java.util.ArrayList<>();
        for (CycleRecord cycle : cycles.unfinished()) {
            WorkflowExecutionStatus status = service.executionStatus(cycle.id());
            if (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
                continue;
            }
            if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_UNSPECIFIED) {
                log.warn(
                        "cycle {} is running in PostgreSQL but its workflow is {}; left for staff", cycle.id(), status);
                continue;
            }
            if (service.start(planOf(cycle))) {
                log.info("resumed cycle {} at {} (deadline {})", cycle.id(), cycle.stage(), cycle.stageDeadline());
                cycles.record(
                        cycle.id(),
                        cycle.stage(),
                        "RESUMED",
                        "workflow started again after a restart at "
                                + cycle.stage().title().toLowerCase(),
                        "system",
                        "resumed:" + System.currentTimeMillis());
                resumed.add(cycle.id());
            }
        }
        return resumed;
    }

    private CyclePlan planOf(CycleRecord cycle) {
        Long winner = null;
        List<String> certifiedBy = List.of();
        if (cycle.stage().isAfter(CycleStage.VOTING_ROUND)) {
            CertificationApprovals.Standing standing = approvals.standing(cycle.id());
            winner = standing.winner();
            certifiedBy = standing.approvers();
        }
        return new CyclePlan(
                cycle.id(),
                cycle.districtId(),
                cycle.settings(),
                cycle.stage(),
                cycle.stageDeadline(),
                cycle.extensions(),
                winner,
                certifiedBy);
    }
}
