package org.primarypipeline.workflows.conduit;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One per fundraiser ({@code conduit:{fundraiserId}}), started by {@code ConduitClock} when the fundraiser
 * launches (and when finance records its committee or forwards by hand, for fundraisers launched before): the 10-day
 * clock of its earmarked gifts. It ticks when the next deadline warning is due (and at least hourly, for
 * new gifts and a committee that has just connected), and ends when the fundraiser is over and nothing is held.
 */
@WorkflowInterface
public interface ConduitWorkflow {

    static String id(long fundraiserId) {
        return "conduit:" + fundraiserId;
    }

    @WorkflowMethod
    void run(long fundraiserId);

    /** Tick now (the committee connected, a refund came in). */
    @SignalMethod
    void wake();
}
