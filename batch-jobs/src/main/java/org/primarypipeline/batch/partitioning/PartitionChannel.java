package org.primarypipeline.batch.partitioning;

import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.jdbc.store.channel.PostgresChannelMessageStoreQueryProvider;
import org.springframework.integration.store.MessageGroupQueue;

/**
 * The channel that carries partition requests (Spring Batch's {@code StepExecutionRequest}: job and
 * step execution ids and the worker step's name) from a manager to the {@code batch-worker} processes:
 * a queue kept in PostgreSQL by Spring Integration's JDBC channel message store (table
 * {@code int_channel_message}, migration V8), so remote partitioning needs no broker. Each request is
 * taken by one worker ({@code FOR UPDATE SKIP LOCKED}); the results go back through the job repository,
 * which the manager polls. It exists only where it is used: a remote manager or a batch worker.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${pp.batch.partitioning:local}' == 'remote' or ${pp.batch.worker.enabled:false}")
public class PartitionChannel {

    /** The bean name of the request channel. */
    public static final String REQUESTS = "batchPartitionRequests";
    /** The message group (queue) of all partitioned jobs' requests. */
    static final String GROUP = "batch-partition-requests";

    @Bean
    JdbcChannelMessageStore batchPartitionMessageStore(DataSource dataSource) {
        JdbcChannelMessageStore store = new JdbcChannelMessageStore(dataSource);
        store.setChannelMessageStoreQueryProvider(new PostgresChannelMessageStoreQueryProvider());
        store.setRegion("pp-batch");
        // messages are Java-serialized; only a message of Spring Batch's request type may be read back
        store.addAllowedPatterns(
                "java.lang.*",
                "java.util.*",
                "org.springframework.messaging.*",
                "org.springframework.integration.*",
                "org.springframework.batch.integration.partition.*");
        return store;
    }

    @Bean(name = REQUESTS)
    QueueChannel batchPartitionRequests(@Qualifier("batchPartitionMessageStore") JdbcChannelMessageStore store) {
        return new QueueChannel(new MessageGroupQueue(store, GROUP));
    }
}
