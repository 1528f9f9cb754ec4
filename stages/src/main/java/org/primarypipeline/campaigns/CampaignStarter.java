package org.primarypipeline.campaigns;

import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Starts a certified winner's {@code CandidateCampaignWorkflow} (workflows module), id
 * {@code campaign:{cycleId}}, on the cycles' task queue, through the {@link WorkflowClient}: a workflow of
 * its own, not the cycle's child (the cycle ends at the launch; the campaign runs for months). As
 * {@code ConduitClock}: without a Temporal client (stage tests) it does nothing. A campaign that runs or
 * ran under that id is never started again ({@link WorkflowIdReusePolicy#WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE}),
 * and "already started" is a success, so the activity that calls this may be retried. Any other failure
 * is thrown: the activity is retried until the campaign has started.
 */
@Component
public class CampaignStarter {

    public static final String WORKFLOW_TYPE = "CandidateCampaignWorkflow";
    public static final String TASK_QUEUE = "district-cycles";

    /** The first run's {@code CampaignPlan} (workflows module) as its JSON says it: week 0, nothing handed on. */
    public record FirstRun(String cycleId, long candidacyId, Long fundraiserId, int week) {}

    private final ObjectProvider<WorkflowClient> clients;

    public CampaignStarter(ObjectProvider<WorkflowClient> clients) {
        this.clients = clients;
    }

    public static String workflowId(String cycleId) {
        return "campaign:" + cycleId;
    }

    /** Returns whether the campaign was started now (false: it had been, or there is no Temporal here). */
    public boolean start(String cycleId, long candidacyId, Long fundraiserId) {
        WorkflowClient client = clients.getIfAvailable();
        if (client == null) {
            return false;
        }
        try {
            client.newUntypedWorkflowStub(
                            WORKFLOW_TYPE,
                            WorkflowOptions.newBuilder()
                                    .setWorkflowId(workflowId(cycleId))
                                    .setTaskQueue(TASK_QUEUE)
                                    .setWorkflowIdReusePolicy(
                                            WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                                    .build())
                    .start(new FirstRun(cycleId, candidacyId, fundraiserId, 0));
            return true;
        } catch (WorkflowExecutionAlreadyStarted startedBefore) {
            return false;
        }
    }
}
