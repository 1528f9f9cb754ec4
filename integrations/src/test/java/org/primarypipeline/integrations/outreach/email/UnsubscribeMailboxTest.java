package org.primarypipeline.integrations.outreach.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailMessage;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.primarypipeline.integrations.outreach.OutreachProperties;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.outreach.ConsentRegistry;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.outreach.Outbox;
import org.primarypipeline.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An unsubscribe request by mail counts only with the token of a message we sent: a From header is
 * easily forged. Failed on the old code, where a tokenless mail from anyone unsubscribed the address it claimed.
 */
class UnsubscribeMailboxTest {

    private static HikariDataSource db;
    private static JdbcClient jdbc;
    private static ConsentRegistry consent;
    private static UnsubscribeMailbox mailbox;

    @BeforeAll
    static void start() {
        db = TestDatabase.freshMigrated();
        jdbc = JdbcClient.create(db);
        consent = new ConsentRegistry(jdbc);
        mailbox = new UnsubscribeMailbox(new OutreachProperties(), new UnsubscribeTokens(jdbc), consent);
    }

    @AfterAll
    static void stop() {
        TestDatabase.close(db);
    }

    private static Exchange request(String from, String subject) throws Exception {
        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
        mail.setFrom(new InternetAddress(from));
        mail.setSubject(subject);
        mail.setText("");
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setIn(new MailMessage(exchange, mail, false));
        return exchange;
    }

    @Test
    void aRequestWithoutATokenUnsubscribesNobody() throws Exception {
        assertThat(mailbox.handle(request("victim@example.org", "unsubscribe"))).isEmpty();
        assertThat(consent.isOptedOut(Channel.EMAIL, "victim@example.org")).isFalse();
    }

    @Test
    void aRequestWithAnUnknownTokenUnsubscribesNobody() throws Exception {
        assertThat(mailbox.handle(request("victim2@example.org", "unsubscribe " + UUID.randomUUID())))
                .isEmpty();
        assertThat(consent.isOptedOut(Channel.EMAIL, "victim2@example.org")).isFalse();
    }

    @Test
    void theTokenOfAMessageWeSentUnsubscribesItsRecipientWhoeverForwardsIt() throws Exception {
        new Outbox(jdbc)
                .enqueue(OutboundMessage.email("test:unsub", "reader@example.org", "voting-reminder", Map.of()));
        UUID token = jdbc.sql("select unsubscribe_token from outbox_message where dedup_key = 'test:unsub'")
                .query(UUID.class)
                .single();
        assertThat(mailbox.handle(request("alias@elsewhere.example", "unsubscribe " + token)))
                .contains("reader@example.org");
        assertThat(consent.isOptedOut(Channel.EMAIL, "reader@example.org")).isTrue();
    }
}
