package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.primarypipeline.supporters.MemberRepository;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Canvassing over HTTP against the whole app: staff cut a DOOR universe into turfs (finance may not), check
 * one out to a member; the member opens {@code /me/walk/{turf}}: doors in order, the script, one form per
 * person; a missing result is said beside its field; an answer is stored once however often it is sent (the
 * page's queue, header {@code X-Walk-Queue}, answered 204), audited once; another member is refused.
 */
class CanvassPagesTest extends ConsoleTestSupport {

    @Autowired
    MemberRepository members;

    @BeforeEach
    void freshLimits() {
        jdbc.sql("delete from member_sign_in").update();
    }

    @Test
    void anOrganizerCutsTurfsAndACanvasserRecordsDoorsOnce() throws Exception {
        ConsoleHttp http = new ConsoleHttp(base());
        String cycle = ContactsFixture.campaign(jdbc, "IA-01", "canvass");
        long ann = CanvassFixture.household(jdbc, cycle, "IA-01", "Ann Door", "12 Brady St", 41.5240, -90.5760);
        CanvassFixture.household(jdbc, cycle, "IA-01", "Al Door", "12 BRADY ST.", 41.5240, -90.5760);
        CanvassFixture.household(jdbc, cycle, "IA-01", "Bea Door", "14 Brady St", 41.5242, -90.5760);
        CanvassFixture.household(jdbc, cycle, "IA-01", "Cy Door", "16 Brady St", 41.5244, -90.5760);
        String api = "/api/campaigns/" + cycle;
        String universe = http.api("POST", api + "/universes", "alice", "{\"name\":\"Doors\",\"channel\":\"DOOR\"}")
                .body()
                .replaceAll(".*\"id\":(\\d+).*", "$1");
        String cut = "{\"universeId\":" + universe + ",\"name\":\"Brady St\",\"script\":\"Hi {{firstName}}, I am"
                + " {{volunteerName}} for {{candidateName}}.\",\"questions\":[\"Will you vote?\"],\"doorsPerTurf\":5}";
        assertThat(http.api("POST", api + "/turf-cuts", "fiona", cut).statusCode())
                .isEqualTo(403);
        HttpResponse<String> made = http.api("POST", api + "/turf-cuts", "alice", cut);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        assertThat(made.body()).contains("\"status\":\"COMPLETED\"", "\"turfs\":1", "\"households\":3");
        String cutId = made.body().replaceAll(".*\"cutId\":(\\d+).*", "$1");
        HttpResponse<String> again0 = http.api("POST", api + "/turf-cuts", "alice", "{\"resume\":" + cutId + "}");
        assertThat(again0.statusCode()).isEqualTo(400);
        assertThat(again0.body()).contains("only a turf cut that failed is run again");
        String turfs = http.api("GET", api + "/turfs", "alice", null).body();
        String turf = turfs.replaceAll("(?s).*?\"id\":(\\d+).*", "$1");

        members.join("IA-01", "Cora Canvasser", "cora.canvass@example.org", null);
        members.join("IA-01", "Odd Other", "odd.canvass@example.org", null);
        assertThat(http.api(
                                "POST",
                                api + "/turfs/" + turf + "/checkout",
                                "fiona",
                                "{\"email\":\"cora.canvass@example.org\"}")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> out = http.api(
                "POST", api + "/turfs/" + turf + "/checkout", "alice", "{\"email\":\"cora.canvass@example.org\"}");
        assertThat(out.statusCode()).as(out.body()).isEqualTo(200);
        assertThat(out.body()).contains("\"walkUrl\":\"/me/walk/" + turf + "\"");

        MemberBrowser cora = new MemberBrowser(base(), jdbc).signIn("cora.canvass@example.org");
        assertThat(cora.get("/me/walk").body())
                .contains("href=\"/me/walk/" + turf + "\"", "Brady St · turf 1", "3 doors");
        HttpResponse<String> walk = cora.get("/me/walk/" + turf);
        assertThat(walk.statusCode()).isEqualTo(200);
        assertThat(walk.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'", "connect-src 'self'")
                .doesNotContain("unsafe-inline'; script", "'unsafe-eval'");
        String page = walk.body();
        assertThat(page)
                .contains("Hi (their name), I am Cora Canvasser for Casey Candidate.", "0 of 3 doors visited")
                .contains("<script src=\"/console/walk.js\" defer></script>");
        // the walking order: 12, 14, 16 Brady St (or the reverse), Ann and Al at one door
        assertThat(page.indexOf("Ann Door")).isLessThan(page.indexOf("Bea Door"));
        assertThat(page.indexOf("Al Door")).isLessThan(page.indexOf("Bea Door"));
        String formKey = page.replaceAll("(?s).*?name=\"formKey\" value=\"([^\"]+)\".*", "$1");

        HttpResponse<String> missing = cora.post(
                "/me/walk/" + turf,
                Map.of("formKey", formKey, "contactId", Long.toString(ann), "attemptId", "a-1", "answer_0", "yes"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body())
                .contains("id=\"result-error-c" + ann + "\">Choose what happened at the door before saving.");
        Map<String, String> answer = Map.of(
                "formKey",
                formKey,
                "contactId",
                Long.toString(ann),
                "attemptId",
                "walk-" + ann + "-1",
                "answer_0",
                "yes",
                "result",
                "TALKED");
        HttpResponse<String> saved = cora.post("/me/walk/" + turf, answer);
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("?saved=1#door-1");
        // the queue sends the same answer again (its reply was lost): 204, still one answer
        HttpResponse<String> again = cora.send(
                "POST",
                "/me/walk/" + turf,
                "formKey=" + formKey + "&contactId=" + ann + "&attemptId=walk-" + ann + "-1&result=TALKED",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Origin", base(), "X-Walk-Queue", "1"));
        assertThat(again.statusCode()).isEqualTo(204);
        assertThat(jdbc.sql("select count(*) from contact_attempt where cycle_id = ? and channel = 'DOOR'"
                                + " and turf_id = ? and answers ->> 'Will you vote?' = 'yes'")
                        .params(cycle, Long.parseLong(turf))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'contacts.door.record' and outcome = 'DONE'"
                                + " and target = ?")
                        .param("contact " + ann)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(cora.get("/me/walk/" + turf).body()).contains("1 of 3 doors visited", "Last time: Talked with them");

        // someone else's turf: a sentence, no doors, and an answer refused
        MemberBrowser odd = new MemberBrowser(base(), jdbc).signIn("odd.canvass@example.org");
        assertThat(odd.get("/me/walk").body()).contains("No turf is checked out to you yet.");
        String theirs = odd.get("/me/walk/" + turf).body();
        assertThat(theirs).contains("This walk list is not checked out to you").doesNotContain("Ann Door");
        assertThat(odd.post(
                                "/me/walk/" + turf,
                                Map.of("formKey", odd.formKey(), "contactId", Long.toString(ann), "result", "TALKED"))
                        .statusCode())
                .isEqualTo(400);
        // doors by day and volunteer in the results and on the campaign's dashboard
        assertThat(http.api("GET", api + "/results", "alice", null).body()).contains("DOOR");
        ConsoleHttp staff = new ConsoleHttp(base());
        staff.signIn("alice", password("alice"));
        String dashboard = staff.get("/campaigns/" + cycle).body();
        assertThat(dashboard.replaceAll("\\s+", " "))
                .contains("<th scope=\"row\">Cora Canvasser</th><td>0</td><td>0</td><td>1</td><td>1</td>");
    }
}
