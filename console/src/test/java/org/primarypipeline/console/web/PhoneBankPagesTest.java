package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.primarypipeline.supporters.MemberRepository;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The phone bank over HTTP against the whole app: staff (or an organizer of the district, and no one else)
 * define a universe and build a packet; a signed-in member calls from {@code /me/call/{campaign}}: the
 * script's merge fields filled, a {@code tel:} link, the result refused beside its field when missing, the
 * call recorded once through the one command and audited, and the results and exports read back.
 */
class PhoneBankPagesTest extends ConsoleTestSupport {

    @Autowired
    MemberRepository members;

    @BeforeEach
    void freshLimits() {
        jdbc.sql("delete from member_sign_in").update();
    }

    @Test
    void anOrganizerBuildsAPacketAndAVolunteerCallsFromIt() throws Exception {
        ConsoleHttp http = new ConsoleHttp(base());
        String cycle = ContactsFixture.campaign(jdbc, "KY-01", "pages");
        ContactsFixture.contact(jdbc, cycle, "Lena Lex", "+18595550201", "KY-01", "P1");
        ContactsFixture.contact(jdbc, cycle, "Max Lex", "+18595550202", "KY-01", "P2");
        String api = "/api/campaigns/" + cycle;
        HttpResponse<String> universe = http.api(
                "POST",
                api + "/universes",
                "alice",
                "{\"name\":\"KY-01 phones\",\"districtId\":\"KY-01\",\"channel\":\"PHONE\"}");
        assertThat(universe.statusCode()).as(universe.body()).isEqualTo(200);
        assertThat(universe.body()).contains("\"count\":2");
        long universeId = Long.parseLong(universe.body().replaceAll(".*\"id\":(\\d+).*", "$1"));

        // finance may not; an organizer may once granted the district, not before
        assertThat(http.api("GET", api + "/universes", "fiona", null).statusCode())
                .isEqualTo(403);
        assertThat(http.api("GET", api + "/universes", "olga", null).statusCode())
                .isEqualTo(403);
        long olga = jdbc.sql("select id from console_user where username = 'olga'")
                .query(Long.class)
                .single();
        jdbc.sql(
                        "insert into organizer_district (console_user_id, district_id, granted_by) values (?, 'KY-01', 'test')")
                .param(olga)
                .update();
        assertThat(http.api("GET", api + "/universes", "olga", null).body()).contains("\"count\":2");
        jdbc.sql("delete from organizer_district where console_user_id = ? and district_id = 'KY-01'")
                .param(olga)
                .update();

        HttpResponse<String> packet = http.api(
                "POST",
                api + "/packets",
                "alice",
                "{\"universeId\":" + universeId + ",\"name\":\"Evening calls\","
                        + "\"script\":\"Hi {{firstName}}, this is {{volunteerName}} for {{candidateName}}.\","
                        + "\"questions\":[\"Will you vote?\"]}");
        assertThat(packet.statusCode()).as(packet.body()).isEqualTo(200);
        assertThat(packet.body()).contains("\"contacts\":2");

        members.join("KY-02", "Vera Volunteer", "vera.volunteer@example.org", null);
        MemberBrowser vera = new MemberBrowser(base(), jdbc).signIn("vera.volunteer@example.org");
        String page = vera.get("/me/call/" + cycle).body();
        assertThat(page)
                .contains(
                        "Lena Lex",
                        "href=\"tel:+18595550201\"",
                        "Hi Lena, this is Vera Volunteer for Casey Candidate.");
        String formKey = page.replaceAll("(?s).*name=\"formKey\" value=\"([^\"]+)\".*", "$1");
        String contactId = page.replaceAll("(?s).*name=\"contactId\" value=\"(\\d+)\".*", "$1");
        String attemptId = page.replaceAll("(?s).*name=\"attemptId\" value=\"([^\"]+)\".*", "$1");

        HttpResponse<String> missing = vera.post(
                "/me/call/" + cycle,
                Map.of("formKey", formKey, "contactId", contactId, "attemptId", attemptId, "answer_0", "yes"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("id=\"result-error\"", "Choose how the call went", "value=\"yes\"");

        HttpResponse<String> saved = vera.post(
                "/me/call/" + cycle,
                Map.of(
                        "formKey", formKey,
                        "contactId", contactId,
                        "attemptId", attemptId,
                        "answer_0", "yes",
                        "result", "TALKED"));
        assertThat(saved.statusCode()).isEqualTo(303);
        // the same form sent twice records one call
        vera.post(
                "/me/call/" + cycle,
                Map.of("formKey", formKey, "contactId", contactId, "attemptId", attemptId, "result", "TALKED"));
        assertThat(vera.get("/me/call/" + cycle).body()).contains("Max Lex", "1 called, 1 to go");
        assertThat(jdbc.sql("select count(*) from contact_attempt where cycle_id = ?")
                        .param(cycle)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'contacts.call.record' and outcome = 'DONE'"
                                + " and target = ?")
                        .param("contact " + contactId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        assertThat(http.api("GET", api + "/results", "alice", null).body())
                .contains("\"question\":\"Will you vote?\"", "\"answer\":\"yes\"", "\"talked\":1");
        assertThat(http.api("GET", api + "/attempts.csv", "alice", null).body())
                .contains("Lena Lex", "TALKED", "member:");
        assertThat(http.api("GET", api + "/attempts.json", "alice", null).body())
                .contains("\"osdi_outreaches\"", "\"given_name\":\"Lena Lex\"", "\"number\":\"+18595550201\"");
    }
}
