package org.primarypipeline.fundraising;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Starts a fundraiser's conduit clock, the {@code ConduitWorkflow} (workflows module) with id
 * {@code conduit:{fundraiserId}}, on the cycles' task queue. Called when the fundraiser launches and
 * when finance works on its committee; a clock already running is left as it is. Without a Temporal
 * client (stage tests) it does nothing; a failure to start never fails the caller (the reconcile job
 * still flags a gift not forwarded in time, and finance can forward by hand).
 */
@Component
public class ConduitClock {

    public static final String WORKFLOW_TYPE = "ConduitWorkflow";
    public static final String TASK_QUEUE = "district-cycles";

    private static final Logger log = LoggerFactory.getLogger(ConduitClock.class);

    private final ObjectProvider<WorkflowClient> clients;

    public ConduitClock(ObjectProvider<WorkflowClient> clients) {
        this.clients = clients;
    }

    public static String workflowId(long fundraiserId) {
        return "conduit:" + fundraiserId;
    }

    /** Returns whether a clock was started now. */
    public boolean ensureRunning(long fundraiserId) {
        WorkflowClient client = clients.getIfAvailable();
        if (client == null) {
            return false;
        }
        try {
            client.newUntypedWorkflowStub(
                            WORKFLOW_TYPE,
                            WorkflowOptions.newBuilder()
                                    .setWorkflowId(workflowId(fundraiserId))
                                    .setTaskQueue(TASK_QUEUE)
                                    .build())
                    .start(fundraiserId);
            return true;
        } catch (WorkflowExecutionAlreadyStarted running) {
            return false;
        } catch (RuntimeException e) {
            log.warn("could not start the conduit clock of fundraiser {}: {}", fundraiserId, e.toString());
            return false;
        }
    }
}
