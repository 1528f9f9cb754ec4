package org.primarypipeline.console.campaigns;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import org.primarypipeline.workflows.campaign.CampaignAction;
import org.primarypipeline.workflows.campaign.CampaignPlan;
import org.primarypipeline.workflows.campaign.CandidateCampaignWorkflow;
import org.springframework.stereotype.Service;

/**
 * The console's way to a running campaign's workflow: signals from staff, and its status for the resumer.
 * Starting one is {@link org.primarypipeline.campaigns.CampaignStarter}'s, for the cycle's activity and the
 * resumer alike.
 */
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
