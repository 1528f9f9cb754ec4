package org.primarypipeline.integrations.outreach.sms;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Number;
import com.twilio.twiml.voice.Say;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import java.net.URI;
import java.util.List;
import org.primarypipeline.integrations.outreach.OutreachProperties;
import org.springframework.stereotype.Component;

/**
 * Click-to-call through Twilio Voice: the Calls API rings the volunteer's phone first, and when they
 * answer the call's TwiML ({@code <Dial>}) bridges them to the contact, showing our number. Both legs
 * report their status to {@code /twilio/voice/status/{id}} (the contact's leg with {@code ?leg=contact}),
 * signed as every Twilio webhook. Available only with an account, a token and a sending number (a
 * messaging service does not place calls); the call page hides the button otherwise. One attempt per
 * click, as for texts ({@link TwilioHttpClient}).
 */
@Component
public class TwilioVoice {

    public static final String STATUS_PATH = "/twilio/voice/status/";

    /** Why Twilio did not take the call, in words for the log and the audit entry. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private final OutreachProperties.Twilio twilio;
    private final String statusBase;
    private volatile TwilioRestClient client;

    public TwilioVoice(OutreachProperties properties) {
        this.twilio = properties.getSms().getTwilio();
        this.statusBase = properties.baseUrl() + STATUS_PATH;
    }

    public boolean available() {
        return present(twilio.getAccountSid()) && present(twilio.getAuthToken()) && present(twilio.getFrom());
    }

    /** Places the call for bridged call {@code id}; returns Twilio's CallSid and status. */
    public String[] bridge(long id, String volunteerPhone, String contactPhone, String greeting) {
        String twiml = new VoiceResponse.Builder()
                .say(new Say.Builder(greeting).build())
                .dial(new Dial.Builder()
                        .callerId(twilio.getFrom())
                        .timeout(30)
                        .number(new Number.Builder(contactPhone)
                                .statusCallback(URI.create(statusBase + id + "?leg=contact"))
                                .statusCallbackMethod(HttpMethod.POST)
                                .statusCallbackEvents(List.of(
                                        Number.Event.INITIATED,
                                        Number.Event.RINGING,
                                        Number.Event.ANSWERED,
                                        Number.Event.COMPLETED))
                                .build())
                        .build())
                .build()
                .toXml();
        try {
            Call call = Call.creator(
                            new PhoneNumber(volunteerPhone), new PhoneNumber(twilio.getFrom()), new Twiml(twiml))
                    .setStatusCallback(URI.create(statusBase + id))
                    .setStatusCallbackMethod(HttpMethod.POST)
                    .setStatusCallbackEvent(List.of("initiated", "ringing", "answered", "completed"))
                    .setTimeout(30)
                    .create(client());
            return new String[] {
                call.getSid(),
                call.getStatus() == null ? null : call.getStatus().toString()
            };
        } catch (ApiException e) {
            throw new Refused(
                    "Twilio " + (e.getCode() == null ? e.getStatusCode() : e.getCode()) + ": " + e.getMessage(), e);
        } catch (ApiConnectionException e) {
            throw new Refused("Twilio unreachable: " + e.getMessage(), e);
        }
    }

    private TwilioRestClient client() {
        TwilioRestClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = new TwilioRestClient.Builder(twilio.getAccountSid(), twilio.getAuthToken())
                            .accountSid(twilio.getAccountSid())
                            .httpClient(new TwilioHttpClient(twilio.getBaseUrl()))
                            .build();
                }
                current = client;
            }
        }
        return current;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
