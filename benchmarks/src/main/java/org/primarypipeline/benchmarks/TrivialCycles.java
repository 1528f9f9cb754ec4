package org.primarypipeline.benchmarks;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.primarypipeline.console.config.CycleWorker;
import org.primarypipeline.console.config.TemporalProperties;

/**
 * The reference for {@code pp bench cycles}: as many workflows as cycles, each running as many activities
 * as one cycle runs on its way to the voting round, on the same Temporal server and with the cycle
 * worker's options, but doing nothing else: Temporal's own pace.
 */
final class TrivialCycles {

    static final String TASK_QUEUE = "bench-trivial-cycles";

    /** The marker name the Java SDK records a local activity's result under. */
    static final String LOCAL_ACTIVITY_MARKER = "LocalActivity";

    @WorkflowInterface
    public interface Steps {
        @WorkflowMethod
        void run(int activities);
    }

    @ActivityInterface
    public interface Step {
        void step(int number);
    }

    public static final class StepsImpl implements Steps {
        private final Step step = Workflow.newActivityStub(
                Step.class,
                ActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofSeconds(30))
                        .build());

        @Override
        public void run(int activities) {
            for (int i = 0; i < activities; i++) {
                step.step(i);
            }
        }
    }

    static final class NoStep implements Step {
        @Override
        public void step(int number) {
            // the point is the round trip through the server, not the work
        }
    }

    private TrivialCycles() {}

    /**
     * The activities a workflow ran: scheduled ones, and local ones (recorded as markers). Version markers
     * ({@code Workflow.getVersion}) are markers too but run nothing, so they are not counted.
     */
    static int activitiesIn(List<HistoryEvent> history) {
        int count = 0;
        for (HistoryEvent event : history) {
            if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED
                    || (event.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED
                            && LOCAL_ACTIVITY_MARKER.equals(
                                    event.getMarkerRecordedEventAttributes().getMarkerName()))) {
                count++;
            }
        }
        return count;
    }

    /** Runs {@code workflows} trivial workflows of {@code activities} each at once; seconds until all ended. */
    static double run(WorkflowClient client, TemporalProperties properties, int workflows, int activities) {
        WorkerFactory factory = WorkerFactory.newInstance(client);
        Worker worker = factory.newWorker(TASK_QUEUE, CycleWorker.options(properties));
        worker.registerWorkflowImplementationTypes(StepsImpl.class);
        worker.registerActivitiesImplementations(new NoStep());
        factory.start();
        try {
            long start = System.nanoTime();
            List<WorkflowStub> started = new ArrayList<>();
            for (int i = 0; i < workflows; i++) {
                Steps steps = client.newWorkflowStub(
                        Steps.class,
                        WorkflowOptions.newBuilder()
                                .setTaskQueue(TASK_QUEUE)
                                .setWorkflowId("bench-trivial-" + i + "-" + start)
                                .build());
                WorkflowClient.start(steps::run, activities);
                started.add(WorkflowStub.fromTyped(steps));
            }
            for (WorkflowStub stub : started) {
                stub.getResult(Void.class);
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            factory.shutdown();
            factory.awaitTermination(30, TimeUnit.SECONDS);
        }
    }
}
