package org.primarypipeline.integrations.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.primarypipeline.integrations.outreach.email.EmailAdapter;
import org.primarypipeline.integrations.outreach.email.UnsubscribeLinks;
import org.primarypipeline.integrations.outreach.support.MutableClock;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.outreach.Outbox;
import org.primarypipeline.templates.TemplateRenderer;
import org.primarypipeline.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the error handler of a delivery writes, depending on whether the provider already has the message. */
class DeliveryOutcomesTest {

    private static HikariDataSource db;
    private static JdbcClient jdbc;
    private static OutboxLedger ledger;
    private static DeliveryOutcomes outcomes;
    private static EmailAdapter email;
    private static final MutableClock CLOCK = MutableClock.aheadOfRealTime();

    @BeforeAll
    static void start() {
        db = TestDatabase.freshMigrated();
        jdbc = JdbcClient.create(db);
        ledger = new OutboxLedger(jdbc);
        OutreachClock clock = new OutreachClock(CLOCK);
        QuietHours quiet = new QuietHours(java.time.LocalTime.of(21, 0), java.time.LocalTime.of(8, 0));
        outcomes = new DeliveryOutcomes(
                ledger, new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), 10), quiet, clock);
        OutreachProperties properties = new OutreachProperties();
        email = new EmailAdapter(properties, new TemplateRenderer(), new UnsubscribeLinks(properties));
    }

    @AfterAll
    static void stop() {
        TestDatabase.close(db);
    }

    private static Exchange failedDelivery(String key, boolean handedOver) {
        new Outbox(jdbc).enqueue(OutboundMessage.email(key, "x@example.org", "voting-reminder", Map.of()));
        ClaimedMessage claimed = ledger.claim(Channel.EMAIL, 10, CLOCK.instant(), "test").stream()
                .filter(m -> m.dedupKey().equals(key))
                .findFirst()
                .orElseThrow();
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(OutreachExchange.MESSAGE, claimed);
        exchange.setProperty(OutreachExchange.MESSAGE_ID, "<outbox.test@example.org>");
        exchange.setProperty(
                Exchange.EXCEPTION_CAUGHT, new SQLTransientConnectionException("connection is not available"));
        if (handedOver) {
            exchange.setProperty(OutreachExchange.HANDED_OVER, true);
        }
        return exchange;
    }

    private static Map<String, Object> row(String key) {
        return jdbc.sql("select * from outbox_message where dedup_key = ?")
                .param(key)
                .query()
                .singleRow();
    }

    @Test
    void aFailureBeforeTheProviderHadTheMessageSchedulesARetry() throws Exception {
        outcomes.failure(email).process(failedDelivery("test:not-yet-sent", false));
        assertThat(row("test:not-yet-sent").get("status")).isEqualTo("PENDING");
        assertThat(((java.sql.Timestamp) row("test:not-yet-sent").get("next_attempt_at")).toInstant())
                .isEqualTo(CLOCK.instant().plusSeconds(30));
    }

    @Test
    void aFailureAfterTheProviderAcceptedTheMessageRecordsItAsSentInsteadOfSendingAgain() throws Exception {
        outcomes.failure(email).process(failedDelivery("test:sent-then-failed", true));
        Map<String, Object> row = row("test:sent-then-failed");
        assertThat(row.get("status")).isEqualTo("SENT");
        assertThat(row.get("message_id")).isEqualTo("<outbox.test@example.org>");
        assertThat(row.get("last_error")).isNull();
        assertThat(((java.sql.Timestamp) row.get("sent_at")).toInstant()).isEqualTo(CLOCK.instant());
    }
}
