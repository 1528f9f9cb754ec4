package org.primarypipeline.benchmarks;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.primarypipeline.console.config.CycleWorker;
import org.primarypipeline.console.config.TemporalProperties;

/**
 * A second reference for {@code pp bench cycles}: workflows with a cycle's shape on its way to voting, as
 * Temporal sees it, and nothing else. Each is started by a client and sent three updates by one of as many
 * drivers as the cycles have; it runs a local activity when it starts, one in each update's handler, one
 * between the second and third update, and one queued activity after the third, as a cycle does (opening
 * pledge vetting; the review and the two closes; the nomination window's entry; opening the vote). The
 * activities do nothing: no database, no Spring. So {@code cycles.shaped_ratio} is how much a cycle costs
 * beyond Temporal's own work for the same history.
 */
final class CycleShapedWorkflows {

    static final String TASK_QUEUE = "bench-cycle-shaped";

    @WorkflowInterface
    public interface Shaped {
        @WorkflowMethod
        void run();

        @UpdateMethod
        String act(String action);
    }

    @ActivityInterface
    public interface Step {
        String step(String what);
    }

    public static final class ShapedImpl implements Shaped {
        private final Step local = Workflow.newLocalActivityStub(
                Step.class,
                LocalActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofSeconds(30))
                        .build());
        private final Step queued = Workflow.newActivityStub(
                Step.class,
                ActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofSeconds(30))
                        .build());
        private int actions;

        @Override
        public void run() {
            local.step("open pledge vetting");
            Workflow.await(() -> actions >= 2);
            local.step("enter the nomination window");
            Workflow.await(() -> actions >= 3);
            queued.step("close nominations and open the vote");
        }

        @Override
        public String act(String action) {
            String noted = local.step(action);
            actions++;
            return noted;
        }
    }

    static final class NoStep implements Step {
        @Override
        public String step(String what) {
            return what;
        }
    }

    private CycleShapedWorkflows() {}

    /** Runs {@code workflows} of them at once from {@code drivers} threads; seconds until all ended. */
    static double run(WorkflowClient client, TemporalProperties properties, int workflows, int drivers) {
        WorkerFactory factory = WorkerFactory.newInstance(client);
        Worker worker = factory.newWorker(TASK_QUEUE, CycleWorker.options(properties));
        worker.registerWorkflowImplementationTypes(ShapedImpl.class);
        worker.registerActivitiesImplementations(new NoStep());
        factory.start();
        ExecutorService pool = Executors.newFixedThreadPool(drivers);
        try {
            long start = System.nanoTime();
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < workflows; i++) {
                String id = "bench-shaped-" + i + "-" + start;
                work.add(pool.submit(() -> {
                    Shaped shaped = client.newWorkflowStub(
                            Shaped.class,
                            WorkflowOptions.newBuilder()
                                    .setTaskQueue(TASK_QUEUE)
                                    .setWorkflowId(id)
                                    .build());
                    WorkflowClient.start(shaped::run);
                    shaped.act("review");
                    shaped.act("close pledge vetting");
                    shaped.act("close the nomination window");
                    client.newUntypedWorkflowStub(id).getResult(Void.class);
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } catch (Exception e) {
            throw new IllegalStateException("the cycle-shaped reference failed", e);
        } finally {
            pool.shutdownNow();
            factory.shutdown();
            factory.awaitTermination(30, TimeUnit.SECONDS);
        }
    }
}
