package org.primarypipeline.console;

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
import org.primarypipeline.platform.db.EmbeddedPostgresServer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The packaged jar as a process on a shared database: a {@code pp batch-worker}, or a command run to its
 * end as the manager of remote partitioning. For the tests that run several JVMs against one database.
 */
final class BatchJvm implements AutoCloseable {

    record Ended(int exit, String output) {}

    final int httpPort;
    final int temporalPort;
    private final Path log;
    private final Process process;

    private BatchJvm(Path log, int httpPort, int temporalPort, Process process) {
        this.log = log;
        this.httpPort = httpPort;
        this.temporalPort = temporalPort;
        this.process = process;
    }

    static BatchJvm batchWorker(Path dir, String name, String url, int grid, String... properties) throws IOException {
        int http = freePort();
        int temporal = freePort();
        List<String> command = command(dir, name, url, temporal, grid);
        command.add(command.size() - 2, "-Dserver.port=" + http);
        command.add(command.size() - 2, "-Dpp.prioritize.on-start=false");
        for (String property : properties) {
            command.add(command.size() - 2, "-D" + property);
        }
        command.add("batch-worker");
        Path log = logs().resolve("batch-worker-" + name + "-" + http + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new BatchJvm(log, http, temporal, process);
    }

    /** Runs a command of the jar to its end, with remote partitioning. */
    static Ended run(Path dir, String name, String url, int temporalPort, int grid, String... args) throws Exception {
        List<String> command = command(dir, name, url, temporalPort, grid);
        command.add(command.size() - 2, "-Dpp.batch.partitioning=remote");
        command.add(command.size() - 2, "-Dpp.batch.remote.poll-interval=200ms");
        command.addAll(List.of(args));
        Path log = logs().resolve(name + "-" + System.nanoTime() + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not finish: " + Files.readString(log));
        }
        return new Ended(process.exitValue(), Files.readString(log));
    }

    private static List<String> command(Path dir, String name, String url, int temporalPort, int grid) {
        return new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-Dspring.datasource.url=" + url,
                "-Dspring.datasource.username=" + EmbeddedPostgresServer.USER,
                "-Dspring.datasource.password=" + EmbeddedPostgresServer.USER,
                "-Dpp.data-dir=" + dir.resolve(name),
                "-Dpp.temporal.embedded-port=" + temporalPort,
                "-Dpp.temporal.start-embedded=false",
                "-Dpp.batch.grid-size=" + grid,
                "-Dpp.batch.worker.poll-interval=100ms",
                "-jar",
                AppProcess.jar().toString()));
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
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + httpPort + "/actuator/health/readiness"))
                                .build(),
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

    /** The app's own wiring in this JVM on the shared database (no web, no Temporal), partitioning locally. */
    static ConfigurableApplicationContext appInThisJvm(String url, Path dataDir, int grid) throws IOException {
        return new SpringApplicationBuilder(ConsoleApplication.class)
                .web(WebApplicationType.NONE)
                .properties(Map.ofEntries(
                        Map.entry("spring.datasource.url", url),
                        Map.entry("spring.datasource.username", EmbeddedPostgresServer.USER),
                        Map.entry("spring.datasource.password", EmbeddedPostgresServer.USER),
                        Map.entry("pp.data-dir", dataDir.toString()),
                        // no cycle runs here: the Temporal client is never used, so no server is started
                        Map.entry("pp.temporal.embedded-port", Integer.toString(freePort())),
                        Map.entry("pp.temporal.start-embedded", "false"),
                        Map.entry("pp.temporal.worker", "false"),
                        Map.entry("pp.resume-on-start", "false"),
                        Map.entry("pp.prioritize.on-start", "false"),
                        Map.entry("pp.outreach.auto-start", "false"),
                        Map.entry("pp.batch.grid-size", Integer.toString(grid))))
                .run();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
