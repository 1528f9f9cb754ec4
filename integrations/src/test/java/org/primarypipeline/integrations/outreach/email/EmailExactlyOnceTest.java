package org.primarypipeline.integrations.outreach.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.primarypipeline.integrations.outreach.support.Eventually;
import org.primarypipeline.integrations.outreach.support.FreePort;
import org.primarypipeline.integrations.outreach.support.Mailbox;
import org.primarypipeline.integrations.outreach.support.Models;
import org.primarypipeline.integrations.outreach.support.MutableClock;
import org.primarypipeline.integrations.outreach.support.Outreach;
import org.primarypipeline.integrations.outreach.support.SenderProcess;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.testing.TestDatabase;

/**
 * Once, not zero times and not twice: across SMTP outages, a sender stopped in the middle of a batch
 * and restarted, and a crash between handing mail to the server and writing that down. Counted at a
 * real SMTP server by Message-ID, the key a recipient's provider dedupes by.
 */
class EmailExactlyOnceTest {

    @Test
    void transientFailuresRetryWithBackoffUntilDeliveredOnceOrDeadLetterWhenAttemptsRunOut() throws Exception {
        int port = FreePort.find();
        MutableClock clock = MutableClock.aheadOfRealTime();
        try (HikariDataSource db = TestDatabase.freshMigrated();
                Outreach outreach = Outreach.start(
                        db,
                        clock,
                        Map.of(
                                "pp.outreach.email.host",
                                "127.0.0.1",
                                "pp.outreach.email.port",
                                port,
                                "pp.outreach.retry.initial-backoff",
                                "30s",
                                "pp.outreach.retry.max-attempts",
                                "3"),
                        false)) {
            // nothing listens on the port yet: the default setup before anyone starts a mail server
            outreach.outbox()
                    .enqueue(OutboundMessage.email(
                            "test:retry:gives-up",
                            "dee@members.example.org",
                            "voting-reminder",
                            Models.of("voting-reminder", "Dee")));
            for (int attempt = 1; attempt <= 3; attempt++) {
                int expected = attempt;
                Eventually.until(
                        "attempt " + attempt,
                        () -> attempts("test:retry:gives-up", outreach) == expected
                                && !outreach.status("test:retry:gives-up").equals("SENDING"));
                if (attempt < 3) {
                    Map<String, Object> row = outreach.row("test:retry:gives-up");
                    assertThat(row.get("status")).isEqualTo("PENDING");
                    assertThat((String) row.get("last_error")).contains("onnect");
                    // 30s, then 60s: each wait doubles
                    assertThat(((java.sql.Timestamp) row.get("next_attempt_at")).toInstant())
                            .isEqualTo(clock.instant().plus(Duration.ofSeconds(30L << (attempt - 1))));
                    clock.advance(Duration.ofSeconds(30L << (attempt - 1)));
                }
            }
            Eventually.until(
                    "dead letter", () -> outreach.status("test:retry:gives-up").equals("DEAD"));
            assertThat((String) outreach.row("test:retry:gives-up").get("dead_reason"))
                    .startsWith("gave up after 3 attempts; last: ");

            outreach.outbox()
                    .enqueue(OutboundMessage.email(
                                    "test:retry:recovers",
                                    "eli@members.example.org",
                                    "ballot-link",
                                    Models.of("ballot-link", "Eli"))
                            .asTransactional());
            Eventually.until(
                    "a failed first attempt",
                    () -> attempts("test:retry:recovers", outreach) == 1
                            && outreach.status("test:retry:recovers").equals("PENDING"));

            GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            try {
                clock.advance(Duration.ofSeconds(31));
                Eventually.until(
                        "delivery once the server is up",
                        () -> outreach.status("test:retry:recovers").equals("SENT"));
                assertThat(Mailbox.copiesByMessageId(smtp))
                        .containsExactly(Map.entry(
                                (String) outreach.row("test:retry:recovers").get("message_id"), 1));
                assertThat(attempts("test:retry:recovers", outreach)).isEqualTo(2);
            } finally {
                smtp.stop();
            }
        }
    }

