package org.primarypipeline.workflows.campaign;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One certified winner's campaign (id {@code campaign:{cycleId}}): kickoff, organizing with a weekly
 * step, get out the vote, election, wrap-up. Started by the cycle that chose the candidate, on the cycles'
 * task queue. Staff end or extend it by signal (console and CLI through one command class each).
 */
@WorkflowInterface
public interface CandidateCampaignWorkflow {

    @WorkflowMethod
    CampaignOutcome run(CampaignPlan plan);

    @QueryMethod
    CampaignView view();

    /** Ends the campaign now: the wrap-up follows at once. */
    @SignalMethod
    void end(CampaignAction action);

    /** Moves the wrap-up {@code action.days()} later. */
    @SignalMethod
    void extend(CampaignAction action);
}
