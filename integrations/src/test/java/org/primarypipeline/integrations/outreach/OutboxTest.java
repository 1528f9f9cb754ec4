package org.primarypipeline.integrations.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.primarypipeline.core.time.RecipientTimeZones;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.outreach.ConsentRegistry;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.outreach.Outbox;
import org.primarypipeline.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The writing side, against a real migrated database: what enqueue stores, what consent blocks, what a claim takes. */
class OutboxTest {

    private static HikariDataSource db;
    private static JdbcClient jdbc;
    private static Outbox outbox;
    private static ConsentRegistry consent;

    @BeforeAll
    static void start() {
        db = TestDatabase.freshMigrated();
        jdbc = JdbcClient.create(db);
        outbox = new Outbox(jdbc);
        consent = new ConsentRegistry(jdbc);
    }

    @AfterAll
    static void stop() {
        TestDatabase.close(db);
    }

    private static Map<String, Object> row(String key) {
        return jdbc.sql("select * from outbox_message where dedup_key = ?")
                .param(key)
                .query()
                .singleRow();
    }

    @Test
    void aRetriedEnqueueFindsTheKeyTakenAndChangesNothing() {
        OutboundMessage first = OutboundMessage.sms(
                        "cycle:TX-07/2026-1:voting-open:member:42",
                        "512.555.0142",
                        "ballot-link",
                        Map.of("memberName", "Ana"))
                .inState("TX-07")
                .asTransactional();
        assertThat(outbox.enqueue(first)).isTrue();
        assertThat(outbox.enqueue(OutboundMessage.sms(first.dedupKey(), "+15125550999", "voting-reminder", Map.of())))
                .isFalse();

        Map<String, Object> row = row(first.dedupKey());
        assertThat(row.get("recipient")).isEqualTo("+15125550142");
        assertThat(row.get("template")).isEqualTo("ballot-link");
        assertThat(row.get("transactional")).isEqualTo(true);
        assertThat(row.get("recipient_zone")).isEqualTo("America/Chicago");
        assertThat(row.get("status")).isEqualTo("PENDING");
    }

    @Test
    void aMessageCanBeHeldUntilLater() {
        Instant tomorrow = Instant.parse("2030-01-02T14:00:00Z");
        outbox.enqueue(OutboundMessage.email("test:later", "Later@Example.org", "voting-reminder", Map.of())
                .notBefore(tomorrow));
        assertThat(((Timestamp) row("test:later").get("next_attempt_at")).toInstant())
                .isEqualTo(tomorrow);
        assertThat(row("test:later").get("recipient")).isEqualTo("later@example.org");
    }

    @Test
    void anSmsOptOutBlocksEveryTextButAnEmailUnsubscribeSparesTransactionalMail() {
        consent.optOut(Channel.SMS, "+1 (512) 555-0177", "sms-keyword", "SM1");
        consent.optOut(Channel.EMAIL, "Bo@Example.org", "email-unsubscribe", "token");

        outbox.enqueue(OutboundMessage.sms("test:consent:sms", "5125550177", "ballot-link", Map.of())
                .asTransactional());
        outbox.enqueue(OutboundMessage.email("test:consent:receipt", "bo@example.org", "ballot-link", Map.of())
                .asTransactional());
        outbox.enqueue(OutboundMessage.email("test:consent:reminder", "bo@example.org", "voting-reminder", Map.of()));
        outbox.enqueue(
                OutboundMessage.email("test:consent:other-channel", "bo@example.org", "voting-reminder", Map.of())
                        .inZone(ZoneId.of("America/Denver")));

        assertThat(row("test:consent:sms").get("status")).isEqualTo("SUPPRESSED");
        assertThat(row("test:consent:sms").get("last_error"))
                .isEqualTo("recipient had opted out when the message was queued");
        assertThat(row("test:consent:receipt").get("status")).isEqualTo("PENDING");
        assertThat(row("test:consent:reminder").get("status")).isEqualTo("SUPPRESSED");
        // the email opt-out says nothing about the SMS channel and vice versa
        assertThat(consent.allows(Channel.SMS, "bo@example.org", false)).isTrue();
        assertThat(consent.allows(Channel.EMAIL, "+15125550177", false)).isTrue();
    }

