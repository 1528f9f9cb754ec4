package org.primarypipeline.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classpath {@code pp} gives client commands (the client jar and {@code target/client-lib}) is
 * enough for them: run against a stand-in for the app's API, they send the token, print the answer,
 * and print only the API's reason (or a plain sentence) when it refuses, never the body as it came.
 */
class ClientJarIT {

    private static final String STATUS = """
            {"cycle":{"id":"TX-07-1","districtId":"TX-07","status":"RUNNING","stage":"VOTING_ROUND",
             "stageDeadline":"2026-05-20T12:00:00Z","failureReason":null},
             "live":null,"candidacies":[{"id":3,"fullName":"Ana Ortiz","source":"NOMINATED","status":"APPROVED",
             "pledgeSigned":true}],
             "timeline":[{"at":"2026-05-01T12:00:00Z","stage":"PLEDGE_VETTING","kind":"LAUNCHED",
             "detail":"cycle launched by alice","actor":"alice"}]}
            """;

    @TempDir
    Path dir;

    private HttpServer api;
    private final List<String> authorizations = new ArrayList<>();

    @BeforeEach
    void standIn() throws IOException {
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/api/cycles/TX-07-1", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            if (exchange.getRequestMethod().equals("GET")) {
                answer(exchange, 200, STATUS);
            } else {
                answer(exchange, 403, "{\"error\":\"your role (auditor) may not launch or steer cycles\"}");
            }
        });
        api.createContext("/api/cycles/TX-08-1", exchange -> answer(exchange, 500, "<html>Whitelabel stack</html>"));
        api.start();
    }

    @AfterEach
    void stop() {
        api.stop(0);
    }

    @Test
    void clientCommandsRunOnTheClientClasspathAlone() throws Exception {
        Run status = pp("cycle", "status", "TX-07-1");
        assertThat(status.exit).as(status.output).isZero();
        assertThat(status.output)
                .startsWith("cycle TX-07-1 (TX-07): RUNNING, Voting round, closes Wed 20 May 2026, 7:00 AM CDT")
                .contains("  3     Ana Ortiz", "cycle launched by alice (alice)");
        assertThat(authorizations).containsOnly("Bearer pp_stand-in");

        Run certify = pp("cycle", "certify", "TX-07-1");
        assertThat(certify.exit).isEqualTo(2);
        assertThat(certify.output.strip()).isEqualTo("refused: your role (auditor) may not launch or steer cycles");

        Run broken = pp("cycle", "status", "TX-08-1");
        assertThat(broken.exit).isEqualTo(2);
        assertThat(broken.output.strip())
                .isEqualTo("refused: the app answered HTTP 500 without a reason; its log may say more");
    }

    private record Run(int exit, String output) {}

    private Run pp(String... args) throws Exception {
        Path target = Path.of("target");
        StringBuilder classpath =
                new StringBuilder(target.resolve("primary-pipeline-client.jar").toString());
        try (Stream<Path> libs = Files.list(target.resolve("client-lib"))) {
            libs.sorted()
                    .forEach(lib -> classpath.append(java.io.File.pathSeparator).append(lib));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(
                List.of(java, "-cp", classpath.toString(), "org.primarypipeline.console.PrimaryPipeline"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment()
                .put("PP_URL", "http://127.0.0.1:" + api.getAddress().getPort());
        builder.environment().put("PP_TOKEN", "pp_stand-in");
        builder.environment().put("XDG_CONFIG_HOME", dir.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertNoWarnLine(output);
        return new Run(process.exitValue(), output);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", body.startsWith("<") ? "text/html" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** A command's answer comes first and alone: no framework's WARN line before it (issue #19). */
    static void assertNoWarnLine(String output) {
        assertThat(output.lines())
                .as("a command prints no WARN line:%n%s", output)
                .noneMatch(line -> line.matches(".*\\bWARN\\b.*"));
    }
}
