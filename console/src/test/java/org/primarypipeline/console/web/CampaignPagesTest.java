package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.primarypipeline.campaigns.Attribution;
import org.primarypipeline.campaigns.Refcodes;
import org.primarypipeline.supporters.MemberRepository;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The candidate page, share codes and the campaign dashboard through the whole app (issue 22): the page
 * sets the first- and last-touch cookies from {@code ?r=}, the join door and an RSVP record them, the
 * sharer's home page counts what their links brought in, the toolkit downloads are filled in, and the
 * dashboard shows events, attribution and goals, to staff and to the district's organizer only.
 */
class CampaignPagesTest extends ConsoleTestSupport {

    @Autowired
    Refcodes refcodes;

    @Autowired
    Attribution attribution;

    @Autowired
    MemberRepository members;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base() + path));
        if (cookie != null) {
            r.header("Cookie", cookie);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theCandidatePageSetsShareCookiesAndJoinsAndRsvpsAreCountedForTheSharer() throws Exception {
        CampaignFixture campaign = new CampaignFixture(jdbc, "GA-03", "Gia Candidate", "Hal Host");
        long[] event = campaign.event("Phone bank at the library", "PHONE_BANK", Duration.ofDays(2), "PUBLISHED");
        long sharer = members.join("GA-03", "Sid Sharer", "sid.sharer.ga03@example.org", null);
        String code = refcodes.codeFor(sharer);

        HttpResponse<String> page = get("/c/" + campaign.cycleId + "?r=" + code, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .startsWith("default-src 'none'")
                .doesNotContain("script-src");
        assertThat(page.body())
                .doesNotContain("<script")
                .contains("Gia Candidate", "town halls in every county", "Phone bank at the library", "Phone bank")
                .contains("<meta property=\"og:title\" content=\"Gia Candidate · GA-03\">")
                .contains("href=\"/events/" + event[0] + "?r&#61;" + code + "\"")
                .contains("Host an event", "Invite people you know", "/c/" + campaign.cycleId + "/toolkit")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        List<String> cookies = page.headers().allValues("Set-Cookie");
        assertThat(cookies)
                .anySatisfy(c -> assertThat(c)
                        .startsWith("pp_rf=" + code + ";")
                        .contains("HttpOnly", "SameSite=Lax", "Max-Age=7776000"))
                .anySatisfy(c -> assertThat(c).startsWith("pp_rl=" + code + ";").contains("HttpOnly", "SameSite=Lax"));
        // first touch is set once: a later link only moves the last touch
        long other = members.join("GA-03", "Oda Other", "oda.other.ga03@example.org", null);
        String otherCode = refcodes.codeFor(other);
        List<String> later = get("/c/" + campaign.cycleId + "?r=" + otherCode, "pp_rf=" + code + "; pp_rl=" + code)
                .headers()
                .allValues("Set-Cookie");
        assertThat(later).noneMatch(c -> c.startsWith("pp_rf=")).anyMatch(c -> c.startsWith("pp_rl=" + otherCode));
        // a code we never issued sets nothing
        assertThat(get("/c/" + campaign.cycleId + "?r=ZZZZZZZZ", null).headers().allValues("Set-Cookie"))
                .noneMatch(c -> c.startsWith("pp_r"));
        assertThat(get("/c/" + campaign.cycleId + "?lang=es", null).body())
                .contains("Próximos eventos", "Organiza un evento");

        // the toolkit: filled in with the candidate's data, the sharer's code on its links
        assertThat(get("/c/" + campaign.cycleId + "/toolkit", null).body())
                .contains("Call script", "Flyer text", "Social posts", "Event guide");
        HttpResponse<String> script = get("/c/" + campaign.cycleId + "/toolkit/call-script.md?r=" + code, null);
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/markdown");
        assertThat(script.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment");
        assertThat(script.body()).contains("# Call script: Gia Candidate for GA-03", "?r=" + code);
        assertThat(get("/c/" + campaign.cycleId + "/toolkit/social-posts.md?lang=es", null)
                        .body())
                .contains("Publicaciones: Gia Candidate");
        assertThat(get("/c/" + campaign.cycleId + "/toolkit/flyer", null).body())
                .contains("@media print", "Gia Candidate");
        assertThat(get("/c/" + campaign.cycleId + "/toolkit/nothing.md", null).statusCode())
                .isEqualTo(404);

        // the join door records the pair the browser carries
        jdbc.sql("delete from join_request where requested_ip in ('127.0.0.1', '0:0:0:0:0:0:0:1')")
                .update();
        MemberBrowser visitor = new MemberBrowser(base(), jdbc);
        visitor.cookie = "pp_rf=" + code + "; pp_rl=" + otherCode;
        Map<String, String> join = new LinkedHashMap<>();
        join.put("fullName", "Jo Joiner");
        join.put("email", "jo.joiner.ga03@example.org");
        join.put("phone", "");
        join.put("street", "1 Main St");
        join.put("zip", "31830");
        join.put("language", "en");
        join.put("website", "");
        HttpResponse<String> joined = visitor.post("/join", join);
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
        assertThat(jdbc.sql("""
                        select a.first_refcode || ' ' || a.last_refcode || ' ' || a.cycle_id from attribution a
                        join join_request j on j.id = a.subject_id where a.subject_kind = 'JOIN' and j.email = 'jo.joiner.ga03@example.org'
                        """).query(String.class).single())
                .isEqualTo(code + " " + otherCode + " " + campaign.cycleId);

        // an RSVP through the events helper's command records the pair the same way
        long rsvp = campaign.rsvp(event, "Rae Rsvp", "rae.rsvp.ga03@example.org");
        assertThat(attribution.record(Attribution.Kind.RSVP, rsvp, campaign.cycleId, new Attribution.Touch(code, code)))
                .isTrue();
        assertThat(attribution.record(Attribution.Kind.RSVP, rsvp, campaign.cycleId, new Attribution.Touch(code, code)))
                .as("once per subject")
                .isFalse();

        // the sharer's home page: their code, their candidate page's link, what their links brought in
        MemberBrowser sid = new MemberBrowser(base(), jdbc).signIn("sid.sharer.ga03@example.org");
        String home = sid.get("/me").body();
        assertThat(home).contains("Your share links", code, "/c/" + campaign.cycleId + "?r&#61;" + code);
        assertThat(home.replaceAll("\\s+", " "))
                .contains("Event sign-ups</th><td>1</td>")
                .contains("Donations</th><td>0 · $0</td>");
        String share = sid.get("/me/share?cycle=" + campaign.cycleId).body();
        assertThat(share).contains("Gia Candidate", code, "https://www.facebook.com/sharer/sharer.php?u&#61;");
    }

    @Test
    void theDashboardShowsEventsAttributionAndGoalsToStaffAndToTheDistrictsOrganizerOnly() throws Exception {
        CampaignFixture ours = new CampaignFixture(jdbc, "GA-01", "Ona First", "Hana Host");
        CampaignFixture theirs = new CampaignFixture(jdbc, "GA-02", "Theo Second", "Hugo Host");
        long[] held = ours.event("Canvass on Elm Street", "CANVASS", Duration.ofDays(-8), "REPORTED");
        jdbc.sql(
                        "update campaign_event set attended = 6, calls_made = 0, doors_knocked = 140, texts_sent = 0 where id = ?")
                .param(held[0])
                .update();
        long[] next = ours.event("Phone bank for GOTV", "PHONE_BANK", Duration.ofDays(3), "PUBLISHED");
        theirs.event("Their own canvass", "CANVASS", Duration.ofDays(3), "PUBLISHED");
        long sharer = ours.member("Sue Sharer");
        String code = refcodes.codeFor(sharer);
        long rsvp = ours.rsvp(next, "Ray Rsvp", "ray.rsvp.ga01@example.org");
        attribution.record(Attribution.Kind.RSVP, rsvp, ours.cycleId, new Attribution.Touch(null, code));

        ConsoleHttp ada = new ConsoleHttp(base());
        ada.signIn("ada", password("ada"));
        assertThat(ada.form(
                                "/campaigns/organizers",
                                ada.csrf("/campaigns"),
                                Map.of("username", "olga", "districts", "GA-01"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(ada.form(
                                "/campaigns/organizers",
                                ada.csrf("/campaigns"),
                                Map.of("username", "alice", "districts", "GA-01"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql(
                                "select count(*) from organizer_district d join console_user u on u.id = d.console_user_id where u.username = 'alice'")
                        .query(Long.class)
                        .single())
                .as("only organizer accounts are scoped to districts")
                .isZero();

        ConsoleHttp alice = new ConsoleHttp(base());
        alice.signIn("alice", password("alice"));
        String path = "/campaigns/" + ours.cycleId;
        alice.form(path + "/goals", alice.csrf(path), Map.of("metric", "EVENTS", "target", "8"));
        alice.form(path + "/goals", alice.csrf(path), Map.of("metric", "CONTACTS", "target", "0"));
        HttpResponse<String> dashboard = alice.get(path);
        assertThat(dashboard.statusCode()).isEqualTo(200);
        String html = dashboard.body().replaceAll("\\s+", " ");
        assertThat(html)
                .contains("Ona First · GA-01", "Canvass on Elm Street", "Phone bank for GOTV", "Hana Host")
                .contains("<td>1</td><td>1</td></tr>") // the GOTV phone bank: one RSVP, through a share link
                .contains("<code>" + code + "</code></th><td>Sue Sharer</td><td>0</td><td>1</td>")
                .contains("<strong>140</strong>doors")
                .contains("Events held or published: <strong>2</strong> of 8 (25%)")
                .contains("<svg class=\"chart\"")
                .doesNotContain("Their own canvass")
                .doesNotContain("Contacts made (calls, doors, texts): <strong>");
        assertThat(alice.get("/campaigns").body()).contains(ours.cycleId, theirs.cycleId);

        // the organizer of GA-01: their campaign only
        ConsoleHttp olga = new ConsoleHttp(base());
        olga.signIn("olga", password("olga"));
        assertThat(olga.get(path).statusCode()).isEqualTo(200);
        assertThat(olga.get("/campaigns/" + theirs.cycleId).statusCode()).isEqualTo(403);
        assertThat(olga.get("/campaigns").body()).contains(ours.cycleId).doesNotContain(theirs.cycleId);
        assertThat(olga.get("/cycles").statusCode()).isEqualTo(403);
        assertThat(olga.form(path + "/goals", olga.csrf(path), Map.of("metric", "EVENTS", "target", "99"))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> sent = olga.form(
                path + "/message",
                olga.csrf(path),
                Map.of("subject", "Canvass on Saturday", "body", "Meet at the library at 10."));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("""
                        select count(*) from outbox_message where template = 'organizer-message' and dedup_key like ?
                        """)
                        .param("campaign:" + ours.cycleId + ":message:%")
                        .query(Long.class)
                        .single())
                .as("the host is a volunteer of GA-01")
                .isGreaterThanOrEqualTo(1);
        assertThat(olga.form(
                                "/campaigns/" + theirs.cycleId + "/message",
                                olga.csrf(path),
                                Map.of("subject", "Hi", "body", "Not my district."))
                        .statusCode())
                .isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from audit_log where actor = 'olga' and outcome = 'DENIED'")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(3);
    }
}