    @Test
    void aSenderStoppedMidQueueAndRestartedDeliversEveryMessageOnce() throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        MutableClock clock = MutableClock.aheadOfRealTime();
        Map<String, Object> settings = Map.of(
                "pp.outreach.email.host",
                "127.0.0.1",
                "pp.outreach.email.port",
                smtp.getSmtp().getPort(),
                "pp.outreach.batch-size",
                "40",
                "pp.outreach.workers",
                "4",
                "pp.outreach.rate.email-per-second",
                "150");
        try (HikariDataSource db = TestDatabase.freshMigrated()) {
            int total = 200;
            try (Outreach first = Outreach.start(db, clock, settings, false)) {
                assertThat(first.outbox().enqueueAll(messages("test:stop", total)))
                        .isEqualTo(total);
                Eventually.until("the sender to be well into the queue", () -> smtp.getReceivedMessages().length >= 40);
            } // Camel stops: the batch in flight may finish within its one second of grace, nothing more is claimed
            try (Outreach restarted = Outreach.start(db, clock, settings, false)) {
                Eventually.until("every row sent", () -> count(restarted, "SENT") == total, restarted::statuses);
                assertThat(Mailbox.copiesByMessageId(smtp))
                        .hasSize(total)
                        .allSatisfy((id, copies) -> assertThat(copies).isOne());
            }
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aSenderKilledMidBatchLosesNothingAndOnlyItsBatchInFlightCanBeSentTwice() throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        MutableClock clock = MutableClock.aheadOfRealTime();
        Map<String, String> settings = Map.of(
                "pp.outreach.batch-size",
                "40",
                "pp.outreach.workers",
                "4",
                "pp.outreach.rate.email-per-second",
                "100",
                "pp.outreach.claim-timeout",
                "5m");
        try (HikariDataSource db = TestDatabase.freshMigrated()) {
            int total = 300;
            try (Outreach queue = Outreach.start(db, clock, Map.of("pp.outreach.auto-start", "false"), false)) {
                assertThat(queue.outbox().enqueueAll(messages("test:kill", total)))
                        .isEqualTo(total);
            }
            Process sender = SenderProcess.launch(
                    db.getJdbcUrl(),
                    smtp.getSmtp().getPort(),
                    clock.instant(),
                    settings,
                    new java.io.File("target/killed-sender.log"));
            int sendingAtKill;
            int pendingAtKill;
            try {
                Eventually.until(
                        "the sender process to be well into the queue",
                        Duration.ofSeconds(120),
                        () -> smtp.getReceivedMessages().length >= 60 || !sender.isAlive(),
                        () -> "");
                assertThat(sender.isAlive())
                        .as("sender process (see target/killed-sender.log)")
                        .isTrue();
            } finally {
                sender.destroyForcibly().waitFor();
            }
            try (Outreach inspect = Outreach.start(db, clock, Map.of("pp.outreach.auto-start", "false"), false)) {
                sendingAtKill = count(inspect, "SENDING");
                pendingAtKill = count(inspect, "PENDING");
            }
            assertThat(sendingAtKill).as("at most one batch in flight").isLessThanOrEqualTo(40);
            assertThat(sendingAtKill + pendingAtKill).as("killed mid-queue").isPositive();

            clock.advance(Duration.ofMinutes(6)); // past the claim timeout: rows left in SENDING are orphans
            try (Outreach restarted = Outreach.start(
                    db,
                    clock,
                    Map.of(
                            "pp.outreach.email.host",
                            "127.0.0.1",
                            "pp.outreach.email.port",
                            smtp.getSmtp().getPort(),
                            "pp.outreach.claim-timeout",
                            "5m"),
                    false)) {
                Eventually.until("every row sent", () -> count(restarted, "SENT") == total, restarted::statuses);

                Map<String, Integer> copies = Mailbox.copiesByMessageId(smtp);
                Set<String> expected = Set.copyOf(restarted
                        .jdbc()
                        .sql("select message_id from outbox_message")
                        .query(String.class)
                        .list());
                assertThat(copies.keySet())
                        .as("distinct Message-IDs at the server")
                        .isEqualTo(expected)
                        .hasSize(total);
                int duplicates = smtp.getReceivedMessages().length - total;
                System.out.printf(
                        "killed sender: %d SENDING and %d PENDING at the kill, %d sent twice%n",
                        sendingAtKill, pendingAtKill, duplicates);
                // a second copy only of mail that was between the server's 250 and the commit when the process died
                assertThat(duplicates).isLessThanOrEqualTo(sendingAtKill);
                assertThat(copies.values()).allSatisfy(n -> assertThat(n).isBetween(1, 2));
            }
        } finally {
            smtp.stop();
        }
    }

