package org.primarypipeline.console.campaigns;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import org.primarypipeline.workflows.campaign.CampaignAction;
import org.primarypipeline.workflows.campaign.CampaignPlan;
import org.primarypipeline.workflows.campaign.CandidateCampaignWorkflow;
import org.primarypipeline.workflows.cycle.DistrictCycleWorkflow;
import org.springframework.stereotype.Service;

/** The console's way to a campaign's workflow: signals from staff, and the start again after a restart. */
@Service
public class CampaignSignals {

    private final WorkflowClient temporal;

    public CampaignSignals(WorkflowClient temporal) {
        this.temporal = temporal;
    }

    public void end(String cycleId, CampaignAction action) {
        stub(cycleId).end(action);
    }

    public void extend(String cycleId, CampaignAction action) {
        stub(cycleId).extend(action);
    }

    /** Starts a campaign's workflow unless it runs; returns whether it started it. */
    public boolean start(CampaignPlan plan) {
        CandidateCampaignWorkflow workflow = temporal.newWorkflowStub(
                CandidateCampaignWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(CampaignPlan.workflowId(plan.cycleId()))
                        .setTaskQueue(DistrictCycleWorkflow.TASK_QUEUE)
                        .build());
        try {
            WorkflowClient.start(workflow::run, plan);
            return true;
        } catch (WorkflowExecutionAlreadyStarted alreadyRunning) {
            return false;
        }
    }

    public WorkflowExecutionStatus executionStatus(String cycleId) {
        try {
            return temporal.getWorkflowServiceStubs()
                    .blockingStub()
                    .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
                            .setNamespace(temporal.getOptions().getNamespace())
                            .setExecution(
                                    WorkflowExecution.newBuilder().setWorkflowId(CampaignPlan.workflowId(cycleId)))
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

    private CandidateCampaignWorkflow stub(String cycleId) {
        return temporal.newWorkflowStub(CandidateCampaignWorkflow.class, CampaignPlan.workflowId(cycleId));
    }
}
