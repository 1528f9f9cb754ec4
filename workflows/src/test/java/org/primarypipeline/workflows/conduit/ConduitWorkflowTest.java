package org.primarypipeline.workflows.conduit;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.primarypipeline.fundraising.ConduitActivities;
import org.primarypipeline.workflows.cycle.DistrictCycleWorkflow;

/** The conduit clock sleeps until the tick says the next warning is due, and stops when the fundraiser is over. */
class ConduitWorkflowTest {

    @Test
    void ticksWhenTheNextWarningIsDueAndStopsWhenNothingIsLeft() {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            List<Long> tickedAt = new CopyOnWriteArrayList<>();
            Worker worker = env.newWorker(DistrictCycleWorkflow.TASK_QUEUE);
            worker.registerWorkflowImplementationTypes(ConduitWorkflowImpl.class);
            worker.registerActivitiesImplementations((ConduitActivities) fundraiser -> {
                tickedAt.add(env.currentTimeMillis());
                return switch (tickedAt.size()) {
                    // a gift received now: its warning is due in 7 days (slept an hour at a time)
                    case 1 ->
                        new ConduitActivities.Tick(false, Duration.ofHours(1).toSeconds(), 0, 0, 0);
                    case 2 ->
                        new ConduitActivities.Tick(false, Duration.ofMinutes(30).toSeconds(), 0, 0, 1);
                    default -> new ConduitActivities.Tick(true, 0, 1, 0, 0);
                };
            });
            env.start();
            ConduitWorkflow clock = env.getWorkflowClient()
                    .newWorkflowStub(
                            ConduitWorkflow.class,
                            WorkflowOptions.newBuilder()
                                    .setWorkflowId(ConduitWorkflow.id(42))
                                    .setTaskQueue(DistrictCycleWorkflow.TASK_QUEUE)
                                    .build());
            clock.run(42);
            assertThat(tickedAt).hasSize(3);
            assertThat(tickedAt.get(1) - tickedAt.get(0))
                    .isGreaterThanOrEqualTo(Duration.ofHours(1).toMillis());
            assertThat(tickedAt.get(2) - tickedAt.get(1))
                    .isGreaterThanOrEqualTo(Duration.ofMinutes(30).toMillis());
        }
    }
}
