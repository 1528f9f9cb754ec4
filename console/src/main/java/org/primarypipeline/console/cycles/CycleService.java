package org.primarypipeline.console.cycles;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.core.cycle.CycleStatus;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.districts.PublicDataLoader;
import org.primarypipeline.workflows.cycle.CyclePlan;
import org.primarypipeline.workflows.cycle.CycleView;
import org.primarypipeline.workflows.cycle.DistrictCycleWorkflow;
import org.springframework.stereotype.Service;

/**
 * Launches cycles and passes staff actions to their workflows. PostgreSQL records the cycle first;
 * the workflow is then started, and if that start is lost (Temporal down, app stopped) the resumer
 * starts it on the next start of the app.
 */
@Service
public class CycleService {

    private final CycleRepository cycles;
    private final PublicDataLoader plans;
    private final WorkflowClient temporal;
    private final Clock clock;

    public CycleService(CycleRepository cycles, PublicDataLoader plans, WorkflowClient temporal, Clock clock) {
        this.cycles = cycles;
        this.plans = plans;
        this.temporal = temporal;
        this.clock = clock;
    }

    public CycleRecord launch(String district, CycleSettings settings, String actor) {
        DistrictId id = DistrictId.parse(district);
        CycleRecord cycle = cycles.create(plans.currentPlan(), id.toString(), settings, actor, clock.instant());
        start(CyclePlan.fresh(cycle.id(), cycle.districtId(), settings, cycle.stageDeadline()));
        return cycle;
    }

    /** Starts a cycle's workflow unless it is already running; returns whether it started it. */
    public boolean start(CyclePlan plan) {
        DistrictCycleWorkflow workflow = temporal.newWorkflowStub(
                DistrictCycleWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(CyclePlan.workflowId(plan.cycleId()))
                        .setTaskQueue(DistrictCycleWorkflow.TASK_QUEUE)
                        .build());
        try {
            WorkflowClient.start(workflow::run, plan);
            return true;
        } catch (WorkflowExecutionAlreadyStarted alreadyRunning) {
            return false;
        }
    }

    /** The workflow's live state, or empty when Temporal does not know the cycle (finished, or not resumed yet). */
    public Optional<CycleView> view(String cycleId) {
        try {
            return Optional.of(stub(cycleId).view());
        } catch (RuntimeException unknown) {
            return Optional.empty();
        }
    }

    public WorkflowExecutionStatus executionStatus(String cycleId) {
        try {
            return temporal.getWorkflowServiceStubs()
                    .blockingStub()
                    .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
                            .setNamespace(temporal.getOptions().getNamespace())
                            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(CyclePlan.workflowId(cycleId)))
                            .build())
                    .getWorkflowExecutionInfo()
                    .getStatus();
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_UNSPECIFIED;
            }
            throw e;
        }
    }

    /** Runs a staff action on a cycle's workflow; a refusal comes back as {@link CycleActionRefused}. */
    public String act(String cycleId, Function<DistrictCycleWorkflow, String> action) {
        // the status alone: reading the whole cycle parsed its settings for every staff action
        CycleStatus status = cycles.statusOf(cycleId).orElseThrow(() -> new UnknownCycleException(cycleId));
        if (status.isFinished()) {
            throw new CycleActionRefused(
                    "cycle " + cycleId + " has ended (" + status.name().toLowerCase() + ")");
        }
        try {
            return action.apply(stub(cycleId));
        } catch (WorkflowUpdateException e) {
            throw new CycleActionRefused(reason(e));
        }
    }

    public CycleRecord find(String cycleId) {
        return cycles.find(cycleId).orElseThrow(() -> new UnknownCycleException(cycleId));
    }

    public List<CycleRecord> list(int limit, int offset) {
        return cycles.page(limit, offset);
    }

    private DistrictCycleWorkflow stub(String cycleId) {
        return temporal.newWorkflowStub(DistrictCycleWorkflow.class, CyclePlan.workflowId(cycleId));
    }

    private static String reason(WorkflowUpdateException e) {
        Throwable cause = e.getCause();
        while (cause != null) {
            if (cause instanceof ApplicationFailure app) {
                return app.getOriginalMessage();
            }
            if (cause instanceof TemporalFailure failure && failure.getCause() == null) {
                return failure.getOriginalMessage();
            }
            cause = cause.getCause();
        }
        return e.getMessage();
    }
}
