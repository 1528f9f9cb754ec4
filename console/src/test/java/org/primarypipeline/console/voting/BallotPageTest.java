package org.primarypipeline.console.voting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.primarypipeline.console.ConsoleApplication;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.voting.BallotFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A member's ballot over HTTP against the whole app on a real PostgreSQL: the emailed link, spent once
 * for a session cookie; ranking and changing the ballot, with receipts; a proxy list for this cycle;
 * refusals without the session's form key or after the round; the published receipts and the check.
 */
@SpringBootTest(
        classes = ConsoleApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pp.prioritize.on-start=false", "pp.outreach.public-base-url=https://vote.example.org"})
class BallotPageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void freshDatabaseAndTemporalPort(DynamicPropertyRegistry registry) throws IOException {
        org.primarypipeline.console.FreshAppProperties.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aMemberOpensTheirLinkOnceRanksChangesNamesProxiesAndChecksTheirReceipt() throws Exception {
        BallotFixture.Round round =
                new BallotFixture(app::getBean).votingRound("ME-02", CycleSettings.defaults(), "Ana Ortiz", "Ben Ruiz");
        long ana = round.nominees.get(0);
        long ben = round.nominees.get(1);
        long ann = round.join("Ann Page");
        long bo = round.join("Bo Page");
        round.open();
        String url = jdbc.sql("""
                select model ->> 'ballotUrl' from outbox_message
                where template = 'ballot-link' and recipient = 'ann.page@me-02.example.org'""").query(String.class).single();
        assertThat(url).startsWith("https://vote.example.org/ballot/open/");
        String path = URI.create(url).getPath();
        String token = path.substring(path.lastIndexOf('/') + 1);

        HttpResponse<String> confirm = get(path, null);
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Open my ballot", "ME-02");
        assertThat(confirm.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'");
        assertThat(confirm.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");

        HttpResponse<String> opened = post("/ballot/open", null, Map.of("token", token));
        assertThat(opened.statusCode()).isEqualTo(303);
        assertThat(opened.headers().firstValue("Location")).contains("/ballot/" + round.cycleId);
        String setCookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly", "SameSite=Strict", "Path=/ballot/" + round.cycleId);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpResponse<String> replay = post("/ballot/open", null, Map.of("token", token));
        assertThat(replay.statusCode()).isEqualTo(410);
        assertThat(replay.body()).contains("already been used", "fresh link");

        HttpResponse<String> page = get("/ballot/" + round.cycleId, cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "Ana Ortiz",
                        "Ben Ruiz",
                        "No ballot stored yet",
                        "How this vote works",
                        "smartocracy",
                        "10 vote units");
        String formKey = formKey(page.body());

        // the page is in the member's own language (member.locale), unless this browser chose another
        jdbc.sql("update member set locale = 'es' where id = ?").param(ann).update();
        assertThat(get("/ballot/" + round.cycleId, cookie).body())
                .contains("<html lang=\"es\"", "Ordena a los candidatos", "Cómo funciona esta votación", "smartocracia")
                .doesNotContain("How this vote works");
        assertThat(get("/ballot/" + round.cycleId + "?lang=en", cookie).body()).contains("How this vote works");
        jdbc.sql("update member set locale = 'en' where id = ?").param(ann).update();

        // a post without the session's form key (another site's form) stores nothing
        HttpResponse<String> forged = post("/ballot/" + round.cycleId + "/ranking", cookie, Map.of("rank_" + ana, "1"));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from ballot where cycle_id = ?")
                        .param(round.cycleId)
                        .query(Integer.class)
                        .single())
                .isZero();

        HttpResponse<String> cast = post(
                "/ballot/" + round.cycleId + "/ranking",
                cookie,
                Map.of("formKey", formKey, "rank_" + ana, "2", "rank_" + ben, "1"));
        // answered with the page itself, which shows the ballot's secret once (it is never stored)
        assertThat(cast.statusCode()).isEqualTo(200);
        assertThat(cast.body()).contains("Your ballot is stored", "Entry <strong>#1</strong>", "id=\"secret\"");
        assertThat(get("/ballot/" + round.cycleId, cookie).body()).doesNotContain("id=\"secret\"");
        assertThat(ranking(round.cycleId, ann)).isEqualTo("{" + ben + "," + ana + "}");

        HttpResponse<String> twice = post(
                "/ballot/" + round.cycleId + "/ranking",
                cookie,
                Map.of("formKey", formKey, "rank_" + ana, "1", "rank_" + ben, "1"));
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body()).contains("rank 1 is given twice");

        HttpResponse<String> changed =
                post("/ballot/" + round.cycleId + "/ranking", cookie, Map.of("formKey", formKey, "rank_" + ana, "1"));
        assertThat(changed.statusCode()).isEqualTo(200);
        String receipt = receiptOnPage(get("/ballot/" + round.cycleId, cookie).body());
        assertThat(ranking(round.cycleId, ann)).isEqualTo("{" + ana + "}");

        HttpResponse<String> proxies = post(
                "/ballot/" + round.cycleId + "/proxies",
                cookie,
                Map.of("formKey", formKey, "proxy_1", Long.toString(bo), "scope", "cycle"));
        assertThat(proxies.statusCode()).isEqualTo(303);
        assertThat(get("/ballot/" + round.cycleId, cookie).body())
                .contains("your own list for this cycle: member " + bo + " (10 units)");

        // nothing is published while the round is open
        assertThat(get("/ballot/" + round.cycleId + "/receipts", null).statusCode())
                .isEqualTo(409);

        round.countAndClose();

        HttpResponse<String> late =
                post("/ballot/" + round.cycleId + "/ranking", cookie, Map.of("formKey", formKey, "rank_" + ben, "1"));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("Voting closed at");
        assertThat(ranking(round.cycleId, ann)).isEqualTo("{" + ana + "}");

        JsonNode published = JSON.readTree(
                get("/ballot/" + round.cycleId + "/receipts", null).body());
        assertThat(published.get("chainHead").asText()).isEqualTo(receipt);
        assertThat(published.get("entries")).hasSize(2);
        List<String> fields = new ArrayList<>();
        for (Iterator<String> names = published.get("entries").get(0).fieldNames(); names.hasNext(); ) {
            fields.add(names.next());
        }
        assertThat(fields).containsExactly("seq", "previous", "receipt", "counted");
        assertThat(get("/ballot/" + round.cycleId + "/check?receipt=" + receipt, null)
                        .body())
                .contains("Found as entry #2 and counted")
                // in words a member reads: never "2 entries, true ballots counted"
                .contains("The chain holds 2 receipts; 1 ballot was counted. A member who voted again")
                .doesNotContain("true ballots", " entries, ");
        JsonNode check = JSON.readTree(get(
                        "/ballot/" + round.cycleId + "/receipts/"
                                + published.get("entries").get(0).get("receipt").asText(),
                        null)
                .body());
        assertThat(check.get("found").asBoolean()).isTrue();
        assertThat(check.get("counted").asBoolean()).isFalse();
    }

    private String ranking(String cycleId, long member) {
        return jdbc.sql("select ranking::text from ballot where cycle_id = ? and member_id = ?")
                .params(cycleId, member)
                .query(String.class)
                .single();
    }

    private static String formKey(String html) {
        Matcher m = Pattern.compile("name=\"formKey\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String receiptOnPage(String html) {
        Matcher m = Pattern.compile("<code>([0-9a-f]{64})</code>").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /**
     * Session planting: a page elsewhere posts its own ballot link to /ballot/open from the member's
     * browser, which would then vote in the attacker's session. A cross-site post is refused before the
     * link is spent; the member's own post from the confirmation page still opens the ballot.
     */
    @Test
    void aCrossSitePostToOpenABallotIsRefusedAndTheLinkStaysGood() throws Exception {
        BallotFixture.Round round =
                new BallotFixture(app::getBean).votingRound("ME-01", CycleSettings.defaults(), "Cara Diaz", "Dan Ruiz");
        round.join("Cy Page");
        round.open();
        String url = jdbc.sql("""
                select model ->> 'ballotUrl' from outbox_message
                where template = 'ballot-link' and recipient = 'cy.page@me-01.example.org'""").query(String.class).single();
        String path = URI.create(url).getPath();
        String token = path.substring(path.lastIndexOf('/') + 1);

        HttpResponse<String> fromElsewhere = post(
                "/ballot/open", Map.of("Origin", "https://attacker.example", "Sec-Fetch-Site", "cross-site"), token);
        assertThat(fromElsewhere.statusCode()).isEqualTo(403);
        assertThat(fromElsewhere.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(fromElsewhere.body()).contains("link");
        HttpResponse<String> originOnly = post("/ballot/open", Map.of("Origin", "https://attacker.example"), token);
        assertThat(originOnly.statusCode())
                .as("an older browser that sends Origin only")
                .isEqualTo(403);

        HttpResponse<String> fromTheConfirmationPage = post(
                "/ballot/open", Map.of("Origin", "http://127.0.0.1:" + port, "Sec-Fetch-Site", "same-origin"), token);
        assertThat(fromTheConfirmationPage.statusCode()).isEqualTo(303);
        assertThat(fromTheConfirmationPage.headers().firstValue("Set-Cookie")).isPresent();
    }

    private HttpResponse<String> post(String path, Map<String, String> headers, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookie, Map<String, String> form) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