    @Test
    void aRepeatedStopChangesNothingAndLeavesOneEvent() {
        assertThat(consent.optOut(Channel.SMS, "+15125550188", "sms-keyword", "SM1"))
                .isTrue();
        assertThat(consent.optOut(Channel.SMS, "(512) 555-0188", "sms-keyword", "SM2"))
                .isFalse();
        assertThat(consent.find(Channel.SMS, "5125550188").orElseThrow().evidence())
                .isEqualTo("SM1");
        assertThat(consent.optIn(Channel.SMS, "+15125550188", "sms-keyword", "SM3"))
                .isTrue();
        assertThat(jdbc.sql("select opted_out from consent_event where address = '+15125550188' order by id")
                        .query(Boolean.class)
                        .list())
                .containsExactly(true, false);
    }

    @Test
    void manyMessagesGoInTogetherAndOnlyNewKeysCount() {
        List<OutboundMessage> messages = new ArrayList<>();
        for (int i = 0; i < 4_500; i++) {
            messages.add(OutboundMessage.email(
                    "test:bulk:" + (i % 4_000),
                    "m" + i + "@example.org",
                    "voting-reminder",
                    Map.of("memberName", "Member " + i)));
        }
        assertThat(outbox.enqueueAll(messages)).isEqualTo(4_000);
        assertThat(outbox.enqueueAll(messages.subList(0, 10))).isZero();
        assertThat(jdbc.sql("select model ->> 'memberName' from outbox_message where dedup_key = 'test:bulk:7'")
                        .query(String.class)
                        .single())
                .isEqualTo("Member 7");
    }

    @Test
    void statesAndDistrictsMapToTheirTimeZone() {
        assertThat(RecipientTimeZones.ofState("TX")).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(RecipientTimeZones.ofState("ca-12")).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(RecipientTimeZones.ofState("15")).isEqualTo(ZoneId.of("Pacific/Honolulu"));
        assertThat(RecipientTimeZones.ofState("AZ")).isEqualTo(ZoneId.of("America/Phoenix"));
        assertThatThrownBy(() -> RecipientTimeZones.ofState("XX")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClaimSkipsRowsAnotherSenderHoldsInsteadOfWaitingForThem() throws Exception {
        for (int i = 0; i < 6; i++) {
            outbox.enqueue(OutboundMessage.sms("test:claim:" + i, "+1512555020" + i, "ballot-link", Map.of()));
        }
        OutboxLedger ledger = new OutboxLedger(jdbc);
        try (Connection other = db.getConnection();
                Statement lock = other.createStatement()) {
            other.setAutoCommit(false);
            lock.execute(
                    "select id from outbox_message where dedup_key in ('test:claim:0', 'test:claim:1') for update");

            List<ClaimedMessage> claimed =
                    ledger.claim(Channel.SMS, 100, Instant.now().plusSeconds(60), "sender-b");
            assertThat(claimed)
                    .extracting(ClaimedMessage::dedupKey)
                    .contains("test:claim:2", "test:claim:5")
                    .doesNotContain("test:claim:0", "test:claim:1");
            assertThat(claimed).allSatisfy(m -> assertThat(m.attempts()).isEqualTo(1));
            assertThat(ledger.claim(Channel.SMS, 100, Instant.now().plusSeconds(60), "sender-c"))
                    .extracting(ClaimedMessage::dedupKey)
                    .doesNotContain("test:claim:2");
            other.rollback();
        }
        assertThat(ledger.claim(Channel.SMS, 100, Instant.now().plusSeconds(60), "sender-c"))
                .extracting(ClaimedMessage::dedupKey)
                .contains("test:claim:0", "test:claim:1");
    }
}
