package org.primarypipeline.console.events;

import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import org.primarypipeline.campaigns.events.EventActivities;
import org.primarypipeline.console.config.CycleWorker;
import org.primarypipeline.console.config.TemporalProperties;
import org.primarypipeline.workflows.events.EventWorkflow;
import org.primarypipeline.workflows.events.EventWorkflowImpl;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Adds the events' task queue to the worker factory just before {@link CycleWorker} starts it (a factory
 * takes no new worker once started): {@link EventWorkflow} and {@link EventActivities}. The factory is
 * started and stopped by the cycles' worker.
 */
@Component
public class EventWorker implements SmartLifecycle {

    private final WorkerFactory factory;
    private final TemporalProperties properties;
    private final EventActivities activities;
    private volatile boolean running;

    public EventWorker(WorkerFactory factory, TemporalProperties properties, EventActivities activities) {
        this.factory = factory;
        this.properties = properties;
        this.activities = activities;
    }

    @Override
    public void start() {
        if (properties.worker()) {
            Worker worker = factory.newWorker(EventWorkflow.TASK_QUEUE, CycleWorker.options(properties));
            worker.registerWorkflowImplementationTypes(EventWorkflowImpl.class);
            worker.registerActivitiesImplementations(activities);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // one step before the cycles' worker, which starts the factory
        return Integer.MAX_VALUE - 101;
    }
}
