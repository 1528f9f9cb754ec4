package org.primarypipeline.console.config;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Temporal client, for the in-process server or a cluster alike. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TemporalProperties.class)
public class TemporalConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedTemporalServer embeddedTemporalServer(TemporalProperties properties) {
        if (!properties.embedded()) {
            return EmbeddedTemporalServer.startOrJoin(-1, false);
        }
        return EmbeddedTemporalServer.startOrJoin(properties.embeddedPort(), properties.startEmbedded());
    }

    @Bean(destroyMethod = "shutdown")
    WorkflowServiceStubs workflowServiceStubs(TemporalProperties properties, EmbeddedTemporalServer server) {
        // lazy: commands that never touch a cycle must not fail when no Temporal server is up
        WorkflowServiceStubsOptions.Builder options = WorkflowServiceStubsOptions.newBuilder();
        // the server this app started is reached in process; one it joined, or a cluster, over the network
        server.inProcessChannel()
                .ifPresentOrElse(options::setChannel, () -> options.setTarget(properties.effectiveTarget()));
        return WorkflowServiceStubs.newServiceStubs(options.build());
    }

    @Bean
    WorkflowClient workflowClient(WorkflowServiceStubs stubs, TemporalProperties properties) {
        return WorkflowClient.newInstance(
                stubs,
                WorkflowClientOptions.newBuilder()
                        .setNamespace(properties.namespace())
                        .build());
    }

    @Bean(destroyMethod = "shutdown")
    WorkerFactory workerFactory(WorkflowClient client) {
        return WorkerFactory.newInstance(client);
    }
}
