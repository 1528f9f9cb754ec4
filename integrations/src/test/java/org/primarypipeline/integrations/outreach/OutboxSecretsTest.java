package org.primarypipeline.integrations.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.outreach.ConsentRegistry;
import org.primarypipeline.outreach.DeadLetters;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.outreach.Outbox;
import org.primarypipeline.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A single-use link in a message model does not outlive the message: dropped when it is sent (tested
 * in EmailDeliveryTest), and equally when it dies, is suppressed by the sender, or is queued to an
 * address that had opted out. These failed on the old code, which kept the link in DEAD and SUPPRESSED rows.
 */
class OutboxSecretsTest {

    private static final String LINK = "https://vote.example.org/ballot/open/SECRET-TOKEN-abcdefghijklmnopqrstuvwxyz0";

    private static HikariDataSource db;
    private static JdbcClient jdbc;
    private static Outbox outbox;
    private static OutboxLedger ledger;

    @BeforeAll
    static void start() {
        db = TestDatabase.freshMigrated();
        jdbc = JdbcClient.create(db);
        outbox = new Outbox(jdbc);
        ledger = new OutboxLedger(jdbc);
    }

    @AfterAll
    static void stop() {
        TestDatabase.close(db);
    }

    private static OutboundMessage ballotLink(String key, Channel channel, String to) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("memberName", "Ada");
        model.put("ballotUrl", LINK);
        return new OutboundMessage(key, channel, to, "ballot-link", model)
                .asTransactional()
                .withSecrets("ballotUrl");
    }

    private static long claim(String key, Channel channel) {
        return ledger.claim(channel, 100, Instant.now().plusSeconds(5), "test").stream()
                .filter(m -> m.dedupKey().equals(key))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private static String model(String key) {
        return jdbc.sql("select model::text from outbox_message where dedup_key = ?")
                .param(key)
                .query(String.class)
                .single();
    }

    @Test
    void aDeadLetterKeepsNoLinkAndIsNotSentAgainWithoutIt() {
        outbox.enqueue(ballotLink("test:dead", Channel.EMAIL, "dead@example.org"));
        ledger.deadLetter(claim("test:dead", Channel.EMAIL), "550 mailbox unavailable", Instant.now());

        assertThat(model("test:dead")).doesNotContain("SECRET-TOKEN").contains("Ada");
        long id = jdbc.sql("select id from outbox_message where dedup_key = 'test:dead'")
                .query(Long.class)
                .single();
        DeadLetters dead = new DeadLetters(jdbc);
        assertThat(dead.lostItsSecrets(id)).isTrue();
        assertThat(dead.requeue(id)).isFalse();
    }

    @Test
    void aMessageTheSenderSuppressesKeepsNoLink() {
        outbox.enqueue(ballotLink("test:suppressed", Channel.SMS, "+15125550101"));
        ledger.suppress(claim("test:suppressed", Channel.SMS), "opted out before sending");

        assertThat(model("test:suppressed")).doesNotContain("SECRET-TOKEN");
    }

    @Test
    void aMessageQueuedToAnOptedOutNumberKeepsNoLink() {
        new ConsentRegistry(jdbc).optOut(Channel.SMS, "+15125550102", "sms-keyword", "SM1");
        outbox.enqueue(ballotLink("test:opted-out", Channel.SMS, "+15125550102"));

        assertThat(jdbc.sql("select status from outbox_message where dedup_key = 'test:opted-out'")
                        .query(String.class)
                        .single())
                .isEqualTo("SUPPRESSED");
        assertThat(model("test:opted-out")).doesNotContain("SECRET-TOKEN");
    }

    @Test
    void aPendingMessageStillHasItsLinkAndADeadLetterWithoutSecretsCanBeRequeued() {
        outbox.enqueue(ballotLink("test:pending", Channel.EMAIL, "pending@example.org"));
        assertThat(model("test:pending")).contains("SECRET-TOKEN");

        outbox.enqueue(OutboundMessage.email("test:plain-dead", "plain@example.org", "voting-reminder", Map.of()));
        long id = claim("test:plain-dead", Channel.EMAIL);
        ledger.deadLetter(id, "550", Instant.now());
        DeadLetters dead = new DeadLetters(jdbc);
        assertThat(dead.lostItsSecrets(id)).isFalse();
        assertThat(dead.requeue(id)).isTrue();
    }
}
