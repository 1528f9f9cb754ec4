package org.primarypipeline.console.voting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.primarypipeline.console.ConsoleApplication;
import org.primarypipeline.console.cli.VerifyCommand;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.supporters.MemberRepository.ProxyChoice;
import org.primarypipeline.voting.BallotFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import picocli.CommandLine;

/**
 * A real round through the whole app (real PostgreSQL, real HTTP, the real security chain, no account)
 * to its audit bundle, counted again by {@code pp verify}: verified as published, and the difference
 * named once the bundle is tampered with. Before the count the bundle is refused in words.
 */
@SpringBootTest(
        classes = ConsoleApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pp.prioritize.on-start=false"})
class AuditBundleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void freshDatabaseAndTemporalPort(DynamicPropertyRegistry registry) throws IOException {
        org.primarypipeline.console.FreshAppProperties.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aCountedRoundsBundleIsVerifiedAndATamperedOneIsNamed() throws Exception {
        BallotFixture.Round round = new BallotFixture(app::getBean)
                .votingRound("ME-01", CycleSettings.defaults(), "Ana Ortiz", "Ben Ruiz", "Cy Lund");
        long ana = round.nominees.get(0);
        long ben = round.nominees.get(1);
        long cy = round.nominees.get(2);
        List<Long> m = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            m.add(round.join("Green Mountain " + i));
        }
        // a chain (7 -> 8 -> 1), a split list, a dead end (9 names 10, who does nothing) and a closed pair
        round.proxies(m.get(6), new ProxyChoice(m.get(7), 10));
        round.proxies(m.get(7), new ProxyChoice(m.get(0), 10));
        round.proxies(m.get(5), new ProxyChoice(m.get(1), 4), new ProxyChoice(m.get(2), 6));
        round.proxies(m.get(8), new ProxyChoice(m.get(9), 10));
        round.proxies(m.get(3), new ProxyChoice(m.get(4), 10));
        round.proxies(m.get(4), new ProxyChoice(m.get(3), 10));
        round.open();
        round.cast(m.get(0), ana, ben);
        round.cast(m.get(1), ben, cy);
        round.cast(m.get(2), cy, ben);
        round.cast(m.get(5), ana);

        String path = "/ballot/" + round.cycleId + "/audit-bundle";
        HttpResponse<String> early = get(path);
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("published once its round has been counted");
        HttpResponse<String> unknown = get("/ballot/XX-99-9/audit-bundle");
        assertThat(unknown.statusCode()).isEqualTo(404);

        round.countAndClose();

        HttpResponse<String> published = get(path);
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(get(path).body()).as("pseudonyms are kept").isEqualTo(published.body());
        JsonNode bundle = JSON.readTree(published.body());
        assertThat(bundle.get("members")).hasSize(10);
        for (JsonNode member : bundle.get("members")) {
            assertThat(member.get("id").asText()).matches("p[0-9a-f]{32}");
            assertThat(m).doesNotContain(member.get("id").asLong(-1));
        }
        assertThat(published.body()).doesNotContain("Green Mountain");
        assertThat(bundle.get("chain").get("length").asLong()).isEqualTo(4);

        Run verified = verify("http://127.0.0.1:" + port + path);
        assertThat(verified.exit).isZero();
        assertThat(verified.out).startsWith("verified: winner ").contains("4 ballots of 10 members");

        // a ballot's first choice moved to another nominee
        ObjectNode tampered = (ObjectNode) bundle.deepCopy();
        for (JsonNode member : tampered.get("members")) {
            JsonNode ranking = member.get("ranking");
            if (ranking != null && ranking.isArray() && ranking.get(0).asText().equals(Long.toString(cy))) {
                ((ObjectNode) member).putArray("ranking").add(Long.toString(ana));
            }
        }
        Path file = Files.createTempFile("bundle", ".json");
        Files.writeString(file, JSON.writeValueAsString(tampered));
        Run differs = verify(file.toString());
        assertThat(differs.exit).isEqualTo(1);
        assertThat(differs.out).startsWith("DIFFERS: ").contains("round 1 units of Ana Ortiz");
    }

    private record Run(int exit, String out) {}

    private static Run verify(String bundle) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new VerifyCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        int exit = cli.execute(bundle);
        return new Run(exit, out.toString().trim());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
