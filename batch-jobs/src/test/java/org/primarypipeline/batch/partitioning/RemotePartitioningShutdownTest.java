package org.primarypipeline.batch.partitioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.primarypipeline.testing.TestDatabase;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Remote partitioning through the PostgreSQL channel, a manager and batch workers as separate Spring
 * contexts on one database (as separate processes would be): a worker shut down while it runs a
 * partition finishes that partition and takes no other; the request it did not take stays in the
 * channel for the next worker, and the job completes.
 */
class RemotePartitioningShutdownTest {

    /** Started partitions (a worker signals it holds one) and how long each takes. */
    static final CountDownLatch STARTED = new CountDownLatch(1);

    static final long PARTITION_MILLIS = 3000;

    private final DataSource dataSource = TestDatabase.freshMigrated();

    @AfterEach
    void close() {
        TestDatabase.close(dataSource);
    }

    @Test
    void aWorkerStoppedMidPartitionFinishesItAndLeavesTheRestToAnother() throws Exception {
        try (AnnotationConfigApplicationContext manager = context(Map.of(
                "pp.batch.partitioning",
                "remote",
                "pp.batch.grid-size",
                "2",
                "pp.batch.remote.poll-interval",
                "100ms"))) {
            AnnotationConfigApplicationContext first =
                    context(Map.of("pp.batch.worker.enabled", "true", "pp.batch.worker.poll-interval", "100ms"));
            Job job = manager.getBean("slowJob", Job.class);
            CompletableFuture<JobExecution> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return manager.getBean(JobLauncher.class)
                            .run(
                                    job,
                                    new JobParametersBuilder()
                                            .addLong("run", System.nanoTime())
                                            .toJobParameters());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(STARTED.await(60, TimeUnit.SECONDS))
                    .as("the first worker took a partition")
                    .isTrue();

            long closing = System.nanoTime();
            first.close(); // what SIGTERM does to the batch-worker process: its context closes
            double closedAfter = (System.nanoTime() - closing) / 1e9;

            JdbcClient jdbc = JdbcClient.create(dataSource);
            List<String> partitions = jdbc.sql("""
                    select status from batch_step_execution where step_name like 'slow-range:%' order by step_name
                    """).query(String.class).list();
            // the one it held ran to its end during shutdown; the other was never taken
            assertThat(partitions).containsExactlyInAnyOrder("COMPLETED", "STARTING");
            assertThat(closedAfter)
                    .as("seconds the shutdown waited for the partition")
                    .isGreaterThan(1.0);
            assertThat(jdbc.sql("select count(*) from int_channel_message")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            assertThat(running).isNotDone();

            try (AnnotationConfigApplicationContext second =
                    context(Map.of("pp.batch.worker.enabled", "true", "pp.batch.worker.poll-interval", "100ms"))) {
                JobExecution execution = running.get(60, TimeUnit.SECONDS);
                assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
                assertThat(jdbc.sql("select status from batch_step_execution where step_name like 'slow-range:%'")
                                .query(String.class)
                                .list())
                        .containsExactly("COMPLETED", "COMPLETED");
            }
        }
    }

    private AnnotationConfigApplicationContext context(Map<String, Object> properties) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
        // shared by the contexts like one database by processes: a closing context must not close it
        context.registerBean("dataSource", DataSource.class, () -> new DelegatingDataSource(dataSource));
        context.register(Wiring.class);
        context.refresh();
        return context;
    }

    @Configuration
    @EnableBatchProcessing
    @Import({PartitionedSteps.class, PartitionChannel.class, PartitionWorker.class})
    static class Wiring {

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new JdbcTransactionManager(dataSource);
        }

        /** The worker step, named as its bean. */
        @Bean(name = "slow-range")
        Step slowRange(JobRepository jobs, PlatformTransactionManager transactions) {
            return new StepBuilder("slow-range", jobs)
                    .tasklet(
                            (contribution, chunk) -> {
                                STARTED.countDown();
                                Thread.sleep(PARTITION_MILLIS);
                                return RepeatStatus.FINISHED;
                            },
                            transactions)
                    .build();
        }

        @Bean
        Job slowJob(JobRepository jobs, PartitionedSteps partitioned, Step slowRange) {
            return new JobBuilder("slow", jobs)
                    .start(partitioned.manager("slow", slowRange, new IdRangePartitioner(1L, 2L)))
                    .build();
        }
    }
}
