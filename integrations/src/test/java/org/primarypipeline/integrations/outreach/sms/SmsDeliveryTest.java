package org.primarypipeline.integrations.outreach.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.primarypipeline.integrations.outreach.support.Eventually;
import org.primarypipeline.integrations.outreach.support.Http;
import org.primarypipeline.integrations.outreach.support.Models;
import org.primarypipeline.integrations.outreach.support.MutableClock;
import org.primarypipeline.integrations.outreach.support.Outreach;
import org.primarypipeline.integrations.outreach.support.TwilioStub;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.testing.TestDatabase;

/** Outbox to a local stub of Twilio's API, and Twilio's webhooks back: replies, keywords, status callbacks. */
class SmsDeliveryTest {

    private static final ZoneId EASTERN = ZoneId.of("America/New_York");
    private static final ZoneId CENTRAL = ZoneId.of("America/Chicago");
    private static final String PUBLIC = "https://pp.example.org";

    private static HikariDataSource db;
    private static TwilioStub twilio;
    private static MutableClock clock;
    private static Outreach outreach;

    @BeforeAll
    static void start() {
        db = TestDatabase.freshMigrated();
        twilio = new TwilioStub();
        clock = MutableClock.aheadOfRealTime();
        Map<String, Object> settings = new HashMap<>(twilio.settings());
        settings.put("pp.outreach.rate.sms-per-second", "50");
        outreach = Outreach.start(db, clock, settings, true);
    }

    @AfterAll
    static void stop() {
        outreach.close();
        twilio.close();
        TestDatabase.close(db);
    }

    @BeforeEach
    void daytimeEverywhere() {
        clock.advanceToNext(LocalTime.of(13, 0), EASTERN);
    }

    @Test
    void everySmsMessageTypeGoesOutOnceThroughTwilioWithACallbackNamingItsRow() {
        String[] types = {"ballot-link", "voting-reminder", "vetting-invitation", "cycle-result"};
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            OutboundMessage message = OutboundMessage.sms(
                            "test:sms:" + types[i],
                            "(512) 555-010" + i,
                            types[i],
                            Models.of(types[i], "Ana " + types[i]))
                    .inState("TX");
            assertThat(outreach.outbox().enqueue(message)).isTrue();
            assertThat(outreach.outbox().enqueue(message)).isFalse();
            keys.add(message.dedupKey());
        }
        outreach.outbox()
                .enqueue(OutboundMessage.sms(
                        "test:sms:no-sms-part",
                        "+15125550109",
                        "nomination-received",
                        Models.of("nomination-received", "Ana")));
        keys.add("test:sms:no-sms-part");
        Eventually.until("all settled", () -> outreach.allSettled(keys), outreach::statuses);

