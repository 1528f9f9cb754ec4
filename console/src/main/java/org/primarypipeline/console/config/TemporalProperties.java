package org.primarypipeline.console.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Temporal is. With no target the app runs Temporal's in-process server on
 * {@code 127.0.0.1:embeddedPort} (real time, no persistence) and connects to it over gRPC exactly as
 * it would to a cluster.
 *
 * @param target        host:port of a Temporal cluster's frontend; blank for the in-process server
 * @param namespace     the Temporal namespace
 * @param embeddedPort  port of the in-process server
 * @param startEmbedded whether this process may start the in-process server (commands only join one)
 * @param worker        whether this process polls the task queue
 * @param workflowTaskSlots workflow tasks one worker process runs at once (default 200, Temporal's own):
 *                      cheap, replaying a cycle's history takes milliseconds
 * @param activitySlots activities one worker process runs at once (default 200): each holds one of the
 *                      process's database connections while it writes, and Stripe calls wait on the network
 * @param workflowPollers long polls kept open for workflow tasks
 * @param activityPollers long polls kept open for activity tasks
 */
@ConfigurationProperties(prefix = "pp.temporal")
public record TemporalProperties(
        String target,
        String namespace,
        Integer embeddedPort,
        Boolean startEmbedded,
        Boolean worker,
        Integer workflowTaskSlots,
        Integer activitySlots,
        Integer workflowPollers,
        Integer activityPollers) {

    public TemporalProperties {
        namespace = namespace == null || namespace.isBlank() ? "default" : namespace;
        embeddedPort = embeddedPort == null ? 7233 : embeddedPort;
        startEmbedded = startEmbedded == null || startEmbedded;
        worker = worker == null || worker;
        workflowTaskSlots = positive("workflow-task-slots", workflowTaskSlots, 200);
        activitySlots = positive("activity-slots", activitySlots, 200);
        workflowPollers = positive("workflow-pollers", workflowPollers, 5);
        activityPollers = positive("activity-pollers", activityPollers, 5);
    }

    private static int positive(String name, Integer value, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (value < 1) {
            throw new IllegalArgumentException("pp.temporal." + name + " must be at least 1, not " + value);
        }
        return value;
    }

    public boolean embedded() {
        return target == null || target.isBlank();
    }

    public String effectiveTarget() {
        return embedded() ? "127.0.0.1:" + embeddedPort : target;
    }
}
