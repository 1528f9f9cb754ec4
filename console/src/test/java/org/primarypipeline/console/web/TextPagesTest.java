package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.primarypipeline.supporters.MemberRepository;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Texting over HTTP against the whole app: an organizer opens a text bank, a signed-in volunteer takes
 * contacts and sends a first message with its own click (one outbox row per contact however often it is
 * clicked), reads a reply in the conversation, and a number that opted out is shown as such and exported;
 * opt-outs from another tool are taken in. (The route to Twilio and the webhook back are tested in
 * integrations, PeerToPeerTextingTest.)
 */
class TextPagesTest extends ConsoleTestSupport {

    @Autowired
    MemberRepository members;

    @BeforeEach
    void freshLimits() {
        jdbc.sql("delete from member_sign_in").update();
    }

    @Test
    void aVolunteerTextsWithOneClickPerMessageAndReadsTheReply() throws Exception {
        ConsoleHttp http = new ConsoleHttp(base());
        String cycle = ContactsFixture.campaign(jdbc, "KY-04", "texting");
        long rae = ContactsFixture.contact(jdbc, cycle, "Rae Texted", "+16065550401", "KY-04", "P1");
        ContactsFixture.contact(jdbc, cycle, "Sol Texted", "+16065550402", "KY-04", "P1");
        String api = "/api/campaigns/" + cycle;
        String universe = http.api("POST", api + "/universes", "alice", "{\"name\":\"texts\",\"channel\":\"SMS\"}")
                .body()
                .replaceAll(".*\"id\":(\\d+).*", "$1");
        HttpResponse<String> bank = http.api(
                "POST",
                api + "/text-banks",
                "alice",
                "{\"universeId\":" + universe + ",\"name\":\"Weekend\",\"initialMessage\":\"Hi {{firstName}}, it's "
                        + "{{volunteerName}}. Will you vote Tuesday? Reply STOP to opt out.\",\"canned\":[\"Thank you!\"],"
                        + "\"questions\":[\"Will you vote?\"]}");
        assertThat(bank.statusCode()).as(bank.body()).isEqualTo(200);
        assertThat(bank.body()).contains("\"contacts\":2");

        members.join("KY-04", "Tess Texter", "tess.texter@example.org", null);
        MemberBrowser tess = new MemberBrowser(base(), jdbc).signIn("tess.texter@example.org");
        String list = tess.get("/me/text/" + cycle).body();
        String formKey = list.replaceAll("(?s).*name=\"formKey\" value=\"([^\"]+)\".*", "$1");
        assertThat(tess.post("/me/text/" + cycle + "/take", Map.of("formKey", formKey))
                        .statusCode())
                .isEqualTo(303);
        assertThat(tess.get("/me/text/" + cycle).body())
                .contains("Rae Texted", "Sol Texted", "id=\"send-" + rae + "\"");

        for (int click = 0; click < 2; click++) {
            assertThat(tess.post("/me/text/" + cycle + "/send", Map.of("formKey", formKey, "contactId", "" + rae))
                            .statusCode())
                    .isEqualTo(303);
        }
        assertThat(jdbc.sql("select count(*) || ' ' || max(model ->> 'body') from outbox_message where recipient = ?")
                        .param("+16065550401")
                        .query(String.class)
                        .single())
                .isEqualTo("1 Hi Rae, it's Tess Texter. Will you vote Tuesday? Reply STOP to opt out.");

        // the inbound route stores every reply by number; the conversation shows it under the contact's name
        jdbc.sql("insert into inbound_sms (message_sid, from_number, body) values ('SMtextpages1', '+16065550401', "
                        + "'Yes I will')")
                .update();
        String conversation = tess.get("/me/text/" + cycle + "/" + rae).body();
        assertThat(conversation).contains("Hi Rae, it", "Rae Texted:</strong> Yes I will", "Thank you!");
        // the result and the survey answer, as on the phone: refused beside the field without a code, then
        // saved once however often the same form is sent
        assertThat(conversation).contains("action=\"/me/text/" + cycle + "/" + rae + "/result\"", "Will you vote?");
        String result = "/me/text/" + cycle + "/" + rae + "/result";
        HttpResponse<String> noCode = tess.post(result, Map.of("formKey", formKey, "attemptId", "t-r1"));
        assertThat(noCode.statusCode()).isEqualTo(400);
        assertThat(noCode.body()).contains("id=\"result-error\"", "Choose how the conversation went");
        for (int click = 0; click < 2; click++) {
            assertThat(tess.post(
                                    result,
                                    Map.of(
                                            "formKey",
                                            formKey,
                                            "attemptId",
                                            "t-r1",
                                            "result",
                                            "TALKED",
                                            "answer_0",
                                            "Yes"))
                            .statusCode())
                    .isEqualTo(303);
        }
        assertThat(jdbc.sql("select count(*) || ' ' || max(channel) || ' ' || max(result) || ' ' || max(answers::text) "
                                + "from contact_attempt where contact_id = ?")
                        .param(rae)
                        .query(String.class)
                        .single())
                .isEqualTo("1 SMS TALKED {\"Will you vote?\": \"Yes\"}");
        assertThat(tess.get("/me/text/" + cycle + "/" + rae + "?recorded").body())
                .contains("The result is saved");

        HttpResponse<String> empty =
                tess.post("/me/text/" + cycle + "/" + rae, Map.of("formKey", formKey, "body", " ", "replyKey", "r1"));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("id=\"body-error\"", "Write a reply");

        // STOP (recorded once by the inbound route): the page says so and offers no reply box
        jdbc.sql("insert into consent (channel, address, opted_out, source) values ('SMS', '+16065550401', true, "
                        + "'sms-keyword')")
                .update();
        assertThat(tess.get("/me/text/" + cycle + "/" + rae).body())
                .contains("asked not to get texts")
                .doesNotContain("id=\"body\"");
        assertThat(http.api("GET", "/api/opt-outs.csv", "alice", null).body()).contains("+16065550401,");
        HttpResponse<String> imported = http.api(
                "POST",
                "/api/opt-outs",
                "alice",
                "{\"csv\":\"phone\\n+16065550499\\nnot a number\\n+16065550401\\n\"}");
        assertThat(imported.body()).contains("\"added\":1", "\"alreadyOptedOut\":1", "\"notNumbers\":1");
        assertThat(http.api("GET", "/api/opt-outs.csv", "fiona", null).statusCode())
                .isEqualTo(403);
    }
}
