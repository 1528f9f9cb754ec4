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
 */
@ConfigurationProperties(prefix = "pp.temporal")
public record TemporalProperties(String target, String namespace, Integer embeddedPort, Boolean startEmbedded,
                                 Boolean worker) {

    public TemporalProperties {
        namespace = namespace == null || namespace.isBlank() ? "default" : namespace;
        embeddedPort = embeddedPort == null ? 7233 : embeddedPort;
        startEmbedded = startEmbedded == null || startEmbedded;
        worker = worker == null || worker;
    }

    public boolean embedded() {
        return target == null || target.isBlank();
    }

    public String effectiveTarget() {
        return embedded() ? "127.0.0.1:" + embeddedPort : target;
    }
}
