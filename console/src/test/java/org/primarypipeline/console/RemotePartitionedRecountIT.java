package org.primarypipeline.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.primarypipeline.activities.ballot.BallotActivities;
import org.primarypipeline.activities.cycle.CycleRepository;
import org.primarypipeline.activities.db.EmbeddedPostgresServer;
import org.primarypipeline.activities.recount.RecountReports;
import org.primarypipeline.batch.recount.BatchRecountRunner;
import org.primarypipeline.console.bench.RecountBench;
import org.primarypipeline.core.cycle.CycleStage;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
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
            JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, EmbeddedPostgresServer.USER,
                    EmbeddedPostgresServer.USER));
            String cycleId;
            RecountReports.Report local;
            Jvm first;
            Jvm second;
            try (ConfigurableApplicationContext app = loader(url)) {
                // the database is migrated and the public data loaded: the workers start (two more JVMs)
                // while this one loads the round and recounts it
                first = Jvm.batchWorker(dir, "w1", url);
                second = Jvm.batchWorker(dir, "w2", url);
                cycleId = RecountBench.load(app, MEMBERS);
                app.getBean(BallotActivities.class).tally(cycleId);
                app.getBean(CycleRepository.class).enterStage(cycleId, CycleStage.CERTIFICATION, null, 0,
                        "staff check the result", "certification");
                JobExecution execution = app.getBean(BatchRecountRunner.class)
                        .run(BatchRecountRunner.parameters(cycleId, "local", "it"));
                assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
                local = app.getBean(RecountReports.class).ofJobExecution(execution.getId()).orElseThrow();
            }
            try (first; second) {
                assertThat(local.matches()).as(local.summary()).isTrue();
                first.awaitReady();
                second.awaitReady();
                Jvm.Ended manager = Jvm.run(dir, "manager", url, first.temporalPort, "recount", cycleId, "--as", "it");
                assertThat(manager.exit()).as(manager.output()).isZero();

                RecountReports.Report remote = new RecountReports(jdbc).latest(cycleId).orElseThrow();
                assertThat(remote.id()).isNotEqualTo(local.id());
                assertThat(remote.summary()).isEqualTo(local.summary());
                assertThat(JSON.readTree(remote.detailsJson())).isEqualTo(JSON.readTree(local.detailsJson()));

                List<String> partitions = jdbc.sql("""
                        select step_name || '=' || status from batch_step_execution
                        where job_execution_id = ? and step_name like 'recount-receipt-range:%' order by step_name
                        """).param(remote.jobExecutionId()).query(String.class).list();
                assertThat(partitions).hasSize(GRID).allMatch(p -> p.endsWith("=COMPLETED"));
                assertThat(ranPartitions(first.log())).as("partitions run by the first worker").isPositive();
                assertThat(ranPartitions(second.log())).as("partitions run by the second worker").isPositive();
                assertThat(ranPartitions(first.log()) + ranPartitions(second.log())).isEqualTo(GRID);
                assertThat(jdbc.sql("select count(*) from int_channel_message").query(Long.class).single())
                        .as("every partition request was taken").isZero();
            }
        }
    }

    private static int ranPartitions(String log) {
        int count = 0;
        for (int at = log.indexOf(" ran recount-receipt-range"); at >= 0; at = log.indexOf(" ran recount-receipt-range", at + 1)) {
            count++;
        }
        return count;
    }

    /** The app's own wiring in this JVM, to load the round and recount it the default (local) way. */
    private ConfigurableApplicationContext loader(String url) throws IOException {
        return new SpringApplicationBuilder(ConsoleApplication.class)
                .web(WebApplicationType.NONE)
                .properties(Map.ofEntries(
                        Map.entry("spring.datasource.url", url),
                        Map.entry("spring.datasource.username", EmbeddedPostgresServer.USER),
                        Map.entry("spring.datasource.password", EmbeddedPostgresServer.USER),
                        Map.entry("pp.data-dir", dir.resolve("loader").toString()),
                        // no cycle runs here: the Temporal client is never used, so no server is started
                        Map.entry("pp.temporal.embedded-port", Integer.toString(freePort())),
                        Map.entry("pp.temporal.start-embedded", "false"),
                        Map.entry("pp.temporal.worker", "false"),
                        Map.entry("pp.resume-on-start", "false"),
                        Map.entry("pp.prioritize.on-start", "false"),
                        Map.entry("pp.outreach.auto-start", "false"),
                        Map.entry("pp.batch.grid-size", Integer.toString(GRID))))
                .run();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The packaged jar as a process on the shared database. */
    static final class Jvm implements AutoCloseable {

        record Ended(int exit, String output) {
        }

        final int httpPort;
        final int temporalPort;
        private final Path log;
        private final Process process;

        private Jvm(Path log, int httpPort, int temporalPort, Process process) {
            this.log = log;
            this.httpPort = httpPort;
            this.temporalPort = temporalPort;
            this.process = process;
        }

        static Jvm batchWorker(Path dir, String name, String url) throws IOException {
            int http = freePort();
            int temporal = freePort();
            List<String> command = command(dir, name, url, temporal);
            command.add(command.size() - 2, "-Dserver.port=" + http);
            command.add(command.size() - 2, "-Dpp.prioritize.on-start=false");
            command.add("batch-worker");
            Path log = logs().resolve("batch-worker-" + name + "-" + http + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new Jvm(log, http, temporal, process);
        }

        /** Runs a command of the jar to its end, with remote partitioning. */
        static Ended run(Path dir, String name, String url, int temporalPort, String... args) throws Exception {
            List<String> command = command(dir, name, url, temporalPort);
            command.add(command.size() - 2, "-Dpp.batch.partitioning=remote");
            command.add(command.size() - 2, "-Dpp.batch.remote.poll-interval=200ms");
            command.addAll(List.of(args));
            Path log = logs().resolve(name + "-" + System.nanoTime() + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not finish: " + Files.readString(log));
            }
            return new Ended(process.exitValue(), Files.readString(log));
        }

        private static List<String> command(Path dir, String name, String url, int temporalPort) {
            return new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m",
                    "-Dspring.datasource.url=" + url,
                    "-Dspring.datasource.username=" + EmbeddedPostgresServer.USER,
                    "-Dspring.datasource.password=" + EmbeddedPostgresServer.USER,
                    "-Dpp.data-dir=" + dir.resolve(name),
                    "-Dpp.temporal.embedded-port=" + temporalPort,
                    "-Dpp.temporal.start-embedded=false",
                    "-Dpp.batch.grid-size=" + GRID,
                    "-Dpp.batch.worker.poll-interval=100ms",
                    "-jar", AppProcess.jar().toString()));
        }

        private static Path logs() throws IOException {
            return Files.createDirectories(Path.of("target", "it-logs"));
        }

        void awaitReady() throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (System.nanoTime() < until) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the batch worker exited: " + log());
                }
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + httpPort + "/actuator/health/readiness")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException("the batch worker did not become ready: " + log());
        }

        String log() throws IOException {
            return Files.readString(log);
        }

        /** SIGTERM, as Kubernetes or Compose stop a container; the exit code once it has ended. */
        int terminate() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the process did not end within two minutes of SIGTERM");
            }
            return process.exitValue();
        }

        @Override
        public void close() throws Exception {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }
}
