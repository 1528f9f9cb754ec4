package org.primarypipeline.console.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.primarypipeline.console.TwilioForms;
import org.primarypipeline.supporters.MemberRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * "Call through us" against a local stand-in for Twilio's Calls API (WireMock), through the whole app: a
 * volunteer's click makes one Calls API request that rings their phone with TwiML that {@code <Dial>}s the
 * contact from our number; a bad phone is refused beside its field; Twilio's status callbacks for both legs,
 * signed as Twilio signs them, are recorded (an unsigned one is refused with 401 and changes nothing); the
 * attempt the volunteer saves points at the call. Its own context: Twilio configured. District SC-03.
 */
class ClickToCallTest extends ConsoleTestSupport {

    private static final String SID = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "click-to-call-auth-token";
    private static final String FROM = "+18035550100";
    private static final String PUBLIC = "https://pp-voice.example.org";
    private static final String CALLS = "/2010-04-01/Accounts/" + SID + "/Calls.json";
    private static final String CALL_SID = "CA0123456789abcdef0123456789abcdef";
    private static final WireMockServer TWILIO = new WireMockServer(options().dynamicPort());

    static {
        TWILIO.start();
        TWILIO.stubFor(post(urlPathEqualTo(CALLS))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"sid": "%s", "account_sid": "%s", "status": "queued", "direction": "outbound-api",
                                 "api_version": "2010-04-01", "from": "%s", "to": "+18035550311",
                                 "uri": "/2010-04-01/Accounts/%s/Calls/%s.json"}""".formatted(CALL_SID, SID, FROM, SID, CALL_SID))));
    }

    @DynamicPropertySource
    static void twilio(DynamicPropertyRegistry registry) {
        registry.add("pp.outreach.sms.twilio.account-sid", () -> SID);
        registry.add("pp.outreach.sms.twilio.auth-token", () -> TOKEN);
        registry.add("pp.outreach.sms.twilio.from", () -> FROM);
        registry.add("pp.outreach.sms.twilio.base-url", () -> "http://localhost:" + TWILIO.port());
        registry.add("pp.outreach.public-base-url", () -> PUBLIC);
    }

    @AfterAll
    static void stop() {
        TWILIO.stop();
    }

    @Autowired
    MemberRepository members;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aVolunteerIsRungAndBridgedAndTwiliosSignedCallbacksAreRecorded() throws Exception {
        String cycle = ContactsFixture.campaign(jdbc, "SC-03", "click-to-call");
        ContactsFixture.contact(jdbc, cycle, "Vic Voter", "+18035550399", "SC-03", "V1");
        ConsoleHttp console = new ConsoleHttp(base());
        String api = "/api/campaigns/" + cycle;
        String universe = console.api("POST", api + "/universes", "alice", "{\"name\":\"SC-03\",\"channel\":\"PHONE\"}")
                .body()
                .replaceAll(".*\"id\":(\\d+).*", "$1");
        assertThat(console.api(
                                "POST",
                                api + "/packets",
                                "alice",
                                "{\"universeId\":" + universe + ",\"name\":\"Voice\",\"script\":\"Hi {{firstName}}.\","
                                        + "\"questions\":[]}")
                        .statusCode())
                .isEqualTo(200);
        members.join("SC-03", "Cal Caller", "cal.caller.voice@example.org", "+18035550311");
        MemberBrowser cal = new MemberBrowser(base(), jdbc).signIn("cal.caller.voice@example.org");

        String page = cal.get("/me/call/" + cycle).body();
        assertThat(page).contains("Vic Voter", "Call through us", "value=\"+18035550311\"");
        String formKey = page.replaceAll("(?s).*name=\"formKey\" value=\"([^\"]+)\".*", "$1");
        String contactId = page.replaceAll("(?s).*name=\"contactId\" value=\"(\\d+)\".*", "$1");
        String attemptId = page.replaceAll("(?s).*name=\"attemptId\" value=\"([^\"]+)\".*", "$1");

        HttpResponse<String> badPhone = cal.post(
                "/me/call/" + cycle + "/bridge", Map.of("formKey", formKey, "contactId", contactId, "phone", "12"));
        assertThat(badPhone.statusCode()).isEqualTo(400);
        assertThat(badPhone.body()).contains("id=\"phone-error\"", "Write the phone number we should ring");
        assertThat(TWILIO.findAll(postRequestedFor(urlPathEqualTo(CALLS)))).isEmpty();

        HttpResponse<String> rung = cal.post(
                "/me/call/" + cycle + "/bridge",
                Map.of("formKey", formKey, "contactId", contactId, "phone", "(803) 555-0311"));
        assertThat(rung.statusCode()).as(rung.body()).isEqualTo(303);
        assertThat(rung.headers().firstValue("Location").orElseThrow()).endsWith("?ringing=1");
        long callId = jdbc.sql("select id from bridged_call where cycle_id = ? and call_sid = ?")
                .params(cycle, CALL_SID)
                .query(Long.class)
                .single();
        TWILIO.verify(
                1,
                postRequestedFor(urlPathEqualTo(CALLS))
                        .withFormParam("To", equalTo("+18035550311"))
                        .withFormParam("From", equalTo(FROM))
                        .withFormParam("StatusCallback", equalTo(PUBLIC + "/twilio/voice/status/" + callId))
                        .withFormParam("Twiml", containing("<Dial callerId=\"" + FROM + "\""))
                        .withFormParam("Twiml", containing(">+18035550399</Number>")));
        assertThat(cal.get("/me/call/" + cycle + "?ringing=1").body()).contains("We are calling your phone now");

        // Twilio's callbacks: unsigned refused, signed recorded for both legs
        String path = "/twilio/voice/status/" + callId;
        Map<String, String> answered = Map.of("CallSid", CALL_SID, "CallStatus", "in-progress", "AccountSid", SID);
        assertThat(callback(path, answered, null).statusCode()).isEqualTo(401);
        assertThat(callback(path, answered, "forged").statusCode()).isEqualTo(401);
        assertThat(status(callId)).isEqualTo("queued");
        assertThat(callback(path, answered, TwilioForms.sign(TOKEN, PUBLIC + path, answered))
                        .statusCode())
                .isEqualTo(204);
        Map<String, String> contactLeg = Map.of("CallSid", "CA-child", "CallStatus", "answered");
        assertThat(callback(
                                path + "?leg=contact",
                                contactLeg,
                                TwilioForms.sign(TOKEN, PUBLIC + path + "?leg=contact", contactLeg))
                        .statusCode())
                .isEqualTo(204);
        Map<String, String> completed = Map.of("CallSid", CALL_SID, "CallStatus", "completed", "CallDuration", "42");
        assertThat(callback(path, completed, TwilioForms.sign(TOKEN, PUBLIC + path, completed))
                        .statusCode())
                .isEqualTo(204);
        Map<String, String> unknown = Map.of("CallSid", CALL_SID, "CallStatus", "completed");
        assertThat(callback(
                                "/twilio/voice/status/987654321",
                                unknown,
                                TwilioForms.sign(TOKEN, PUBLIC + "/twilio/voice/status/987654321", unknown))
                        .statusCode())
                .isEqualTo(404);
        assertThat(cal.get("/me/call/" + cycle).body()).contains("Last call through us: completed / answered");

        // the saved call points at the bridged call and its recorded statuses
        assertThat(cal.post(
                                "/me/call/" + cycle,
                                Map.of(
                                        "formKey",
                                        formKey,
                                        "contactId",
                                        contactId,
                                        "attemptId",
                                        attemptId,
                                        "result",
                                        "TALKED"))
                        .statusCode())
                .isEqualTo(303);
        Map<String, Object> row = jdbc.sql("""
                        select b.id, b.status, b.contact_status, b.duration_seconds from contact_attempt a
                        join bridged_call b on b.id = a.bridged_call_id where a.cycle_id = ?""").param(cycle).query().singleRow();
        assertThat(row)
                .containsEntry("id", callId)
                .containsEntry("status", "completed")
                .containsEntry("contact_status", "answered")
                .containsEntry("duration_seconds", 42);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'contacts.call.bridge' and outcome = 'DONE'"
                                + " and target = ?")
                        .param("contact " + contactId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private String status(long callId) {
        return jdbc.sql("select status from bridged_call where id = ?")
                .param(callId)
                .query(String.class)
                .single();
    }

    private HttpResponse<String> callback(String path, Map<String, String> form, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(TwilioForms.encode(form)));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
