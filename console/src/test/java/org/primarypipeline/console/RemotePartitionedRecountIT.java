package org.primarypipeline.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.primarypipeline.batch.recount.BatchRecountRunner;
import org.primarypipeline.certification.RecountReports;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.platform.db.EmbeddedPostgresServer;
import org.primarypipeline.testing.VotingRound;
import org.primarypipeline.voting.BallotActivities;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Remote partitioning with the packaged jar: one PostgreSQL database, a round of a few thousand
 * members counted and recounted locally (threads, the default), then two {@code pp batch-worker}
 * processes and a manager ({@code pp recount} with {@code pp.batch.partitioning=remote}) as three more
 * JVMs. The remote recount must write the same report, word for word and field for field, and both
 * workers must have run partitions of it. (Stopping a worker mid-partition is
 * {@code RemotePartitioningShutdownTest} in batch-jobs.)
 */
class RemotePartitionedRecountIT {

    private static final int MEMBERS = 4000;
    private static final int GRID = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void twoBatchWorkersRecountTheRoundExactlyAsTheLocalJobDoes() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startFresh()) {
            String url = postgres.jdbcUrl();
            JdbcClient jdbc = JdbcClient.create(
                    new DriverManagerDataSource(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.USER));
            String cycleId;
            RecountReports.Report local;
            BatchJvm first;
            BatchJvm second;
            try (ConfigurableApplicationContext app = BatchJvm.appInThisJvm(url, dir.resolve("loader"), GRID)) {
                // the database is migrated and the public data loaded: the workers start (two more JVMs)
                // while this one loads the round and recounts it
                first = BatchJvm.batchWorker(dir, "w1", url, GRID);
                second = BatchJvm.batchWorker(dir, "w2", url, GRID);
                cycleId = VotingRound.load(app, MEMBERS);
                app.getBean(BallotActivities.class).tally(cycleId);
                app.getBean(CycleRepository.class)
                        .enterStage(
                                cycleId, CycleStage.CERTIFICATION, null, 0, "staff check the result", "certification");
                JobExecution execution = app.getBean(BatchRecountRunner.class)
                        .run(BatchRecountRunner.parameters(cycleId, "local", "it"));
                assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
                local = app.getBean(RecountReports.class)
                        .ofJobExecution(execution.getId())
                        .orElseThrow();
            }
            try (first;
                    second) {
                assertThat(local.matches()).as(local.summary()).isTrue();
                first.awaitReady();
                second.awaitReady();
                BatchJvm.Ended manager =
                        BatchJvm.run(dir, "manager", url, first.temporalPort, GRID, "recount", cycleId, "--as", "it");
                assertThat(manager.exit()).as(manager.output()).isZero();

                RecountReports.Report remote =
                        new RecountReports(jdbc).latest(cycleId).orElseThrow();
                assertThat(remote.id()).isNotEqualTo(local.id());
                assertThat(remote.summary()).isEqualTo(local.summary());
                assertThat(JSON.readTree(remote.detailsJson())).isEqualTo(JSON.readTree(local.detailsJson()));

                List<String> partitions = jdbc.sql("""
                        select step_name || '=' || status from batch_step_execution
                        where job_execution_id = ? and step_name like 'recount-receipt-range:%' order by step_name
                        """)
                        .param(remote.jobExecutionId())
                        .query(String.class)
                        .list();
                assertThat(partitions).hasSize(GRID).allMatch(p -> p.endsWith("=COMPLETED"));
                assertThat(ranPartitions(first.log()))
                        .as("partitions run by the first worker")
                        .isPositive();
                assertThat(ranPartitions(second.log()))
                        .as("partitions run by the second worker")
                        .isPositive();
                assertThat(ranPartitions(first.log()) + ranPartitions(second.log()))
                        .isEqualTo(GRID);
                assertThat(jdbc.sql("select count(*) from int_channel_message")
                                .query(Long.class)
                                .single())
                        .as("every partition request was taken")
                        .isZero();
            }
        }
    }

    private static int ranPartitions(String log) {
        int count = 0;
        for (int at = log.indexOf(" ran recount-receipt-range");
                at >= 0;
                at = log.indexOf(" ran recount-receipt-range", at + 1)) {
            count++;
        }
        return count;
    }
}
