package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.primarypipeline.campaigns.events.EventKind;
import org.primarypipeline.campaigns.events.EventStore;
import org.primarypipeline.supporters.MemberRepository;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One-time event links for guest callers, over HTTP through the whole app (the members' chain and its
 * filter): the host of a phone-bank event makes a link for a named guest (refused beside the field without
 * a name); the guest opens it (a GET spends nothing, the button's post does), calls a contact and records
 * the result, which names the guest's session and name and no member; the link does not open twice; the
 * guest's session opens neither {@code /me}, nor the host's pages, nor another campaign's call page; a
 * guest never becomes a member. Districts SC-01 and SC-02.
 */
class CallerLinkPagesTest extends ConsoleTestSupport {

    @Autowired
    MemberRepository members;

    @Autowired
    EventStore events;

    @BeforeEach
    void freshLimits() {
        jdbc.sql("delete from member_sign_in").update();
    }

    @Test
    void aHostMakesALinkAndAGuestCallsOnceThroughIt() throws Exception {
        ConsoleHttp http = new ConsoleHttp(base());
        String cycle = ContactsFixture.campaign(jdbc, "SC-01", "guest-link");
        String other = ContactsFixture.campaign(jdbc, "SC-02", "guest-link-other");
        ContactsFixture.contact(jdbc, cycle, "Lula Columbia", "+18035550301", "SC-01", "C1");
        ContactsFixture.contact(jdbc, other, "Otis Other", "+18035550302", "SC-02", "C2");
        packet(http, cycle, "SC-01");
        packet(http, other, "SC-02");

        long host = members.join("SC-01", "Hana Host", "hana.host.calllink@example.org", null);
        Instant start = Instant.now().minus(Duration.ofHours(1));
        long event = events.create(
                new EventStore.NewEvent(
                        cycle,
                        "SC-01",
                        host,
                        EventKind.PHONE_BANK,
                        "Columbia calls",
                        "Calling voters together",
                        start,
                        start.plus(Duration.ofHours(3)),
                        ZoneId.of("America/New_York"),
                        "Hall",
                        "1 Main St, Columbia",
                        "29201",
                        null,
                        null,
                        null,
                        List.of(new EventStore.NewShift(start, start.plus(Duration.ofHours(3)), 10))),
                "PUBLISHED",
                start);

        MemberBrowser hana = new MemberBrowser(base(), jdbc).signIn("hana.host.calllink@example.org");
        assertThat(hana.get("/me/events/" + event + "/host").body())
                .contains("href=\"/me/events/" + event + "/caller-links\"");
        String form = hana.get("/me/events/" + event + "/caller-links").body();
        String formKey = form.replaceAll("(?s).*name=\"formKey\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> noName =
                hana.post("/me/events/" + event + "/caller-links", Map.of("formKey", formKey, "name", " "));
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(noName.body()).contains("id=\"name-error\"", "Write the name of the guest");
        HttpResponse<String> made =
                hana.post("/me/events/" + event + "/caller-links", Map.of("formKey", formKey, "name", "Gus Guest"));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        String url = made.body().replaceAll("(?s).*id=\"made-url\" value=\"([^\"]+)\".*", "$1");
        String path = URI.create(url).getPath();
        assertThat(path).startsWith("/me/call-link/");
        String token = path.substring("/me/call-link/".length());
        // only the token's hash is kept
        assertThat(jdbc.sql("select count(*) from caller_link where event_id = ? and token_hash = ?")
                        .params(
                                event,
                                MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(audits("contacts.caller-link.create", "event " + event)).isEqualTo(1);

        // another member may not make links for Hana's event
        members.join("SC-01", "Nosy Neighbour", "nosy.calllink@example.org", null);
        MemberBrowser nosy = new MemberBrowser(base(), jdbc).signIn("nosy.calllink@example.org");
        assertThat(nosy.form("/me/events/" + event + "/caller-links", Map.of("name", "Sneaky"))
                        .statusCode())
                .isEqualTo(404);

        // an organizer of the district may make one through the API once granted it, finance never
        String api = "/api/events/" + event + "/caller-links";
        assertThat(http.api("POST", api, "fiona", "{\"name\":\"Fay\"}").statusCode())
                .isEqualTo(403);
        assertThat(http.api("POST", api, "olga", "{\"name\":\"Fay\"}").statusCode())
                .isEqualTo(403);
        long olga = jdbc.sql("select id from console_user where username = 'olga'")
                .query(Long.class)
                .single();
        jdbc.sql(
                        "insert into organizer_district (console_user_id, district_id, granted_by) values (?, 'SC-01', 'test')")
                .param(olga)
                .update();
        HttpResponse<String> byOlga = http.api("POST", api, "olga", "{\"name\":\"Fay Friend\"}");
        assertThat(byOlga.statusCode()).as(byOlga.body()).isEqualTo(200);
        assertThat(byOlga.body()).contains("/me/call-link/", "\"callerName\":\"Fay Friend\"");
        HttpResponse<String> blank = http.api("POST", api, "olga", "{\"name\":\"\"}");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("\"name\":\"Write the name of the guest");
        jdbc.sql("delete from organizer_district where console_user_id = ? and district_id = 'SC-01'")
                .param(olga)
                .update();

        // the guest: a GET shows a button and spends nothing; the button opens the call page of the campaign
        MemberBrowser gus = new MemberBrowser(base(), jdbc);
        assertThat(gus.get(path).body()).contains("Open the phone bank");
        assertThat(gus.get(path).statusCode()).isEqualTo(200);
        HttpResponse<String> opened = gus.post(path, Map.of());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(303);
        assertThat(opened.headers().firstValue("Location").orElseThrow()).endsWith("/me/call/" + cycle);
        String set = opened.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(set).startsWith("pp_caller=").contains("Path=/me/call/" + cycle, "HttpOnly", "SameSite=Lax");
        gus.cookie = set.substring(0, set.indexOf(';'));

        String page = gus.get("/me/call/" + cycle).body();
        assertThat(page)
                .contains("Lula Columbia", "href=\"tel:+18035550301\"", "this is Gus Guest", "calling as a guest")
                .doesNotContain("Back to my page", "Call through us");
        String callKey = page.replaceAll("(?s).*name=\"formKey\" value=\"([^\"]+)\".*", "$1");
        String contactId = page.replaceAll("(?s).*name=\"contactId\" value=\"(\\d+)\".*", "$1");
        String attemptId = page.replaceAll("(?s).*name=\"attemptId\" value=\"([^\"]+)\".*", "$1");
        // a post without the session's form key is refused
        assertThat(gus.post("/me/call/" + cycle, Map.of("contactId", contactId, "result", "TALKED"))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> saved = gus.post(
                "/me/call/" + cycle,
                Map.of("formKey", callKey, "contactId", contactId, "attemptId", attemptId, "result", "TALKED"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        Map<String, Object> attempt = jdbc.sql("""
                        select volunteer, volunteer_member_id, caller_session_id, caller_name
                        from contact_attempt where cycle_id = ?""").param(cycle).query().singleRow();
        assertThat((String) attempt.get("volunteer")).startsWith("guest:");
        assertThat(attempt.get("volunteer_member_id")).isNull();
        assertThat(attempt.get("caller_session_id")).isNotNull();
        assertThat(attempt.get("caller_name")).isEqualTo("Gus Guest");
        assertThat(gus.get("/me/call/" + cycle).body()).contains("Everyone on this list has been called");

        // the link does not open twice (nor for anyone else)
        MemberBrowser again = new MemberBrowser(base(), jdbc);
        assertThat(again.get(path).statusCode()).isEqualTo(410);
        HttpResponse<String> twice = again.post(path, Map.of());
        assertThat(twice.statusCode()).isEqualTo(410);
        assertThat(twice.body()).contains("This link was already opened");
        assertThat(twice.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(again.get("/me/call-link/no-such-link").statusCode()).isEqualTo(404);

        // the guest's session opens nothing but this campaign's call page
        assertSignInAsked(gus.get("/me"));
        assertSignInAsked(gus.get("/me/events/" + event + "/host"));
        assertSignInAsked(gus.get("/me/call/" + other));
        assertSignInAsked(gus.post("/me/call/" + other, Map.of("formKey", callKey, "contactId", "1")));
        assertSignInAsked(gus.get("/me/text/" + cycle));

        // the host sees the link as opened; a guest is never a member; the opening is audited
        assertThat(hana.get("/me/events/" + event + "/caller-links").body()).contains("Gus Guest", "opened");
        assertThat(jdbc.sql("select count(*) from member where full_name = 'Gus Guest'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'contacts.caller-link.open'"
                                + " and actor = 'guest Gus Guest'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private static void assertSignInAsked(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/me/sign-in");
    }

    private long audits(String action, String target) {
        return jdbc.sql("select count(*) from audit_log where action = ? and target = ?")
                .params(action, target)
                .query(Long.class)
                .single();
    }

    private static void packet(ConsoleHttp http, String cycle, String district) throws Exception {
        String api = "/api/campaigns/" + cycle;
        HttpResponse<String> universe = http.api(
                "POST",
                api + "/universes",
                "alice",
                "{\"name\":\"" + district + " phones\",\"districtId\":\"" + district + "\",\"channel\":\"PHONE\"}");
        assertThat(universe.statusCode()).as(universe.body()).isEqualTo(200);
        long universeId = Long.parseLong(universe.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
        HttpResponse<String> packet = http.api(
                "POST",
                api + "/packets",
                "alice",
                "{\"universeId\":" + universeId + ",\"name\":\"Event calls\","
                        + "\"script\":\"Hi {{firstName}}, this is {{volunteerName}} for {{candidateName}}.\","
                        + "\"questions\":[]}");
        assertThat(packet.statusCode()).as(packet.body()).isEqualTo(200);
    }
}
