package org.primarypipeline.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged app ({@code java -jar primary-pipeline.jar}) as a separate process on embedded
 * defaults, driven over its REST API: what a user runs, killed and restarted like a real machine.
 * Staff accounts are added the way an operator adds them, with {@code pp users add} beside the
 * serving app; staff calls then sign in with HTTP Basic.
 */
final class AppProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The accounts tests add with {@link #addAccount}; GETs read as the first. */
    static final Map<String, String> PASSWORDS =
            Map.of("alice", "first staff passphrase", "bob", "second staff passphrase");

    private static final String READER = "alice";

    private final Path dataDir;
    private final int httpPort;
    private final int temporalPort;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();
    private Process process;

    AppProcess(Path dataDir) throws IOException {
        this.dataDir = dataDir;
        this.httpPort = freePort();
        this.temporalPort = freePort();
        Path logs = Files.createDirectories(Path.of("target", "it-logs"));
        this.log = logs.resolve("app-" + httpPort + ".log");
    }

    static Path jar() {
        Path jar = Path.of("target", "primary-pipeline.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(
                    "run with 'mvn verify': the packaged jar is needed at " + jar.toAbsolutePath());
        }
        return jar;
    }

    void start() throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Dpp.data-dir=" + dataDir,
                "-Dserver.port=" + httpPort,
                "-Dpp.temporal.embedded-port=" + temporalPort,
                // members join and the round opens within the test: no waiting period before a ballot
                "-Dpp.vote.min-membership-age=0s",
                "-jar",
                jar().toString()));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        // generous: on the shared build machine (load 10-30) the packaged app took over 120 s to start
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited: " + Files.readString(log));
            }
            try {
                if (get("/actuator/health/readiness").path("status").asText().equals("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the app did not become ready: " + Files.readString(log));
    }

    /** Runs {@code pp users add} against the serving app's data, as an operator would on the server. */
    void addAccount(String name, String role) throws Exception {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dpp.data-dir=" + dataDir,
                "-Dpp.temporal.embedded-port=" + temporalPort,
                "-jar",
                jar().toString(),
                "users",
                "add",
                "--role",
                role,
                "--name",
                name,
                "--password-stdin");
        Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
        cli.getOutputStream().write((PASSWORDS.get(name) + "\n").getBytes(StandardCharsets.UTF_8));
        cli.getOutputStream().close();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!cli.waitFor(120, TimeUnit.SECONDS) || cli.exitValue() != 0) {
            throw new IllegalStateException("pp users add " + name + " failed: " + output);
        }
        // a command started with Spring (database, jobs) answers alone too
        ClientJarIT.assertNoWarnLine(output);
    }

    /** Kills the JVM outright, as a power cut or OOM killer would: no shutdown hooks run. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (path.startsWith("/api/")) {
            request.header("Authorization", basic(READER));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    Response post(String path, String body, String actor) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body));
        if (actor != null) {
            request.header("Authorization", basic(actor));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
    }

    Response put(String path, String body, String actor) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", basic(actor))
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), JSON.readTree(response.body()));
    }

    record Response(int status, JsonNode body) {}

    /**
     * Asks to join a district group as the public does, then follows the link the app sent (read from its
     * outbox, as the member would from their inbox); returns the member's id.
     */
    long joinConfirmed(String district, String fullName, String email) throws Exception {
        Response asked = post(
                "/api/districts/" + district + "/members",
                "{\"fullName\": \"" + fullName + "\", \"email\": \"" + email + "\"}",
                null);
        if (asked.status() != 202) {
            throw new IllegalStateException("joining answered " + asked.status() + ": " + asked.body());
        }
        int port = Integer.parseInt(Files.readString(dataDir.resolve("postgres").resolve("postgres.port"))
                .strip());
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "postgres")) {
            String url;
            try (java.sql.PreparedStatement link = db.prepareStatement(
                    "select model ->> 'confirmUrl' from outbox_message where template = 'join-confirm' and recipient = ?"
                            + " order by id desc limit 1")) {
                link.setString(1, email);
                try (java.sql.ResultSet row = link.executeQuery()) {
                    row.next();
                    url = row.getString(1);
                }
            }
            HttpResponse<String> confirmed = http.send(
                    HttpRequest.newBuilder(uri(URI.create(url).getPath()))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (confirmed.statusCode() != 200) {
                throw new IllegalStateException("confirming answered " + confirmed.statusCode());
            }
            try (java.sql.PreparedStatement member =
                    db.prepareStatement("select id from member where lower(email) = lower(?)")) {
                member.setString(1, email);
                try (java.sql.ResultSet row = member.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        }
    }

    /** The member at {@code email} confirms the latest assisted ballot staff entered for them, by its link. */
    void confirmAssisted(String email) throws Exception {
        int port = Integer.parseInt(Files.readString(dataDir.resolve("postgres").resolve("postgres.port"))
                .strip());
        String url;
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "postgres");
                java.sql.PreparedStatement link = db.prepareStatement(
                        "select model ->> 'answerUrl' from outbox_message where template = 'assisted-ballot'"
                                + " and recipient = ? order by id desc limit 1")) {
            link.setString(1, email);
            try (java.sql.ResultSet row = link.executeQuery()) {
                row.next();
                url = row.getString(1);
            }
        }
        String path = URI.create(url).getPath();
        String token = path.substring(path.lastIndexOf('/') + 1);
        String page = http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("action=\"/ballot/assisted/(\\d+)\"")
                .matcher(page);
        if (!id.find()) {
            throw new IllegalStateException("no assisted ballot to confirm on " + page);
        }
        HttpResponse<String> answered = http.send(
                HttpRequest.newBuilder(uri("/ballot/assisted/" + id.group(1)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("token=" + token + "&decision=confirm"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answered.statusCode() != 200) {
            throw new IllegalStateException("confirming answered " + answered.statusCode());
        }
    }

    private static String basic(String user) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORDS.get(user)).getBytes(StandardCharsets.UTF_8));
    }

    String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        stopOrphanedPostgres();
    }

    /** A killed app leaves its PostgreSQL server running (the next start joins it); tests stop it. */
    private void stopOrphanedPostgres() throws IOException {
        File pid = dataDir.resolve("postgres")
                .resolve("pgdata")
                .resolve("postmaster.pid")
                .toFile();
        if (pid.exists()) {
            long serverPid =
                    Long.parseLong(Files.readAllLines(pid.toPath()).get(0).trim());
            ProcessHandle.of(serverPid).ifPresent(ProcessHandle::destroy);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }
}
