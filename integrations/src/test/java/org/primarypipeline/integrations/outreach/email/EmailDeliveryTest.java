package org.primarypipeline.integrations.outreach.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.primarypipeline.integrations.outreach.support.Eventually;
import org.primarypipeline.integrations.outreach.support.Http;
import org.primarypipeline.integrations.outreach.support.Mailbox;
import org.primarypipeline.integrations.outreach.support.Models;
import org.primarypipeline.integrations.outreach.support.MutableClock;
import org.primarypipeline.integrations.outreach.support.Outreach;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.outreach.DeadLetters.DeadLetter;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.testing.TestDatabase;

/** Outbox to a real SMTP server (GreenMail): what arrives, what it looks like, and consent. */
class EmailDeliveryTest {

    private static HikariDataSource db;
    private static GreenMail smtp;
    private static MutableClock clock;
    private static Outreach outreach;

    @BeforeAll
    static void start() {
        db = TestDatabase.freshMigrated();
        smtp = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        smtp.start();
        smtp.setUser("unsubscribe@pp.example.org", "unsubscribe", "inbox-secret");
        clock = MutableClock.aheadOfRealTime();
        // no Twilio configuration: the SMS side must stay idle
        outreach = Outreach.start(
                db,
                clock,
                Map.of(
                        "pp.outreach.email.host",
                        "127.0.0.1",
                        "pp.outreach.email.port",
                        smtp.getSmtp().getPort(),
                        "pp.outreach.email.unsubscribe-inbox.host",
                        "127.0.0.1",
                        "pp.outreach.email.unsubscribe-inbox.port",
                        smtp.getImap().getPort(),
                        "pp.outreach.email.unsubscribe-inbox.tls",
                        "none",
                        "pp.outreach.email.unsubscribe-inbox.username",
                        "unsubscribe",
                        "pp.outreach.email.unsubscribe-inbox.password",
                        "inbox-secret",
                        "pp.outreach.email.unsubscribe-inbox.poll-interval",
                        "100ms"),
                true);
    }

    @AfterAll
    static void stop() {
        outreach.close();
        smtp.stop();
        TestDatabase.close(db);
    }

