package org.primarypipeline.console.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.worker.WorkerOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The worker role's sizes, as an operator sets them, reach Temporal's worker: workflow tasks and activities apart. */
class CycleWorkerOptionsTest {

    @Test
    void workflowTasksAndActivitiesAreSizedApart() {
        WorkerOptions options = CycleWorker.options(bind(Map.of(
                "pp.temporal.workflow-task-slots",
                "150",
                "pp.temporal.activity-slots",
                "12",
                "pp.temporal.workflow-pollers",
                "3",
                "pp.temporal.activity-pollers",
                "7")));
        assertThat(options.getMaxConcurrentWorkflowTaskExecutionSize()).isEqualTo(150);
        assertThat(options.getMaxConcurrentActivityExecutionSize()).isEqualTo(12);
        assertThat(options.getMaxConcurrentWorkflowTaskPollers()).isEqualTo(3);
        assertThat(options.getMaxConcurrentActivityTaskPollers()).isEqualTo(7);
    }

    @Test
    void unsetSizesKeepTemporalsDefaultsAndANonsenseSizeIsRefusedByName() {
        WorkerOptions options = CycleWorker.options(bind(Map.of()));
        assertThat(options.getMaxConcurrentWorkflowTaskExecutionSize()).isEqualTo(200);
        assertThat(options.getMaxConcurrentActivityExecutionSize()).isEqualTo(200);
        // a first workflow task that loads classes on a loaded machine is not taken for a deadlock
        assertThat(options.getDefaultDeadlockDetectionTimeout()).isEqualTo(5_000);
        assertThatThrownBy(() -> bind(Map.of("pp.temporal.activity-slots", "0")))
                .hasStackTraceContaining("pp.temporal.activity-slots must be at least 1, not 0");
    }

    private static TemporalProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("pp.temporal", TemporalProperties.class);
    }
}
