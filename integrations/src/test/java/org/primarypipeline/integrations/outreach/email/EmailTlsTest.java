package org.primarypipeline.integrations.outreach.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.primarypipeline.integrations.outreach.support.Eventually;
import org.primarypipeline.integrations.outreach.support.Mailbox;
import org.primarypipeline.integrations.outreach.support.Models;
import org.primarypipeline.integrations.outreach.support.MutableClock;
import org.primarypipeline.integrations.outreach.support.Outreach;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.testing.TestDatabase;

/**
 * SMTP inside TLS with a login, against GreenMail's SMTPS server holding a certificate made for this
 * run: refused while the certificate is not trusted (nothing is sent in the clear instead), delivered
 * once it is, with the host name checked against it.
 */
class EmailTlsTest {

    private static final String KEYSTORE_PROPERTY = "greenmail.tls.keystore.file";

    private static Path dir;
    private static HikariDataSource db;
    private static GreenMail smtps;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("pp-smtp-tls");
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(
                keytool,
                "-genkeypair",
                "-alias",
                "relay",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=relay.test",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype",
                "PKCS12",
                "-keystore",
                dir.resolve("relay.p12").toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit");
        run(
                keytool,
                "-exportcert",
                "-rfc",
                "-alias",
                "relay",
                "-keystore",
                dir.resolve("relay.p12").toString(),
                "-storepass",
                "changeit",
                "-file",
                dir.resolve("relay.pem").toString());
        System.setProperty(KEYSTORE_PROPERTY, dir.resolve("relay.p12").toString());
        smtps = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort());
        smtps.start();
        smtps.setUser("relay-user", "relay-user", "relay-secret");
        db = TestDatabase.freshMigrated();
    }

    @AfterAll
    static void stop() {
        System.clearProperty(KEYSTORE_PROPERTY);
        if (smtps != null) {
            smtps.stop();
        }
        TestDatabase.close(db);
    }

    @Test
    void refusedUntilTheRelaysCertificateIsTrustedThenDeliveredOnce() throws Exception {
        MutableClock clock = MutableClock.aheadOfRealTime();
        Map<String, Object> relay = new HashMap<>(Map.of(
                "pp.outreach.email.host",
                "127.0.0.1",
                "pp.outreach.email.port",
                smtps.getSmtps().getPort(),
                "pp.outreach.email.tls",
                "implicit",
                "pp.outreach.email.username",
                "relay-user",
                "pp.outreach.email.password",
                "relay-secret"));
        String key = "test:tls:voting-reminder";

        Outreach untrusted = Outreach.start(db, clock, relay, false);
        try {
            assertThat(untrusted
                            .outbox()
                            .enqueue(OutboundMessage.email(
                                    key,
                                    "tess@members.example.org",
                                    "voting-reminder",
                                    Models.of("voting-reminder", "Tess Tls"))))
                    .isTrue();
            Eventually.until(
                    "the handshake failure recorded",
                    () -> untrusted.row(key).get("last_error") != null,
                    untrusted::statuses);
            assertThat(untrusted.row(key).get("status")).isNotEqualTo("SENT");
            assertThat(untrusted.row(key).get("last_error").toString()).containsIgnoringCase("certif");
        } finally {
            untrusted.close();
        }
        assertThat(Mailbox.received(smtps))
                .as("nothing went out without a trusted TLS session")
                .isEmpty();

        clock.advance(Duration.ofHours(1));
        relay.put(
                "pp.outreach.email.trusted-certificates",
                dir.resolve("relay.pem").toString());
        Outreach trusted = Outreach.start(db, clock, relay, false);
        try {
            Eventually.until(
                    "sent over TLS", () -> "SENT".equals(trusted.row(key).get("status")), trusted::statuses);
            List<MimeMessage> received = Mailbox.received(smtps);
            assertThat(received).hasSize(1);
            assertThat(Mailbox.messageId(received.get(0)))
                    .isEqualTo(trusted.row(key).get("message_id"));
            assertThat(received.get(0).getAllRecipients()[0].toString()).isEqualTo("tess@members.example.org");
        } finally {
            trusted.close();
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }
}