    @BeforeEach
    void emptyTheServer() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void aSecretLinkIsDeliveredAndThenDroppedFromTheStoredRow() throws Exception {
        String key = "test:secret:ballot-link";
        Map<String, Object> model = Models.of("ballot-link", "Sam Secret");
        String link = (String) model.get("ballotUrl");
        OutboundMessage message = OutboundMessage.email(key, "sam@members.example.org", "ballot-link", model)
                .asTransactional()
                .withSecrets("ballotUrl");
        assertThat(outreach.outbox().enqueue(message)).isTrue();
        assertThat(outreach.row(key).get("model").toString()).contains(link);
        Eventually.until("sent", () -> outreach.allSettled(List.of(key)), outreach::statuses);

        MimeMessage mail =
                Mailbox.withMessageId(smtp, (String) outreach.row(key).get("message_id"));
        assertThat((String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent())
                .contains(link);
        String stored = outreach.row(key).get("model").toString();
        assertThat(stored)
                .doesNotContain(link)
                .doesNotContain("ballotUrl")
                .doesNotContain("_secrets")
                .contains("Sam Secret");
    }

    @Test
    void everyMessageTypeArrivesOnceAsHtmlAndTextUnderItsOwnMessageId() throws Exception {
        List<String> keys = new ArrayList<>();
        for (String type : Models.MESSAGE_TYPES) {
            String key = "test:types:" + type;
            OutboundMessage message =
                    OutboundMessage.email(key, type + "@members.example.org", type, Models.of(type, "Ana " + type));
            if (type.equals("ballot-link") || type.equals("nomination-received")) {
                message = message.asTransactional();
            }
            assertThat(outreach.outbox().enqueue(message)).isTrue();
            // the retried activity: same key, no second row
            assertThat(outreach.outbox().enqueue(message)).isFalse();
            keys.add(key);
        }
        Eventually.until("all five sent", () -> outreach.allSettled(keys), outreach::statuses);

        assertThat(Mailbox.received(smtp)).hasSize(5);
        for (String type : Models.MESSAGE_TYPES) {
            Map<String, Object> row = outreach.row("test:types:" + type);
            assertThat(row.get("status")).isEqualTo("SENT");
            String messageId = (String) row.get("message_id");
            assertThat(messageId).matches("<outbox\\.\\d+\\.[0-9a-f]{12}@pp\\.example\\.org>");
            MimeMessage mail = Mailbox.withMessageId(smtp, messageId);
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(type + "@members.example.org");
            assertThat(mail.getFrom()[0].toString()).isEqualTo("Primary Pipeline <outreach@pp.example.org>");
            assertThat(mail.getSubject()).isNotBlank();

            MimeMultipart alternative = (MimeMultipart) mail.getContent();
            assertThat(alternative.getContentType()).startsWith("multipart/alternative");
            assertThat(alternative.getCount()).isEqualTo(2);
            assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
            assertThat((String) alternative.getBodyPart(0).getContent())
                    .contains("Ana " + type)
                    .doesNotContain("<p>");
            assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
            assertThat((String) alternative.getBodyPart(1).getContent())
                    .contains("Ana " + type)
                    .contains("<p>");

            boolean transactional = (Boolean) row.get("transactional");
            String token = row.get("unsubscribe_token").toString();
            if (transactional) {
                assertThat(mail.getHeader("List-Unsubscribe")).isNull();
                assertThat((String) alternative.getBodyPart(0).getContent()).doesNotContain("Unsubscribe");
            } else {
                assertThat(mail.getHeader("List-Unsubscribe")[0])
                        .isEqualTo("<mailto:unsubscribe@pp.example.org" + "?subject=unsubscribe%20" + token
                                + ">, <https://pp.example.org/unsubscribe/" + token + ">");
                assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
                assertThat((String) alternative.getBodyPart(0).getContent())
                        .contains("https://pp.example.org/unsubscribe/" + token);
            }
        }
    }

    @Test
    void smsWaitsInTheOutboxWhileTwilioIsNotConfigured() {
        outreach.outbox()
                .enqueue(OutboundMessage.sms(
                        "test:sms-unconfigured", "+1 512 555 0100", "ballot-link", Models.of("ballot-link", "Ana")));
        outreach.outbox()
                .enqueue(OutboundMessage.email(
                        "test:sms-unconfigured:marker",
                        "marker@members.example.org",
                        "ballot-link",
                        Models.of("ballot-link", "Marker")));
        Eventually.until(
                "the email after it was sent",
                () -> outreach.status("test:sms-unconfigured:marker").equals("SENT"));

        Map<String, Object> sms = outreach.row("test:sms-unconfigured");
        assertThat(sms.get("status")).isEqualTo("PENDING");
        assertThat(sms.get("attempts")).isEqualTo(0);
        assertThat(sms.get("recipient")).isEqualTo("+15125550100");
    }

    @Test
    void oneClickUnsubscribeStopsTheVeryNextNonTransactionalMailButNotBallotLinks() throws Exception {
        String ana = "ana.unsub@members.example.org";
        outreach.outbox()
                .enqueue(OutboundMessage.email(
                        "test:unsub:reminder-1", ana, "voting-reminder", Models.of("voting-reminder", "Ana")));
        // already queued for later when she unsubscribes: the send-time check must catch these
        outreach.outbox()
                .enqueue(OutboundMessage.email(
                                "test:unsub:reminder-2", ana, "voting-reminder", Models.of("voting-reminder", "Ana"))
                        .notBefore(clock.instant().plus(Duration.ofHours(1))));
        outreach.outbox()
                .enqueue(OutboundMessage.email("test:unsub:ballot", ana, "ballot-link", Models.of("ballot-link", "Ana"))
                        .asTransactional()
                        .notBefore(clock.instant().plus(Duration.ofHours(1))));
        Eventually.until(
                "the first reminder",
                () -> outreach.status("test:unsub:reminder-1").equals("SENT"));

        MimeMessage reminder = Mailbox.received(smtp).get(0);
        String oneClick = oneClickUrl(reminder.getHeader("List-Unsubscribe")[0]);
        HttpResponse<String> response =
                Http.postForm(outreach.local(oneClick), Map.of("List-Unsubscribe", "One-Click"), Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("You are unsubscribed").contains("a•••@members.example.org");
        assertThat(outreach.consent().find(Channel.EMAIL, ana).orElseThrow().source())
                .isEqualTo("email-unsubscribe");

        // queued after the unsubscribe: refused at the door
        outreach.outbox()
                .enqueue(OutboundMessage.email(
                        "test:unsub:reminder-3",
                        "ANA.Unsub@members.example.org",
                        "voting-reminder",
                        Models.of("voting-reminder", "Ana")));
        assertThat(outreach.status("test:unsub:reminder-3")).isEqualTo("SUPPRESSED");

        clock.advance(Duration.ofHours(2));
        Eventually.until(
                "the held messages to settle",
                () -> outreach.allSettled(List.of("test:unsub:reminder-2", "test:unsub:ballot")),
                outreach::statuses);
        assertThat(outreach.status("test:unsub:reminder-2")).isEqualTo("SUPPRESSED");
        assertThat(outreach.row("test:unsub:reminder-2").get("last_error"))
                .isEqualTo("recipient opted out before the message was sent");
        assertThat(outreach.status("test:unsub:ballot")).isEqualTo("SENT");
        assertThat(Mailbox.received(smtp))
                .extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder(
                        "Reminder: voting in TX-07 closes Tue, Mar 3, 8:00 PM CST", "Your ballot for TX-07 is ready");
    }

    @Test
    void anUnsubscribeMailedToTheListUnsubscribeAddressIsHonoured() throws Exception {
        String eve = "eve.mailto@members.example.org";
        outreach.outbox()
                .enqueue(OutboundMessage.email(
                        "test:mailto", eve, "voting-reminder", Models.of("voting-reminder", "Eve")));
        Eventually.until("the reminder", () -> outreach.status("test:mailto").equals("SENT"));
        String listUnsubscribe = Mailbox.received(smtp).get(0).getHeader("List-Unsubscribe")[0];
        Matcher mailto = Pattern.compile("<mailto:([^?]+)\\?subject=([^>]+)>").matcher(listUnsubscribe);
        assertThat(mailto.find()).isTrue();

        GreenMailUtil.sendTextEmail(
                "unsubscribe@pp.example.org",
                "Finn@Members.Example.org",
                "unsubscribe",
                "",
                smtp.getSmtp().getServerSetup());
        // what the recipient's mail client sends, here from an alias that is not the address we mail
        GreenMailUtil.sendTextEmail(
                mailto.group(1),
                "eve.alias@elsewhere.example.net",
                java.net.URLDecoder.decode(mailto.group(2), java.nio.charset.StandardCharsets.UTF_8),
                "",
                smtp.getSmtp().getServerSetup());
        Eventually.until(
                "the mailbox request to be read", () -> outreach.consent().isOptedOut(Channel.EMAIL, eve));
        assertThat(outreach.consent().find(Channel.EMAIL, eve).orElseThrow().source())
                .isEqualTo("email-unsubscribe-mailto");
        assertThat(outreach.consent().isOptedOut(Channel.EMAIL, "eve.alias@elsewhere.example.net"))
                .isFalse();

        // a bare request without the token, sent before the one above, unsubscribed nobody: the From
        // header is whatever the sender typed (issue #17)
        assertThat(outreach.consent().isOptedOut(Channel.EMAIL, "finn@members.example.org"))
                .isFalse();
    }

    @Test
    void openingTheUnsubscribePageChangesNothingBecauseLinkScannersOpenEveryLink() {
        String bo = "bo.scanner@members.example.org";
        outreach.outbox()
                .enqueue(OutboundMessage.email("test:scanner", bo, "cycle-result", Models.of("cycle-result", "Bo")));
        Eventually.until(
                "the result mail", () -> outreach.status("test:scanner").equals("SENT"));
        String token = outreach.row("test:scanner").get("unsubscribe_token").toString();

        HttpResponse<String> page = Http.get(outreach.local("/unsubscribe/" + token));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\">");
        assertThat(outreach.consent().isOptedOut(Channel.EMAIL, bo)).isFalse();

        assertThat(Http.get(outreach.local("/unsubscribe/00000000-0000-0000-0000-000000000000"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(Http.postForm(outreach.local("/unsubscribe/not-a-token"), Map.of(), Map.of())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void permanentFailuresGoToTheDeadLettersWithTheirReasonAndStaffCanRequeue() {
        outreach.outbox()
                .enqueue(OutboundMessage.email(
                        "test:dead:template", "cy@members.example.org", "no-such-message", Map.of()));
        outreach.outbox()
                .enqueue(OutboundMessage.email(
                        "test:dead:address", "not an address", "ballot-link", Models.of("ballot-link", "Cy")));
        List<String> keys = List.of("test:dead:template", "test:dead:address");
        Eventually.until("both to fail", () -> outreach.allSettled(keys), outreach::statuses);

        assertThat(outreach.status("test:dead:template")).isEqualTo("DEAD");
        assertThat(outreach.status("test:dead:address")).isEqualTo("DEAD");
        List<DeadLetter> dead = outreach.deadLetters().list(10);
        assertThat(dead)
                .filteredOn(d -> d.dedupKey().equals("test:dead:template"))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.reason()).contains("no templates for message 'no-such-message'");
                    assertThat(d.attempts()).isEqualTo(1);
                });
        assertThat(dead)
                .filteredOn(d -> d.dedupKey().equals("test:dead:address"))
                .singleElement()
                .satisfies(d -> assertThat(d.reason()).startsWith("invalid recipient address: 'not an address'"));
        assertThat(Mailbox.received(smtp)).isEmpty();

        long id = dead.stream()
                .filter(d -> d.dedupKey().equals("test:dead:template"))
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(outreach.deadLetters().requeue(id)).isTrue();
        Eventually.until(
                "the requeued letter to fail again",
                () -> outreach.status("test:dead:template").equals("DEAD"));
        assertThat(outreach.row("test:dead:template").get("attempts")).isEqualTo(1);
    }

    private static String oneClickUrl(String listUnsubscribe) {
        Matcher https = Pattern.compile("<(https://[^>]+)>").matcher(listUnsubscribe);
        assertThat(https.find()).as(listUnsubscribe).isTrue();
        return https.group(1);
    }
}
