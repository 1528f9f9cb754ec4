package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.primarypipeline.console.ConsoleApplication;
import org.primarypipeline.console.FreshAppProperties;
import org.primarypipeline.console.users.ConsoleUsers;
import org.primarypipeline.console.users.Role;
import org.primarypipeline.console.users.UserAdministration;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.supporters.MemberRepository;
import org.primarypipeline.voting.BallotFixture;
import org.primarypipeline.voting.ProxyLists;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Joining a district group through the whole app (real HTTP, the security chain, PostgreSQL), with the
 * default waiting period of a week before a member votes. Each hole this closes answered otherwise on
 * the code before it: the join answered 201 and made a voting member at once, with no limit; the same
 * email joined two groups; a member in two groups got HTTP 500 on every proxy save.
 */
@SpringBootTest(
        classes = ConsoleApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pp.prioritize.on-start=false", "pp.outreach.public-base-url=https://join.example.org"})
class JoiningTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        FreshAppProperties.register(registry);
        registry.add("pp.vote.min-membership-age", () -> "7d");
        registry.add("pp.join.per-ip-per-hour", () -> "8");
        registry.add("pp.join.per-address-per-day", () -> "2");
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAdministration administration;

    @Autowired
    ConsoleUsers users;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void freshLimitsAndAStaffAccount() {
        // the limits count requests from this test's one address (127.0.0.1): each test starts from none
        // (written so it also runs on the code before join requests existed, where the tests fail on what it answered)
        jdbc.sql("do $$ begin if to_regclass('join_request') is not null then delete from join_request; end if; end $$")
                .update();
        if (users.find("alice").isEmpty()) {
            administration.addFromCommandLine(
                    "test",
                    "alice",
                    Role.STAFF,
                    ConsoleTestSupport.password("alice").toCharArray());
        }
    }

    @Test
    void theJoinFloodAnswers429PastTheLimitsAndUnconfirmedAndTooRecentMembersGetNoBallot() throws Exception {
        BallotFixture.Round round =
                new BallotFixture(app::getBean).votingRound("NM-01", CycleSettings.defaults(), "Ana Ortiz", "Ben Ruiz");
        HttpResponse<String> asked = join("NM-01", "{\"fullName\":\"Vera Long\",\"email\":\"vera@example.org\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        assertThat(JSON.readTree(asked.body()).has("memberId")).isFalse();
        assertThat(JSON.readTree(asked.body()).path("sentBy").asText()).isEqualTo("EMAIL");
        // nobody is a member before the link is followed
        assertThat(memberCount("vera@example.org")).isZero();
        long vera = confirm("vera@example.org");
        jdbc.sql("update group_membership set joined_at = now() - interval '8 days' where member_id = ?")
                .param(vera)
                .update();
        long rita = confirm(requested("NM-01", "Rita Recent", "rita@example.org"));
        requested("NM-01", "Uma Unconfirmed", "uma@example.org");

        // per address: a second link to the same address is sent, a third is refused until a day has passed
        assertThat(join("NM-01", "{\"fullName\":\"Uma U\",\"email\":\"uma@example.org\"}")
                        .statusCode())
                .isEqualTo(202);
        HttpResponse<String> thirdToUma = join("NM-01", "{\"fullName\":\"Uma U\",\"email\":\"uma@example.org\"}");
        assertThat(thirdToUma.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(thirdToUma.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 86_400L);
        assertThat(JSON.readTree(thirdToUma.body()).path("error").asText()).contains("today");

        // a bot filling the hidden field is answered as a person would be, and nothing is stored or sent
        int before = requests();
        HttpResponse<String> bot =
                join("NM-01", "{\"fullName\":\"Bot\",\"email\":\"bot@example.org\",\"website\":\"http://spam\"}");
        assertThat(bot.statusCode()).isEqualTo(202);
        assertThat(requests()).isEqualTo(before);
        assertThat(outboxTo("bot@example.org")).isZero();

        // per network address: 8 requests an hour (4 so far), then 429 with when to try again
        List<Integer> flood = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            flood.add(join("NM-01", "{\"fullName\":\"Flood " + i + "\",\"email\":\"flood" + i + "@example.org\"}")
                    .statusCode());
        }
        assertThat(flood).containsExactly(202, 202, 202, 202, 429, 429);
        HttpResponse<String> limited = join("NM-01", "{\"fullName\":\"Flood\",\"email\":\"flood9@example.org\"}");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 3_600L);
        assertThat(requests()).isEqualTo(8);
        assertThat(memberCount("flood0@example.org")).isZero();

        round.open();
        assertThat(jdbc.sql("select member_id from electorate where cycle_id = ?")
                        .param(round.cycleId)
                        .query(Long.class)
                        .list())
                .containsExactly(vera)
                .doesNotContain(rita);
        assertThat(jdbc.sql("select recipient from outbox_message where template = 'ballot-link'")
                        .query(String.class)
                        .list())
                .containsExactly("vera@example.org");

        // the ballot page says who votes in this round: members who had joined by the cut-off
        String cookie = openBallot("vera@example.org", round.cycleId);
        HttpResponse<String> page = get("/ballot/" + round.cycleId, cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("had joined by").contains("confirmed it by the link");
    }

    @Test
    void aPersonBelongsToOneGroupJoiningAnotherIsAMoveAndTheirProxiesSave() throws Exception {
        long sam = confirm(requested("TX-07", "Sam Mover", "sam@example.org"));
        long gil = confirm(requested("WA-07", "Gil Friend", "gil@example.org"));
        assertThat(openGroups(sam)).containsExactly("TX-07");

        // the same email asks to join another district: still in TX-07 until the link is followed
        String link = linkFor(requested("WA-07", "Sam Mover", "sam@example.org"));
        assertThat(openGroups(sam)).containsExactly("TX-07");
        HttpResponse<String> moved = post(URI.create(link).getPath());
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(moved.body()).contains("member of the WA-07 district group", "You have left the TX-07 group");
        assertThat(openGroups(sam)).containsExactly("WA-07");
        assertThat(jdbc.sql("select joined_via from member where id = ?")
                        .param(sam)
                        .query(String.class)
                        .single())
                .isEqualTo("CONFIRMED_LINK");

        // a double click answers the same and changes nothing
        HttpResponse<String> again = post(URI.create(link).getPath());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("already confirmed", "WA-07");
        assertThat(openGroups(sam)).containsExactly("WA-07");

        // the proxy save that failed with HTTP 500 for a member of two groups (staff no longer save proxies
        // over the API, only enter an assisted ballot the member confirms, so the save itself is called)
        app.getBean(ProxyLists.class).replaceStanding(sam, List.of(new MemberRepository.ProxyChoice(gil, 10)));
        assertThat(app.getBean(ProxyLists.class).of("none", sam).standing())
                .extracting(MemberRepository.ProxyChoice::proxyMemberId)
                .containsExactly(gil);

        // and the database itself refuses a second open membership
        long tx07 = jdbc.sql("""
                select g.id from district_group g join district_plan p on p.id = g.plan_id and p.is_current
                where g.district_id = 'TX-07'""").query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql(
                                "insert into group_membership (group_id, member_id) values (?, ?) on conflict (group_id, member_id) do update set left_at = null")
                        .params(tx07, sam)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void theDistrictComesFromTheZipAndAMismatchIsExplained() throws Exception {
        String vermont = DistrictId.parse("VT-AL").toString();
        HttpResponse<String> asked =
                join("WA-07", "{\"fullName\":\"Zed Zip\",\"email\":\"zed@example.org\",\"zip\":\"05401\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        JsonNode answer = JSON.readTree(asked.body());
        assertThat(answer.path("district").asText()).isEqualTo(vermont);
        assertThat(answer.path("namedDistrict").asText()).isEqualTo("WA-07");
        assertThat(answer.path("note").asText()).contains("05401", vermont, "not WA-07");
        long zed = confirm("zed@example.org");
        assertThat(openGroups(zed)).containsExactly(vermont);

        HttpResponse<String> named = join("WA-07", "{\"fullName\":\"Wes Named\",\"email\":\"wes@example.org\"}");
        assertThat(JSON.readTree(named.body()).path("district").asText()).isEqualTo("WA-07");
        assertThat(JSON.readTree(named.body()).path("note").isNull()).isTrue();
    }

    @Test
    void badInputIsRefusedFieldByFieldWithSizeLimits() throws Exception {
        String longName = "x".repeat(5_000);
        HttpResponse<String> refused = join(
                "WA-07",
                "{\"fullName\":\"" + longName + "\",\"email\":\"not-an-address\",\"zip\":\"12\",\"street\":\""
                        + "y".repeat(300) + "\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.path("error").asText()).isNotBlank();
        assertThat(body.path("fields").path("fullName").asText()).contains("at most 200");
        assertThat(body.path("fields").path("email").asText())
                .isEqualTo("The email is not an address we can write to; write it like name@example.org.");
        assertThat(body.path("fields").path("zip").asText()).contains("ZIP");
        assertThat(body.path("fields").path("street").asText()).contains("at most 200");
        assertThat(refused.body()).doesNotContain(longName);

        JsonNode noWayToReach =
                JSON.readTree(join("WA-07", "{\"fullName\":\"Nobody\"}").body());
        assertThat(noWayToReach.path("fields").path("email").asText()).startsWith("An email or a phone number");
        JsonNode noDistrict = JSON.readTree(join("ZZ-99", "{\"fullName\":\"Nowhere\",\"email\":\"n@example.org\"}")
                .body());
        assertThat(noDistrict.path("fields").has("district")).isTrue();
        assertThat(requests()).isZero();
    }

    @Test
    void theLinkGoesInSpanishOrByTextAndThePageIsPersonalWithoutScript() throws Exception {
        HttpResponse<String> spanish =
                join("WA-07", "{\"fullName\":\"Lucía Ruiz\",\"email\":\"lucia@example.org\",\"language\":\"es\"}");
        assertThat(spanish.statusCode()).isEqualTo(202);
        String link = linkFor("lucia@example.org");
        assertThat(link).startsWith("https://join.example.org/join/confirm/").endsWith("?lang=es");
        String token = URI.create(link).getPath().substring("/join/confirm/".length());
        assertThat(token).hasSize(22); // 128 random bits
        assertThat(jdbc.sql("select count(*) from join_request where token_hash = sha256(convert_to(?, 'UTF8'))")
                        .param(token)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from join_request r where r::text like ?")
                        .param("%" + token + "%")
                        .query(Integer.class)
                        .single())
                .isZero();

        HttpResponse<String> page = get(URI.create(link).getPath() + "?lang=es", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<html lang=\"es\">", "Confirma que quieres unirte", "Unirme al grupo de WA-07")
                .contains("name=\"viewport\" content=\"width=device-width")
                .doesNotContain("<script");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'");
        assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        // opening the page changes nothing (mail scanners open links)
        assertThat(memberCount("lucia@example.org")).isZero();
        HttpResponse<String> english = get(URI.create(link).getPath() + "?lang=en", null);
        assertThat(english.body()).contains("<html lang=\"en\">", "Join the WA-07 group", "Español");

        HttpResponse<String> byText = join("WA-07", "{\"fullName\":\"Ted Text\",\"phone\":\"(206) 555-0142\"}");
        assertThat(byText.statusCode()).as(byText.body()).isEqualTo(202);
        assertThat(JSON.readTree(byText.body()).path("sentBy").asText()).isEqualTo("SMS");
        assertThat(jdbc.sql("""
                select channel || ' ' || template from outbox_message where recipient = '+12065550142'""").query(String.class).single()).isEqualTo("SMS join-confirm");

        jdbc.sql("update join_request set expires_at = now() - interval '1 second' where email = 'lucia@example.org'")
                .update();
        assertThat(post(URI.create(link).getPath()).statusCode()).isEqualTo(410);
        assertThat(memberCount("lucia@example.org")).isZero();
        assertThat(post("/join/confirm/not-a-token").statusCode()).isEqualTo(404);
    }

    // --- helpers: what a person and their inbox do

    private HttpResponse<String> join(String district, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/districts/" + district + "/members"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String requested(String district, String name, String email) throws Exception {
        HttpResponse<String> asked = join(district, "{\"fullName\":\"" + name + "\",\"email\":\"" + email + "\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        return email;
    }

    /** The latest link sent to the address, as the person finds it in their inbox. */
    private String linkFor(String email) {
        return jdbc.sql("""
                select model ->> 'confirmUrl' from outbox_message where template = 'join-confirm' and recipient = ?
                order by id desc limit 1""").param(email).query(String.class).single();
    }

    /** Opens the link, presses the button; returns the member now in the group. */
    private long confirm(String email) throws Exception {
        String path = URI.create(linkFor(email)).getPath();
        HttpResponse<String> page = get(path, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\" action=\"" + path);
        HttpResponse<String> done = post(path);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("You are a member of the");
        return jdbc.sql("select id from member where lower(email) = ?")
                .param(email)
                .query(Long.class)
                .single();
    }

    private List<String> openGroups(long member) {
        return jdbc.sql("""
                select g.district_id from group_membership gm join district_group g on g.id = gm.group_id
                where gm.member_id = ? and gm.left_at is null""").param(member).query(String.class).list();
    }

    private int memberCount(String email) {
        return jdbc.sql("select count(*) from member where lower(email) = ?")
                .param(email)
                .query(Integer.class)
                .single();
    }

    private int outboxTo(String recipient) {
        return jdbc.sql("select count(*) from outbox_message where recipient = ?")
                .param(recipient)
                .query(Integer.class)
                .single();
    }

    private int requests() {
        return jdbc.sql("select count(*) from join_request")
                .query(Integer.class)
                .single();
    }

    /** Follows the member's ballot link and presses "open": the ballot session's cookie. */
    private String openBallot(String email, String cycleId) throws Exception {
        String url = jdbc.sql("""
                select model ->> 'ballotUrl' from outbox_message where template = 'ballot-link' and recipient = ?""").param(email).query(String.class).single();
        String path = URI.create(url).getPath();
        String token = path.substring(path.lastIndexOf('/') + 1);
        HttpResponse<String> opened = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/ballot/open"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("token=" + token))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(303);
        assertThat(opened.headers().firstValue("Location")).contains("/ballot/" + cycleId);
        String setCookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base() + path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(""))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