        for (int i = 0; i < types.length; i++) {
            String to = "+1512555010" + i;
            Map<String, Object> row = outreach.row("test:sms:" + types[i]);
            assertThat(row.get("status")).isEqualTo("SENT");
            List<Map<String, String>> sends = twilio.sendsTo(to);
            assertThat(sends).hasSize(1);
            assertThat(sends.get(0))
                    .containsEntry("From", TwilioStub.FROM)
                    .containsEntry("StatusCallback", PUBLIC + "/twilio/status/" + row.get("id"));
            assertThat(sends.get(0).get("Body"))
                    .startsWith("Primary Pipeline: ")
                    .contains("Reply STOP to opt out.");
            assertThat(row.get("provider_message_id")).isEqualTo(twilio.sidSentTo(to));
        }
        assertThat(twilio.authorizations())
                .allSatisfy(header -> assertThat(header)
                        .isEqualTo("Basic "
                                + java.util.Base64.getEncoder()
                                        .encodeToString(
                                                (TwilioStub.ACCOUNT_SID + ":" + TwilioStub.AUTH_TOKEN).getBytes())));
        assertThat(outreach.status("test:sms:no-sms-part")).isEqualTo("DEAD");
        assertThat(outreach.row("test:sms:no-sms-part").get("dead_reason"))
                .isEqualTo("message 'nomination-received' has no SMS part (sms.mustache)");
        assertThat(twilio.sendsTo("+15125550109")).isEmpty();
    }

    @Test
    void twilioRefusalsAreDeadLetteredAndACarrierOptOutIsRemembered() {
        twilio.refuse("+15005550001", 400, 21211, "Invalid 'To' Phone Number: +15005550001");
        twilio.refuse("+15005550002", 400, 21610, "Attempt to send to unsubscribed recipient");
        outreach.outbox()
                .enqueue(OutboundMessage.sms(
                        "test:refused:invalid", "+15005550001", "voting-reminder", Models.of("voting-reminder", "Bo")));
        outreach.outbox()
                .enqueue(OutboundMessage.sms(
                        "test:refused:unsubscribed",
                        "+15005550002",
                        "voting-reminder",
                        Models.of("voting-reminder", "Cy")));
        List<String> keys = List.of("test:refused:invalid", "test:refused:unsubscribed");
        Eventually.until("both refused", () -> outreach.allSettled(keys), outreach::statuses);

        assertThat(outreach.status("test:refused:invalid")).isEqualTo("DEAD");
        assertThat((String) outreach.row("test:refused:invalid").get("dead_reason"))
                .startsWith("Twilio 21211: Invalid 'To' Phone Number");
        assertThat(outreach.status("test:refused:unsubscribed")).isEqualTo("DEAD");
        assertThat(outreach.consent()
                        .find(Channel.SMS, "+15005550002")
                        .orElseThrow()
                        .source())
                .isEqualTo("carrier");

        outreach.outbox()
                .enqueue(OutboundMessage.sms(
                                "test:refused:unsubscribed:again",
                                "+15005550002",
                                "ballot-link",
                                Models.of("ballot-link", "Cy"))
                        .asTransactional());
        assertThat(outreach.status("test:refused:unsubscribed:again")).isEqualTo("SUPPRESSED");
        assertThat(twilio.sendsTo("+15005550002")).hasSize(1);
    }

    @Test
    void throttlingIsRetriedWithBackoffAndTheTextGoesOutOnce() {
        twilio.refuseOnce("+15125550150", 429, 20429, "Too Many Requests");
        outreach.outbox()
                .enqueue(OutboundMessage.sms(
                                "test:throttled", "+15125550150", "ballot-link", Models.of("ballot-link", "Di"))
                        .asTransactional());
        Eventually.until(
                "the refused attempt",
                () -> {
                    Map<String, Object> row = outreach.row("test:throttled");
                    return row.get("status").equals("PENDING") && (Integer) row.get("attempts") == 1;
                },
                () -> outreach.row("test:throttled").toString());
        assertThat((String) outreach.row("test:throttled").get("last_error"))
                .startsWith("Twilio 20429: Too Many Requests");

        clock.advance(Duration.ofSeconds(31));
        Eventually.until("the retry", () -> outreach.status("test:throttled").equals("SENT"));
        assertThat(twilio.sendsTo("+15125550150")).hasSize(2);
        assertThat(outreach.row("test:throttled").get("provider_message_id"))
                .isEqualTo(twilio.sidSentTo("+15125550150"));
    }

    @Test
    void quietHoursHoldTextsUntilMorningInTheRecipientsZone() {
        clock.advanceToNext(LocalTime.of(23, 0), CENTRAL);
        outreach.outbox()
                .enqueue(OutboundMessage.sms(
                                "test:quiet:texas",
                                "+15125550170",
                                "voting-reminder",
                                Models.of("voting-reminder", "Ed"))
                        .inState("TX-07"));
        outreach.outbox()
                .enqueue(OutboundMessage.sms(
                        "test:quiet:unknown", "+15125550171", "voting-reminder", Models.of("voting-reminder", "Flo")));
        // 23:00 in Texas is 19:00 in Honolulu: no quiet hours there yet
        outreach.outbox()
                .enqueue(OutboundMessage.sms(
                                "test:quiet:hawaii",
                                "+18085550172",
                                "voting-reminder",
                                Models.of("voting-reminder", "Gus"))
                        .inState("HI"));
        Eventually.until(
                "Hawaii sent, the others held",
                () -> outreach.status("test:quiet:hawaii").equals("SENT")
                        && outreach.row("test:quiet:texas").get("last_error") != null
                        && outreach.row("test:quiet:unknown").get("last_error") != null,
                outreach::statuses);

        ZonedDateTime texasMorning = heldUntil("test:quiet:texas").atZone(CENTRAL);
        assertThat(texasMorning.toLocalTime()).isEqualTo(LocalTime.of(8, 0));
        assertThat(Duration.between(clock.instant(), texasMorning.toInstant())).isEqualTo(Duration.ofHours(9));
        // unknown zone: not before 08:00 on the Pacific coast, which is 11:00 Eastern
        assertThat(heldUntil("test:quiet:unknown").atZone(EASTERN).toLocalTime())
                .isEqualTo(LocalTime.of(11, 0));
        assertThat(outreach.row("test:quiet:texas").get("attempts")).isEqualTo(0);
        assertThat(twilio.sendsTo("+15125550170")).isEmpty();
        assertThat(twilio.sendsTo("+15125550171")).isEmpty();

        clock.advanceToNext(LocalTime.of(8, 0, 1), CENTRAL);
        Eventually.until(
                "Texas in the morning",
                () -> outreach.status("test:quiet:texas").equals("SENT"));
        assertThat(outreach.status("test:quiet:unknown")).isEqualTo("PENDING");
        clock.advanceToNext(LocalTime.of(11, 0, 1), EASTERN);
        Eventually.until(
                "everyone awake", () -> outreach.status("test:quiet:unknown").equals("SENT"));
        assertThat(twilio.sendsTo("+15125550170")).hasSize(1);
        assertThat(twilio.sendsTo("+15125550171")).hasSize(1);
    }

    @Test
    void stopStopsEveryTextAtOnceIsNeverAnsweredByUsAndCountsOncePerMessageSid() {
        String phone = "+15125550160";
        outreach.outbox()
                .enqueue(OutboundMessage.sms("test:stop:held", phone, "ballot-link", Models.of("ballot-link", "Hal"))
                        .asTransactional()
                        .notBefore(clock.instant().plus(Duration.ofHours(1))));

        Map<String, String> stop = inbound("SMstop0000000000000000000000000001", phone, " stop ");
        HttpResponse<String> first = signedPost("/twilio/sms", stop);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>");
        assertThat(outreach.consent().isOptedOut(Channel.SMS, phone)).isTrue();

        // the same second: a new text to the number, however it is written, is refused at the door
        outreach.outbox()
                .enqueue(OutboundMessage.sms(
                        "test:stop:after", "(512) 555-0160", "voting-reminder", Models.of("voting-reminder", "Hal")));
        assertThat(outreach.status("test:stop:after")).isEqualTo("SUPPRESSED");

        // Twilio retries a webhook it thinks failed: nothing happens twice
        assertThat(signedPost("/twilio/sms", stop).body()).doesNotContain("<Message>");
        assertThat(count("select count(*) from consent_event where address = '" + phone + "'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from inbound_sms where from_number = '" + phone + "'"))
                .isEqualTo(1);

        clock.advance(Duration.ofHours(2));
        Eventually.until(
                "the held text to settle",
                () -> outreach.status("test:stop:held").equals("SUPPRESSED"));
        assertThat(twilio.sendsTo(phone)).isEmpty();

        HttpResponse<String> start =
                signedPost("/twilio/sms", inbound("SMstart000000000000000000000000001", phone, "Start"));
        assertThat(start.body()).doesNotContain("<Message>");
        assertThat(outreach.consent().isOptedOut(Channel.SMS, phone)).isFalse();
        outreach.outbox()
                .enqueue(OutboundMessage.sms(
                        "test:stop:back", phone, "voting-reminder", Models.of("voting-reminder", "Hal")));
        Eventually.until(
                "texts again after START",
                () -> outreach.status("test:stop:back").equals("SENT"));
        assertThat(twilio.sendsTo(phone)).hasSize(1);
    }

    @Test
    void helpIsAnsweredOnceAndNotWhenTwilioAnsweredItAlready() {
        String phone = "+15125550180";
        HttpResponse<String> help =
                signedPost("/twilio/sms", inbound("SMhelp0000000000000000000000000001", phone, "HELP"));
        assertThat(help.body())
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>"
                        + "Primary Pipeline: texts about the House candidates your group is choosing. Reply STOP to opt out. "
                        + "Msg &amp; data rates may apply.</Message></Response>");
        assertThat(signedPost("/twilio/sms", inbound("SMhelp0000000000000000000000000001", phone, "HELP"))
                        .body())
                .doesNotContain("<Message>");

        Map<String, String> handledByTwilio = inbound("SMhelp0000000000000000000000000002", phone, "help");
        handledByTwilio.put("OptOutType", "HELP");
        assertThat(signedPost("/twilio/sms", handledByTwilio).body()).doesNotContain("<Message>");

        Map<String, String> chat = inbound("SMchat0000000000000000000000000001", phone, "Stop by the meeting tonight?");
        assertThat(signedPost("/twilio/sms", chat).body()).doesNotContain("<Message>");
        assertThat(outreach.consent().isOptedOut(Channel.SMS, phone)).isFalse();
        assertThat(count("select count(*) from inbound_sms where from_number = '" + phone + "'"))
                .isEqualTo(3);
    }

    @Test
    void forgedSignaturesAreRefusedWith401AndChangeNothing() {
        String phone = "+15125550190";
        outreach.outbox()
                .enqueue(OutboundMessage.sms(
                        "test:forged", phone, "voting-reminder", Models.of("voting-reminder", "Ida")));
        Eventually.until("sent", () -> outreach.status("test:forged").equals("SENT"));
        long id = (Long) outreach.row("test:forged").get("id");
        Map<String, String> stop = inbound("SMforged00000000000000000000000001", phone, "STOP");

        List<Map<String, String>> headers = List.of(
                Map.of(),
                Map.of(
                        "X-Twilio-Signature",
                        TwilioStub.signature("another-accounts-token", PUBLIC + "/twilio/sms", stop)),
                // signed for the URL the request really hit, not the one Twilio was given
                Map.of(
                        "X-Twilio-Signature",
                        TwilioStub.signature(TwilioStub.AUTH_TOKEN, outreach.local(PUBLIC + "/twilio/sms"), stop)));
        for (Map<String, String> header : headers) {
            assertThat(Http.postForm(outreach.local(PUBLIC + "/twilio/sms"), stop, header)
                            .statusCode())
                    .isEqualTo(401);
        }
        // a valid signature over other parameters: the body was tampered with
        Map<String, String> tampered = new LinkedHashMap<>(stop);
        tampered.put("Body", "HELLO");
        assertThat(Http.postForm(
                                outreach.local(PUBLIC + "/twilio/sms"),
                                tampered,
                                Map.of(
                                        "X-Twilio-Signature",
                                        TwilioStub.signature(TwilioStub.AUTH_TOKEN, PUBLIC + "/twilio/sms", stop)))
                        .statusCode())
                .isEqualTo(401);

        Map<String, String> delivered = Map.of(
                "MessageSid",
                (String) outreach.row("test:forged").get("provider_message_id"),
                "MessageStatus",
                "undelivered",
                "ErrorCode",
                "30003",
                "AccountSid",
                TwilioStub.ACCOUNT_SID);
        assertThat(Http.postForm(
                                outreach.local(PUBLIC + "/twilio/status/" + id),
                                delivered,
                                Map.of("X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl"))
                        .statusCode())
                .isEqualTo(401);

        assertThat(count("select count(*) from inbound_sms where from_number = '" + phone + "'"))
                .isZero();
        assertThat(outreach.consent().find(Channel.SMS, phone)).isEmpty();
        assertThat(outreach.row("test:forged").get("delivery_status")).isNull();
    }

    @Test
    void statusCallbacksOnlyMoveForwardAndSettleARowWhoseSendWasNeverRecorded() {
        String phone = "+15125550195";
        outreach.outbox()
                .enqueue(OutboundMessage.sms("test:callback", phone, "cycle-result", Models.of("cycle-result", "Jo")));
        Eventually.until("sent", () -> outreach.status("test:callback").equals("SENT"));
        long id = (Long) outreach.row("test:callback").get("id");
        String sid = (String) outreach.row("test:callback").get("provider_message_id");

        assertThat(signedPost("/twilio/status/" + id, status(sid, "sent")).statusCode())
                .isEqualTo(204);
        assertThat(outreach.row("test:callback").get("delivery_status")).isEqualTo("sent");
        assertThat(signedPost("/twilio/status/" + id, status(sid, "delivered")).statusCode())
                .isEqualTo(204);
        assertThat(signedPost("/twilio/status/" + id, status(sid, "sent")).statusCode())
                .isEqualTo(204);
        assertThat(outreach.row("test:callback").get("delivery_status")).isEqualTo("delivered");
        assertThat(signedPost("/twilio/status/" + (id + 100_000), status(sid, "sent"))
                        .statusCode())
                .isEqualTo(404);

        // what a crash right after Twilio's 201 leaves behind: Twilio has the text, the row says SENDING
        outreach.jdbc()
                .sql("""
                update outbox_message set status = 'SENDING', provider_message_id = null, sent_at = null,
                       delivery_status = null, claimed_by = 'crashed-sender', claimed_at = cast(:at as timestamptz)
                where id = :id
                """)
                .param("at", clock.instant().toString())
                .param("id", id)
                .update();
        assertThat(signedPost("/twilio/status/" + id, status(sid, "queued")).statusCode())
                .isEqualTo(204);
        Map<String, Object> settled = outreach.row("test:callback");
        assertThat(settled.get("status")).isEqualTo("SENT");
        assertThat(settled.get("provider_message_id")).isEqualTo(sid);

        clock.advance(Duration.ofMinutes(10)); // past the claim timeout: nothing left for the reaper
        outreach.outbox()
                .enqueue(OutboundMessage.sms(
                        "test:callback:marker", "+15125550196", "cycle-result", Models.of("cycle-result", "Kim")));
        Eventually.until(
                "a later text", () -> outreach.status("test:callback:marker").equals("SENT"));
        assertThat(twilio.sendsTo(phone)).hasSize(1);
    }

    private static Map<String, String> inbound(String sid, String from, String body) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", sid);
        params.put("SmsSid", sid);
        params.put("AccountSid", TwilioStub.ACCOUNT_SID);
        params.put("From", from);
        params.put("To", TwilioStub.FROM);
        params.put("Body", body);
        params.put("NumMedia", "0");
        return params;
    }

    private static Map<String, String> status(String sid, String status) {
        return Map.of(
                "MessageSid",
                sid,
                "SmsSid",
                sid,
                "MessageStatus",
                status,
                "SmsStatus",
                status,
                "AccountSid",
                TwilioStub.ACCOUNT_SID,
                "To",
                "+15125550195",
                "From",
                TwilioStub.FROM);
    }

    /** As Twilio sends it: to the public URL it was configured with, signed with our auth token. */
    private static HttpResponse<String> signedPost(String path, Map<String, String> params) {
        return Http.postForm(
                outreach.local(PUBLIC + path),
                params,
                Map.of("X-Twilio-Signature", TwilioStub.signature(TwilioStub.AUTH_TOKEN, PUBLIC + path, params)));
    }

    private static java.time.Instant heldUntil(String key) {
        return ((Timestamp) outreach.row(key).get("next_attempt_at")).toInstant();
    }

    private static int count(String sql) {
        return outreach.jdbc().sql(sql).query(Integer.class).single();
    }
}
