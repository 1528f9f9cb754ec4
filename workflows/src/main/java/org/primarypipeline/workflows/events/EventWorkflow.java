package org.primarypipeline.workflows.events;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One per event hosted by a volunteer ({@code event:{eventId}}), never one per RSVP: it waits out the
 * review window (unless someone objects), publishes the event, invites the members near it, reminds the
 * confirmed RSVPs by email a day before and by text two hours before, and once the host reported (or a few
 * days after the event) asks those who attended to host their own. Started when the event is proposed,
 * and again on start for any event not yet followed up (PostgreSQL is the record).
 */
@WorkflowInterface
public interface EventWorkflow {

    String TASK_QUEUE = "events";

    static String workflowId(long eventId) {
        return "event:" + eventId;
    }

    @WorkflowMethod
    String run(long eventId);

    /** Staff or the district's organizer objected: stop before publishing. */
    @SignalMethod
    void objected();

    /** The host reported: the follow-up need not wait any longer. */
    @SignalMethod
    void reported();

    /** Where the event stands in its life: REVIEW, PUBLISHED, REMINDED, ENDED, DONE, OBJECTED. */
    @QueryMethod
    String step();
}
