package org.primarypipeline.console.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.internal.testservice.InProcessGRPCServer;
import io.temporal.internal.testservice.TestServicesStarter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Collection;
import org.junit.jupiter.api.Test;

/**
 * The embedded Temporal server: reachable in process and on its port, and its timer's record of lock
 * events stays bounded however much work it has run ({@link TimerLockEvents}).
 */
class EmbeddedTemporalServerTest {

    /** Enough workflow tasks and activities to leave far more than {@link TimerLockEvents#KEPT} events. */
    static final int WORKFLOWS = 150;

    @WorkflowInterface
    public interface Steps {
        @WorkflowMethod
        int run(int steps);
    }

    @ActivityInterface
    public interface Step {
        int step(int number);
    }

    public static final class StepsImpl implements Steps {
        private final Step step = Workflow.newActivityStub(
                Step.class,
                ActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofSeconds(30))
                        .build());

        @Override
        public int run(int steps) {
            int sum = 0;
            for (int i = 0; i < steps; i++) {
                sum += step.step(i);
            }
            return sum;
        }
    }

    static final class OneStep implements Step {
        @Override
        public int step(int number) {
            return 1;
        }
    }

    @Test
    void theStockServerKeepsEveryLockEventAndOursKeepsTheLatest() throws Exception {
        // the upstream behaviour this class works around: if this fails, temporal-test-server no longer
        // keeps every event, and TimerLockEvents can go
        TestServicesStarter stock = new TestServicesStarter(true, 0);
        InProcessGRPCServer stockServer = new InProcessGRPCServer(stock.getServices());
        try {
            runWorkflows(stockServer.getChannel(), "stock");
            // about 22 events a workflow of five activities, none ever dropped
            assertThat(lockEvents(stock).size()).isGreaterThan(2 * TimerLockEvents.KEPT);
        } finally {
            stockServer.shutdownNow();
            stock.close();
        }

        try (EmbeddedTemporalServer server = EmbeddedTemporalServer.startOrJoin(freePort(), true)) {
            assertThat(server.owned()).isTrue();
            runWorkflows(server.inProcessChannel().orElseThrow(), "bounded");
            assertThat(lockEvents(services(server)).size()).isLessThanOrEqualTo(TimerLockEvents.KEPT);
        }
    }

    @Test
    void commandsReachTheServerOnItsPortWhileTheAppUsesItsChannel() throws Exception {
        int port = freePort();
        try (EmbeddedTemporalServer server = EmbeddedTemporalServer.startOrJoin(port, true)) {
            assertThat(EmbeddedTemporalServer.listening(port)).isTrue();
            EmbeddedTemporalServer joined = EmbeddedTemporalServer.startOrJoin(port, true);
            assertThat(joined.owned())
                    .as("a second app joins instead of starting")
                    .isFalse();
            assertThat(joined.inProcessChannel()).isEmpty();
            WorkflowServiceStubs overPort =
                    WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                            .setTarget("127.0.0.1:" + port)
                            .build());
            try {
                WorkflowClient client = WorkflowClient.newInstance(overPort);
                WorkerFactory factory = WorkerFactory.newInstance(WorkflowClient.newInstance(
                        WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                                .setChannel(server.inProcessChannel().orElseThrow())
                                .build())));
                factory.newWorker("port").registerWorkflowImplementationTypes(StepsImpl.class);
                factory.getWorker("port").registerActivitiesImplementations(new OneStep());
                factory.start();
                try {
                    Steps steps = client.newWorkflowStub(
                            Steps.class,
                            WorkflowOptions.newBuilder().setTaskQueue("port").build());
                    assertThat(steps.run(3))
                            .as("started over the port, run by the in-process worker")
                            .isEqualTo(3);
                } finally {
                    factory.shutdownNow();
                }
            } finally {
                overPort.shutdownNow();
            }
        }
    }

    private static void runWorkflows(ManagedChannel channel, String queue) {
        WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setChannel(channel).build());
        WorkflowClient client = WorkflowClient.newInstance(stubs);
        WorkerFactory factory = WorkerFactory.newInstance(client);
        factory.newWorker(queue).registerWorkflowImplementationTypes(StepsImpl.class);
        factory.getWorker(queue).registerActivitiesImplementations(new OneStep());
        factory.start();
        try {
            for (int i = 0; i < WORKFLOWS; i++) {
                Steps steps = client.newWorkflowStub(
                        Steps.class,
                        WorkflowOptions.newBuilder()
                                .setTaskQueue(queue)
                                .setWorkflowId(queue + "-" + i)
                                .build());
                WorkflowClient.start(steps::run, 5);
            }
            for (int i = 0; i < WORKFLOWS; i++) {
                assertThat(client.newUntypedWorkflowStub(queue + "-" + i).getResult(Integer.class))
                        .isEqualTo(5);
            }
        } finally {
            factory.shutdownNow();
            stubs.shutdownNow();
        }
    }

    private static Collection<?> lockEvents(TestServicesStarter services) throws ReflectiveOperationException {
        Object timer = field(services, "selfAdvancingTimer");
        return (Collection<?>) field(timer, "lockEvents");
    }

    private static TestServicesStarter services(EmbeddedTemporalServer server) throws ReflectiveOperationException {
        return (TestServicesStarter) field(server, "services");
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
