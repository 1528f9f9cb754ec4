package org.primarypipeline.integrations.outreach.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.primarypipeline.integrations.outreach.support.Eventually;
import org.primarypipeline.integrations.outreach.support.Models;
import org.primarypipeline.integrations.outreach.support.MutableClock;
import org.primarypipeline.integrations.outreach.support.Outreach;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.testing.TestDatabase;

/** With no SMTP host the outbox's mail lands in the local mailbox; with one, it goes there and nothing is kept. */
class LocalMailboxTest {

    private static HikariDataSource db;

    @BeforeAll
    static void start() {
        db = TestDatabase.freshMigrated();
    }

    @AfterAll
    static void stop() {
        TestDatabase.close(db);
    }

    @Test
    void withNoHostTheMailIsCaughtLocallyWithItsTextAndHtml() throws Exception {
        try (Outreach outreach = Outreach.start(db, MutableClock.aheadOfRealTime(), Map.of(), false)) {
            LocalMailbox mailbox = outreach.bean(LocalMailbox.class);
            assertThat(mailbox.running()).isTrue();
            assertThat(mailbox.port()).isPositive();

            String key = "test:local-mailbox:" + System.nanoTime();
            Map<String, Object> model = Models.of("ballot-link", "Lou Local");
            String link = (String) model.get("ballotUrl");
            outreach.outbox()
                    .enqueue(OutboundMessage.email(key, "lou@members.example.org", "ballot-link", model)
                            .asTransactional());
            Eventually.until("sent", () -> outreach.allSettled(List.of(key)), outreach::statuses);
            assertThat(outreach.status(key)).isEqualTo("SENT");

            List<CaughtMail> caught = mailbox.messages();
            assertThat(caught).hasSize(1);
            CaughtMail mail = caught.get(0);
            assertThat(mail.number()).isEqualTo(1);
            assertThat(mail.to()).containsExactly("lou@members.example.org");
            assertThat(mail.subject()).isNotBlank();
            assertThat(mail.text()).contains(link);
            assertThat(mail.html()).contains(link);
            assertThat(mailbox.message(1)).contains(mail);
            assertThat(mailbox.message(2)).isEmpty();
        }
    }

    @Test
    void settingAnSmtpHostTurnsTheLocalMailboxOff() throws Exception {
        GreenMail relay = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        relay.start();
        try (Outreach outreach = Outreach.start(
                db,
                MutableClock.aheadOfRealTime(),
                Map.of(
                        "pp.outreach.email.host",
                        "127.0.0.1",
                        "pp.outreach.email.port",
                        relay.getSmtp().getPort()),
                false)) {
            LocalMailbox mailbox = outreach.bean(LocalMailbox.class);
            assertThat(mailbox.running()).isFalse();

            String key = "test:real-relay:" + System.nanoTime();
            outreach.outbox()
                    .enqueue(OutboundMessage.email(
                                    key,
                                    "rey@members.example.org",
                                    "ballot-link",
                                    Models.of("ballot-link", "Rey Relay"))
                            .asTransactional());
            Eventually.until("sent", () -> outreach.allSettled(List.of(key)), outreach::statuses);
            assertThat(relay.getReceivedMessages()).hasSize(1);
            assertThat(mailbox.messages()).isEmpty();
        } finally {
            relay.stop();
        }
    }
}
