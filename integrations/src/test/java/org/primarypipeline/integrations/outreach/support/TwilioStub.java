package org.primarypipeline.integrations.outreach.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local HTTP server shaped like Twilio's Messages API (POST /2010-04-01/Accounts/{AccountSid}/Messages.json,
 * form-encoded, answering 201 with a Message resource or an error object with Twilio's code), plus the
 * signing Twilio does on its webhooks, written from Twilio's published description rather than with the SDK.
 */
public final class TwilioStub implements AutoCloseable {

    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "0123456789abcdef0123456789abcdef";
    public static final String FROM = "+15125550000";
    public static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    private static final String MESSAGE_JSON = """
            {
              "account_sid": "%s",
              "api_version": "2010-04-01",
              "body": "",
              "date_created": "Thu, 24 Aug 2023 05:01:45 +0000",
              "date_sent": null,
              "date_updated": "Thu, 24 Aug 2023 05:01:45 +0000",
              "direction": "outbound-api",
              "error_code": null,
              "error_message": null,
              "from": "%s",
              "messaging_service_sid": null,
              "num_media": "0",
              "num_segments": "1",
              "price": null,
              "price_unit": "USD",
              "sid": "SM{{randomValue length=32 type='HEXADECIMAL'}}",
              "status": "queued",
              "subresource_uris": {"media": "/2010-04-01/Accounts/%s/Messages/SM00000000000000000000000000000000/Media.json"},
              "to": "{{formData request.body 'form' urlDecode=true}}{{{form.To}}}",
              "uri": "/2010-04-01/Accounts/%s/Messages/SM00000000000000000000000000000000.json"
            }
            """.formatted(ACCOUNT_SID, FROM, ACCOUNT_SID, ACCOUNT_SID);

    private final WireMockServer server;

    public TwilioStub() {
        server = new WireMockServer(options().dynamicPort().globalTemplating(true));
        server.start();
        server.stubFor(post(urlPathEqualTo(MESSAGES))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(MESSAGE_JSON)));
    }

    public String baseUrl() {
        return "http://localhost:" + server.port();
    }

    /** The properties that point the app at this stub. */
    public Map<String, Object> settings() {
        return Map.of(
                "pp.outreach.sms.twilio.account-sid",
                ACCOUNT_SID,
                "pp.outreach.sms.twilio.auth-token",
                AUTH_TOKEN,
                "pp.outreach.sms.twilio.from",
                FROM,
                "pp.outreach.sms.twilio.base-url",
                baseUrl());
    }

    /** Every send to this number is refused with Twilio's error object. */
    public void refuse(String to, int httpStatus, int code, String message) {
        server.stubFor(post(urlPathEqualTo(MESSAGES))
                .atPriority(1)
                .withFormParam("To", equalTo(to))
                .willReturn(error(httpStatus, code, message)));
    }

    /** The first send to this number is refused, later ones accepted. */
    public void refuseOnce(String to, int httpStatus, int code, String message) {
        String scenario = "once:" + to;
        server.stubFor(post(urlPathEqualTo(MESSAGES))
                .atPriority(1)
                .withFormParam("To", equalTo(to))
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("refused")
                .willReturn(error(httpStatus, code, message)));
    }

    /** Form parameters of every send request, in order. */
    public List<Map<String, String>> sends() {
        return server.findAll(postRequestedFor(urlPathEqualTo(MESSAGES))).stream()
                .map(request -> form(request.getBodyAsString()))
                .toList();
    }

    public List<Map<String, String>> sendsTo(String to) {
        return sends().stream().filter(form -> to.equals(form.get("To"))).toList();
    }

    /** The MessageSid the stub answered a successful send to this number with. */
    public String sidSentTo(String to) {
        for (ServeEvent event : server.getAllServeEvents()) {
            if (event.getResponse().getStatus() == 201
                    && to.equals(form(event.getRequest().getBodyAsString()).get("To"))) {
                String json = event.getResponse().getBodyAsString();
                int at = json.indexOf("\"sid\": \"") + 8;
                return json.substring(at, json.indexOf('"', at));
            }
        }
        throw new AssertionError("no accepted send to " + to);
    }

    public List<String> authorizations() {
        return server.findAll(postRequestedFor(urlPathEqualTo(MESSAGES))).stream()
                .map(request -> request.getHeader("Authorization"))
                .toList();
    }

    /** X-Twilio-Signature: Base64(HMAC-SHA1(token, URL + each POST parameter's name and value, by name)). */
    public static String signature(String authToken, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(
            int status, int code, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\": " + code + ", \"message\": \"" + message + "\", \"more_info\": "
                        + "\"https://www.twilio.com/docs/errors/" + code + "\", \"status\": " + status + "}");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void close() {
        server.stop();
    }
}
