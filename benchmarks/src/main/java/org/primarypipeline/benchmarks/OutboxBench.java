package org.primarypipeline.benchmarks;

import ch.qos.logback.classic.Level;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.flywaydb.core.Flyway;
import org.primarypipeline.integrations.outreach.ChannelRoutes;
import org.primarypipeline.integrations.outreach.StandaloneOutreach;
import org.primarypipeline.integrations.outreach.email.MessageIds;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.outreach.Outbox;
import org.primarypipeline.platform.db.EmbeddedPostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pp bench outbox}: how fast the real email route drains a full outbox into a real SMTP server,
 * and whether every message arrived exactly once. Starts its own PostgreSQL and GreenMail on this
 * machine, queues the messages (not timed), then times from starting the route until every row is
 * SENT and the server holds them all. Counting is at the server, by Message-ID. Needs no configuration.
 */
@Command(
        name = "outbox",
        mixinStandardHelpOptions = true,
        description = "Outbox to SMTP: messages per second, duplicates and losses counted at a local SMTP server.")
public final class OutboxBench implements Runnable {

    private static final Duration LIMIT = Duration.ofMinutes(30);
    private static final String DOMAIN = "bench.example.org";
    private static final int RECIPIENTS = 1_000;

    @Option(
            names = "--messages",
            defaultValue = "100000",
            description = "Messages to queue and send (default ${DEFAULT-VALUE}).")
    int messages;

    @Override
    public void run() {
        // the console's readiness group names a bean only the serving app has (as in ReconcileBench)
        System.setProperty("management.endpoint.health.group.readiness.include", "readinessState");
        run(System.out, messages);
    }

    /** Prints {@code outbox.msgs_per_s}, {@code outbox.duplicates} and {@code outbox.lost}, one a line. */
    static void run(PrintStream out, int messages) {
        quietLogs();
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startFresh();
                HikariDataSource db = dataSource(postgres.jdbcUrl())) {
            Flyway.configure().dataSource(db).load().migrate();
            GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            smtp.start();
            try (ConfigurableApplicationContext outreach =
                    StandaloneOutreach.start(db, null, settings(smtp.getSmtp().getPort()), false)) {
                queue(outreach.getBean(Outbox.class), messages);
                JdbcClient jdbc = outreach.getBean(JdbcClient.class);

                long started = System.nanoTime();
                outreach.getBean(CamelContext.class)
                        .getRouteController()
                        .startRoute(ChannelRoutes.routeId(Channel.EMAIL));
                awaitAllSent(jdbc, smtp, messages, started);
                double seconds = (System.nanoTime() - started) / 1e9;

                Count count = count(smtp, expectedMessageIds(jdbc));
                out.printf("outbox.msgs_per_s: %d msgs/s%n", Math.round(count.distinctExpected() / seconds));
                out.printf("outbox.duplicates: %d count%n", count.duplicates());
                out.printf("outbox.lost: %d count%n", count.lost());
            } finally {
                smtp.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("benchmark failed: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> settings(int smtpPort) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("pp.outreach.auto-start", "false");
        settings.put("pp.outreach.email.host", "127.0.0.1");
        settings.put("pp.outreach.email.port", Integer.toString(smtpPort));
        settings.put("pp.outreach.email.from", "Primary Pipeline <outreach@" + DOMAIN + ">");
        settings.put("pp.outreach.public-base-url", "https://" + DOMAIN);
        // the pipeline's own capacity is what is measured: no provider rate limit
        settings.put("pp.outreach.rate.email-per-second", "0");
        settings.put("pp.outreach.batch-size", "500");
        settings.put("pp.outreach.workers", "12");
        settings.put("pp.outreach.poll-interval", "100ms");
        settings.put("spring.datasource.hikari.maximum-pool-size", "20");
        settings.put("logging.level.root", "WARN");
        return settings;
    }

    /**
     * Voting reminders, non-transactional (so with List-Unsubscribe and a consent check each), every one
     * its own row and Message-ID, to {@link #RECIPIENTS} addresses: GreenMail finds a recipient's mailbox
     * by a linear search, so 100,000 distinct addresses would time GreenMail rather than the outbox.
     */
    private static void queue(Outbox outbox, int messages) {
        List<OutboundMessage> chunk = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            chunk.add(OutboundMessage.email(
                            "bench:voting-reminder:" + i,
                            "member" + (i % RECIPIENTS) + "@" + DOMAIN,
                            "voting-reminder",
                            Map.of(
                                    "memberName",
                                    "Member " + i,
                                    "districtId",
                                    "TX-07",
                                    "ballotUrl",
                                    "https://" + DOMAIN + "/ballot/" + i,
                                    "closesAt",
                                    "Tue, Mar 3, 8:00 PM CST"))
                    .inState("TX"));
            if (chunk.size() == 5_000 || i == messages - 1) {
                outbox.enqueueAll(chunk);
                chunk.clear();
            }
        }
    }

    private static void awaitAllSent(JdbcClient jdbc, GreenMail smtp, int messages, long started)
            throws InterruptedException {
        long deadline = started + LIMIT.toNanos();
        while (true) {
            int open = jdbc.sql("select count(*) from outbox_message where status in ('PENDING', 'SENDING')")
                    .query(Integer.class)
                    .single();
            if (open == 0 && smtp.getReceivedMessages().length >= messages) {
                return;
            }
            if (open == 0 || System.nanoTime() > deadline) {
                // settled without all of them at the server, or stuck: the count below tells how many are missing
                return;
            }
            Thread.sleep(100);
        }
    }

    private static Set<String> expectedMessageIds(JdbcClient jdbc) {
        Set<String> expected = new HashSet<>();
        jdbc.sql("select id, dedup_key from outbox_message")
                .query((rs, n) -> expected.add(MessageIds.of(rs.getLong("id"), rs.getString("dedup_key"), DOMAIN)))
                .list();
        return expected;
    }

    private record Count(long distinctExpected, long duplicates, long lost) {}

    private static Count count(GreenMail smtp, Set<String> expected) {
        Set<String> seen = new HashSet<>();
        long duplicates = 0;
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (!seen.add(messageId(message))) {
                duplicates++;
            }
        }
        long arrived = expected.stream().filter(seen::contains).count();
        return new Count(arrived, duplicates, expected.size() - arrived);
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HikariDataSource dataSource(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(EmbeddedPostgresServer.USER);
        config.setPassword(EmbeddedPostgresServer.USER);
        config.setMaximumPoolSize(20);
        return new HikariDataSource(config);
    }

    /** Figures go to standard out; the embedded servers' chatter would bury them. */
    private static void quietLogs() {
        Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(Level.WARN);
        }
    }
}
