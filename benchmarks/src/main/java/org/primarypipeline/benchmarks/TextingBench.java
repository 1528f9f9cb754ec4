package org.primarypipeline.benchmarks;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.primarypipeline.contacts.TextBanks;
import org.primarypipeline.contacts.Universe;
import org.primarypipeline.contacts.Universes;
import org.primarypipeline.integrations.outreach.StandaloneOutreach;
import org.primarypipeline.outreach.Outbox;
import org.primarypipeline.platform.db.EmbeddedPostgresServer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pp bench texting}: a text bank over {@code --contacts} contacts; {@code --texters} texters at once
 * take batches (dynamic assignment) and send every initial message, one call per message, through the outbox
 * and the real SMS route to a local stub of Twilio's Messages API. Timed from the first take until the stub
 * holds every text. Counts at the stub: texts per number beyond one ({@code texting.duplicates}); in the
 * database: contacts handed to two texters ({@code texting.double_assigned}, impossible by the primary key,
 * counted all the same). The clock is set to noon in Kentucky so quiet hours never hold a text.
 */
@Command(
        name = "texting",
        description = "Peer-to-peer texting: 200 texters send 200,000 first texts through the outbox.")
public final class TextingBench implements Runnable {

    @Option(names = "--contacts", defaultValue = "200000", description = "Contacts (default ${DEFAULT-VALUE}).")
    int contacts;

    @Option(names = "--texters", defaultValue = "200", description = "Texters at once (default ${DEFAULT-VALUE}).")
    int texters;

    @Option(names = "--batch", defaultValue = "50", description = "Contacts per take (default ${DEFAULT-VALUE}).")
    int batch;

