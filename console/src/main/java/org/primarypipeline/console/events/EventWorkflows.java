package org.primarypipeline.console.events;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import java.util.ArrayList;
import java.util.List;
import org.primarypipeline.campaigns.events.EventStore;
import org.primarypipeline.workflows.events.EventWorkflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Starts and signals each event's {@link EventWorkflow} ({@code event:{id}}): when it is proposed, when
 * someone objects or the host reports, and again on start for every event not yet followed up.
 */
@Service
public class EventWorkflows {

    private static final Logger log = LoggerFactory.getLogger(EventWorkflows.class);

    private final WorkflowClient temporal;
    private final EventStore store;

    public EventWorkflows(WorkflowClient temporal, EventStore store) {
        this.temporal = temporal;
        this.store = store;
    }

    /** Starts the event's workflow unless it runs already; true if this call started it. */
    public boolean start(long eventId) {
        EventWorkflow workflow = temporal.newWorkflowStub(
                EventWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(EventWorkflow.workflowId(eventId))
                        .setTaskQueue(EventWorkflow.TASK_QUEUE)
                        .build());
        try {
            WorkflowClient.start(workflow::run, eventId);
            return true;
        } catch (WorkflowExecutionAlreadyStarted alreadyRunning) {
            return false;
        }
    }

    public void objected(long eventId) {
        signal(eventId, true);
    }

    public void reported(long eventId) {
        signal(eventId, false);
    }

    /** Starts again the workflows of events with steps left; returns the ids it started. */
    public List<Long> resumeUnfinished() {
        List<Long> started = new ArrayList<>();
        for (long id : store.unfinished()) {
            if (start(id)) {
                started.add(id);
            }
        }
        return started;
    }

    private void signal(long eventId, boolean objection) {
        EventWorkflow workflow = temporal.newWorkflowStub(EventWorkflow.class, EventWorkflow.workflowId(eventId));
        try {
            if (objection) {
                workflow.objected();
            } else {
                workflow.reported();
            }
        } catch (WorkflowNotFoundException finished) {
            // the database holds the change; a workflow that ended (or is resumed later) reads it from there
            log.debug("event {} has no running workflow to tell", eventId);
        }
    }
}
