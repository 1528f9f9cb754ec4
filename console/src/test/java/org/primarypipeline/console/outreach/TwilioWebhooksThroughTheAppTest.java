package org.primarypipeline.console.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.primarypipeline.console.ConsoleApplication;
import org.primarypipeline.console.FreshAppProperties;
import org.primarypipeline.console.TwilioForms;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.outreach.ConsentRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Twilio's webhooks as Twilio sends them: to the whole app, through the console's own security chain.
 * A controller tested on its own answered 401 to a bad signature while the app refused every real
 * request with 403, so STOP never reached the consent record.
 */
@SpringBootTest(classes = ConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwilioWebhooksThroughTheAppTest {

    private static final String AUTH_TOKEN = "twilio-test-auth-token";
    private static final String PUBLIC = "https://pp.example.org";
    private static final String MEMBER_PHONE = "+15125550177";

    @DynamicPropertySource
    static void app(DynamicPropertyRegistry registry) throws Exception {
        FreshAppProperties.register(registry);
        registry.add("pp.outreach.sms.twilio.auth-token", () -> AUTH_TOKEN);
        registry.add("pp.outreach.public-base-url", () -> PUBLIC);
    }

    @LocalServerPort
    int port;

    @Autowired
    ConsentRegistry consent;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anUnsignedReplyIsRefusedByTheWebhookNotByTheConsoleLogin() throws Exception {
        HttpResponse<String> response =
                post("/twilio/sms", Map.of("MessageSid", "SM-unsigned", "From", MEMBER_PHONE), null);
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aSignedStopOptsTheNumberOut() throws Exception {
        Map<String, String> form = Map.of(
                "MessageSid", "SM-stop-1",
                "AccountSid", "AC-test",
                "From", MEMBER_PHONE,
                "To", "+15125550100",
                "Body", "STOP",
                "OptOutType", "STOP");
        HttpResponse<String> response =
                post("/twilio/sms", form, TwilioForms.sign(AUTH_TOKEN, PUBLIC + "/twilio/sms", form));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<Response>");
        assertThat(consent.isOptedOut(Channel.SMS, MEMBER_PHONE)).isTrue();

        HttpResponse<String> again =
                post("/twilio/sms", form, TwilioForms.sign(AUTH_TOKEN, PUBLIC + "/twilio/sms", form));
        assertThat(again.statusCode()).as("Twilio's retry of the same message").isEqualTo(200);
        assertThat(consent.isOptedOut(Channel.SMS, MEMBER_PHONE)).isTrue();
    }

    /**
     * The acceptance: a signed STOP opts the person out of both channels. Their email then gets
     * only transactional mail (ballots, confirmations: {@code ConsentRegistry.allows}), and START gives
     * back what STOP took, but not an email opt-out made by the email's own link.
     */
    @Test
    void aSignedStopOptsTheMemberOutOfTextsAndCampaignEmailAndStartGivesBothBack() throws Exception {
        String phone = "+15125550178";
        String email = "stop.both@example.org";
        String other = "+15125550179";
        String unsubscribed = "unsubscribed.by.link@example.org";
        jdbc.sql("insert into member (full_name, email, phone) values ('Sam Stop', ?, ?), ('Una Link', ?, ?)")
                .params(email, phone, unsubscribed, other)
                .update();
        consent.optOut(Channel.EMAIL, unsubscribed, "unsubscribe-link", "test");

        assertThat(post("/twilio/sms", keyword("SM-stop-2", phone, "STOP"), signed(keyword("SM-stop-2", phone, "STOP")))
                        .statusCode())
                .isEqualTo(200);
        assertThat(consent.isOptedOut(Channel.SMS, phone)).isTrue();
        assertThat(consent.isOptedOut(Channel.EMAIL, email)).isTrue();
        assertThat(consent.allows(Channel.EMAIL, email, true))
                .as("ballots still reach them")
                .isTrue();

        post("/twilio/sms", keyword("SM-start-2", phone, "START"), signed(keyword("SM-start-2", phone, "START")));
        assertThat(consent.isOptedOut(Channel.SMS, phone)).isFalse();
        assertThat(consent.isOptedOut(Channel.EMAIL, email)).isFalse();

        post("/twilio/sms", keyword("SM-stop-3", other, "STOP"), signed(keyword("SM-stop-3", other, "STOP")));
        post("/twilio/sms", keyword("SM-start-3", other, "START"), signed(keyword("SM-start-3", other, "START")));
        assertThat(consent.isOptedOut(Channel.EMAIL, unsubscribed))
                .as("START undoes only what a STOP did")
                .isTrue();
    }

    private static Map<String, String> keyword(String sid, String from, String word) {
        return Map.of(
                "MessageSid", sid,
                "AccountSid", "AC-test",
                "From", from,
                "To", "+15125550100",
                "Body", word,
                "OptOutType", word);
    }

    private String signed(Map<String, String> form) throws Exception {
        return TwilioForms.sign(AUTH_TOKEN, PUBLIC + "/twilio/sms", form);
    }

    @Test
    void aSignedStatusReportForAnUnknownMessageIsAnsweredByTheWebhook() throws Exception {
        Map<String, String> form = Map.of("MessageSid", "SM-status-1", "MessageStatus", "delivered");
        HttpResponse<String> response = post(
                "/twilio/status/987654", form, TwilioForms.sign(AUTH_TOKEN, PUBLIC + "/twilio/status/987654", form));
        assertThat(response.statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(TwilioForms.encode(form)));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