    @Override
    public void run() {
        PrintStream out = System.out;
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Map<String, AtomicLong> received = new ConcurrentHashMap<>();
        HttpServer twilio = null;
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startFresh();
                HikariDataSource db = new HikariDataSource()) {
            db.setJdbcUrl(postgres.jdbcUrl());
            db.setUsername(EmbeddedPostgresServer.USER);
            db.setPassword(EmbeddedPostgresServer.USER);
            db.setMaximumPoolSize(Math.min(60, texters + 20));
            Flyway.configure().dataSource(db).load().migrate();
            twilio = stub(received);
            // noon in Kentucky, and never behind the real clock: the outbox stamps rows with the database's
            // now() and the senders claim what is due by this clock, so a clock behind would claim nothing
            ZonedDateTime noon =
                    ZonedDateTime.now(ZoneId.of("America/New_York")).with(LocalTime.NOON);
            if (noon.toInstant().isBefore(Instant.now())) {
                noon = noon.plusDays(1);
            }
            Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), noon.toInstant()));
            try (ConfigurableApplicationContext outreach = StandaloneOutreach.start(
                    db, clock, settings(twilio.getAddress().getPort()), false)) {
                JdbcClient jdbc = JdbcClient.create(db);
                String cycle = seed(jdbc, contacts, texters);
                Universes universes = new Universes(jdbc);
                TextBanks texts = new TextBanks(jdbc, universes, outreach.getBean(Outbox.class));
                long u = universes.create(cycle, "bench", null, null, List.of(), null, Universe.Channel.SMS, "bench");
                texts.create(universes.find(u).orElseThrow(), "bench", "Will you vote?", List.of(), "bench");
                TextBanks.TextBank bank = texts.openBank(cycle).orElseThrow();
                List<Long> members = jdbc.sql("select id from member order by id")
                        .query(Long.class)
                        .list();

                long started = System.nanoTime();
                ExecutorService pool = Executors.newFixedThreadPool(texters);
                List<Future<Integer>> done = new ArrayList<>();
                for (long member : members) {
                    done.add(pool.submit(() -> {
                        int sent = 0;
                        while (texts.take(bank, member, batch) > 0) {
                            for (TextBanks.Assignment a : texts.waiting(bank.id(), member)) {
                                if (texts.sendInitial(bank, a.contactId(), member, bank.initialMessage())) {
                                    sent++;
                                }
                            }
                        }
                        return sent;
                    }));
                }
                long sent = 0;
                for (Future<Integer> f : done) {
                    sent += f.get();
                }
                pool.shutdown();
                double queuedSeconds = (System.nanoTime() - started) / 1e9;
                long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
                while (received.size() < contacts && System.nanoTime() < deadline) {
                    long open = jdbc.sql("select count(*) from outbox_message where status in ('PENDING', 'SENDING')")
                            .query(Long.class)
                            .single();
                    if (open == 0) {
                        break;
                    }
                    Thread.sleep(100);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                long duplicates =
                        received.values().stream().mapToLong(n -> n.get() - 1).sum();
                long doubleAssigned =
                        jdbc.sql("""
                                select count(*) - count(distinct contact_id) from text_assignment where bank_id = ?""").param(bank.id()).query(Long.class).single();
                out.printf("texting.msgs_per_s: %d msgs/s%n", Math.round(received.size() / seconds));
                out.printf("texting.duplicates: %d count%n", duplicates);
                out.printf("texting.double_assigned: %d count%n", doubleAssigned);
                out.printf("texting.sent_clicks: %d count%n", sent);
                out.printf("texting.delivered: %d count%n", received.size());
                out.printf("texting.queue_seconds: %.1f s%n", queuedSeconds);
                out.printf("texting.seconds: %.1f s%n", seconds);
                out.printf(
                        "texting.load_average: %.1f%n",
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                                .getSystemLoadAverage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("bench texting failed: " + e.getMessage(), e);
        } finally {
            if (twilio != null) {
                twilio.stop(0);
            }
        }
    }

    /** A plan, a district, a campaign, the contacts and the texters, in a few statements. */
    static String seed(JdbcClient jdbc, int contacts, int texters) {
        jdbc.sql("insert into district_plan (id, name, is_current) values ('bench', 'bench', true)")
                .update();
        jdbc.sql("insert into district (plan_id, id, state, number) values ('bench', 'KY-05', 'KY', 5)")
                .update();
        jdbc.sql("""
                        insert into cycle (id, plan_id, district_id, sequence, status, stage, settings, created_by)
                        values ('KY-05-BENCH', 'bench', 'KY-05', 1, 'COMPLETED', 'CERTIFIED', '{}', 'bench')""").update();
        jdbc.sql("insert into candidate (full_name) values ('Bench Candidate')").update();
        jdbc.sql("""
                        insert into candidacy (cycle_id, candidate_id, source, status)
                        select 'KY-05-BENCH', id, 'DECLARED', 'APPROVED' from candidate""").update();
        jdbc.sql("""
                        insert into campaign (cycle_id, district_id, candidacy_id)
                        select 'KY-05-BENCH', 'KY-05', id from candidacy""").update();
        jdbc.sql("""
                        insert into contact (cycle_id, full_name, phone, district_id)
                        select 'KY-05-BENCH', 'Voter ' || n, '+16062' || lpad(n::text, 6, '0'), 'KY-05'
                        from generate_series(1, ?) n""").param(contacts).update();
        jdbc.sql("insert into member (full_name) select 'Texter ' || n from generate_series(1, ?) n")
                .param(texters)
                .update();
        return "KY-05-BENCH";
    }

    private static Map<String, Object> settings(int port) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("pp.outreach.sms.twilio.account-sid", "ACbench0000000000000000000000000000");
        settings.put("pp.outreach.sms.twilio.auth-token", "bench-token-00000000000000000000");
        settings.put("pp.outreach.sms.twilio.from", "+15125550000");
        settings.put("pp.outreach.sms.twilio.base-url", "http://127.0.0.1:" + port);
        settings.put("pp.outreach.public-base-url", "https://bench.example.org");
        settings.put("pp.outreach.rate.sms-per-second", "0");
        settings.put("pp.outreach.batch-size", "500");
        settings.put("pp.outreach.workers", "12");
        settings.put("pp.outreach.poll-interval", "100ms");
        settings.put("logging.level.root", "WARN");
        settings.put("management.endpoint.health.validate-group-membership", "false");
        return settings;
    }

    /** Twilio's Messages API as the SMS route calls it: 201 and a Message resource; counts texts per number. */
    private static HttpServer stub(Map<String, AtomicLong> received) throws IOException {
        // the JDK server writes the headers and the body apart: without TCP_NODELAY each answer waits out the
        // client's delayed ACK (40 ms), which would make a local stand-in slower than Twilio itself
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        AtomicLong sids = new AtomicLong();
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String to = null;
            for (String pair : body.split("&")) {
                if (pair.startsWith("To=")) {
                    to = URLDecoder.decode(pair.substring(3), StandardCharsets.UTF_8);
                }
            }
            if (to != null) {
                received.computeIfAbsent(to, k -> new AtomicLong()).incrementAndGet();
            }
            byte[] answer = ("{\"sid\":\"SM" + String.format("%032x", sids.incrementAndGet())
                            + "\",\"status\":\"queued\",\"to\":\"" + to + "\",\"error_code\":null}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
        return server;
    }
}
