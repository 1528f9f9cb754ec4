package org.primarypipeline.workflows.conduit;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.primarypipeline.fundraising.ConduitActivities;

public class ConduitWorkflowImpl implements ConduitWorkflow {

    /** Ticks per run before continuing as new, so the history stays short over a months-long fundraiser. */
    static final int TICKS_PER_RUN = 200;

    private final ConduitActivities conduit = Workflow.newActivityStub(
            ConduitActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(5))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(10))
                            .setMaximumInterval(Duration.ofMinutes(10))
                            .build())
                    .build());

    private boolean woken;

    @Override
    public void run(long fundraiserId) {
        for (int i = 0; i < TICKS_PER_RUN; i++) {
            woken = false;
            ConduitActivities.Tick tick = conduit.tick(fundraiserId);
            if (tick.finished()) {
                return;
            }
            Workflow.await(Duration.ofSeconds(Math.max(1, tick.sleepSeconds())), () -> woken);
        }
        Workflow.continueAsNew(fundraiserId);
    }

    @Override
    public void wake() {
        woken = true;
    }
}