    private static List<OutboundMessage> messages(String prefix, int total) {
        List<OutboundMessage> messages = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            String type = Models.MESSAGE_TYPES[i % Models.MESSAGE_TYPES.length];
            messages.add(OutboundMessage.email(
                    prefix + ":" + i, "m" + i + "@members.example.org", type, Models.of(type, "Member " + i)));
        }
        return messages;
    }

    private static int count(Outreach outreach, String status) {
        return outreach.jdbc()
                .sql("select count(*) from outbox_message where status = ?")
                .param(status)
                .query(Integer.class)
                .single();
    }

    @Test
    void mailHandedToTheServerButNeverRecordedIsSentAgainWithTheSameMessageId() throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        MutableClock clock = MutableClock.aheadOfRealTime();
        try (HikariDataSource db = TestDatabase.freshMigrated();
                Outreach outreach = Outreach.start(
                        db,
                        clock,
                        Map.of(
                                "pp.outreach.email.host",
                                "127.0.0.1",
                                "pp.outreach.email.port",
                                smtp.getSmtp().getPort(),
                                "pp.outreach.claim-timeout",
                                "5m"),
                        false)) {
            List<String> keys = List.of("test:unrecorded:1", "test:unrecorded:2", "test:unrecorded:3");
            for (String key : keys) {
                outreach.outbox()
                        .enqueue(OutboundMessage.email(
                                key,
                                key.substring(key.lastIndexOf(':') + 1) + "@members.example.org",
                                "cycle-result",
                                Models.of("cycle-result", key)));
            }
            Eventually.until("first delivery", () -> outreach.allSettled(keys));
            // exactly what a crash right after the SMTP server's 250 leaves behind: the mail is out, the row says
            // SENDING
            outreach.jdbc()
                    .sql("""
                    update outbox_message set status = 'SENDING', sent_at = null, claimed_by = 'crashed-sender',
                           claimed_at = cast(:at as timestamptz) where dedup_key in (:keys)
                    """)
                    .param("at", clock.instant().toString())
                    .param("keys", keys)
                    .update();

            clock.advance(Duration.ofMinutes(5).plusSeconds(1));
            Eventually.until(
                    "the orphans to be sent again",
                    () -> smtp.getReceivedMessages().length == 6 && outreach.allSettled(keys),
                    outreach::statuses);

            Map<String, Integer> copies = Mailbox.copiesByMessageId(smtp);
            assertThat(copies)
                    .hasSize(3)
                    .allSatisfy((id, count) -> assertThat(count).isEqualTo(2));
            for (String key : keys) {
                assertThat(copies).containsKey((String) outreach.row(key).get("message_id"));
                assertThat(outreach.row(key).get("attempts")).isEqualTo(2);
            }
        } finally {
            smtp.stop();
        }
    }

    private static int attempts(String key, Outreach outreach) {
        return (Integer) outreach.row(key).get("attempts");
    }
}
