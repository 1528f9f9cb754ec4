package org.primarypipeline.integrations.outreach.support;

import com.zaxxer.hikari.HikariDataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primarypipeline.integrations.outreach.StandaloneOutreach;
import org.primarypipeline.outreach.ConsentRegistry;
import org.primarypipeline.outreach.DeadLetters;
import org.primarypipeline.outreach.Outbox;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One running outreach process for a test: the real routes, webhooks and outbox over a test database.
 * Closing it is the crash or the shutdown; starting another over the same database is the restart.
 */
public final class Outreach implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;

    private Outreach(ConfigurableApplicationContext context, int port) {
        this.context = context;
        this.port = port;
    }

    /** Defaults fit tests: quick polls, no rate limits, short Camel shutdown; {@code overrides} win. */
    public static Outreach start(HikariDataSource db, MutableClock clock, Map<String, Object> overrides, boolean web) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("pp.outreach.poll-interval", "50ms");
        properties.put("pp.outreach.reaper-interval", "200ms");
        properties.put("pp.outreach.rate.email-per-second", "0");
        properties.put("pp.outreach.rate.sms-per-second", "0");
        properties.put("pp.outreach.public-base-url", "https://pp.example.org");
        properties.put("pp.outreach.email.from", "Primary Pipeline <outreach@pp.example.org>");
        properties.put("camel.main.shutdown-timeout", "1");
        properties.put("logging.level.org.apache.camel", "WARN");
        int port = web ? FreePort.find() : -1;
        if (web) {
            properties.put("server.port", Integer.toString(port));
        }
        properties.putAll(overrides);
        return new Outreach(StandaloneOutreach.start(db, clock, properties, web), port);
    }

    public JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }

    public Outbox outbox() {
        return context.getBean(Outbox.class);
    }

    public ConsentRegistry consent() {
        return context.getBean(ConsentRegistry.class);
    }

    public DeadLetters deadLetters() {
        return context.getBean(DeadLetters.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Where this process serves HTTP, for a URL path the app published under its public base URL. */
    public String local(String publicUrl) {
        return "http://localhost:" + port + publicUrl.replaceFirst("^https?://[^/]+", "");
    }

    public String status(String dedupKey) {
        return jdbc().sql("select status from outbox_message where dedup_key = ?")
                .param(dedupKey)
                .query(String.class)
                .optional()
                .orElse("(none)");
    }

    public Map<String, Object> row(String dedupKey) {
        return jdbc().sql("select * from outbox_message where dedup_key = ?")
                .param(dedupKey)
                .query()
                .singleRow();
    }

    public boolean allSettled(List<String> keys) {
        return jdbc().sql(
                                "select count(*) from outbox_message where dedup_key in (:keys) and status in ('PENDING', 'SENDING')")
                        .param("keys", keys)
                        .query(Integer.class)
                        .single()
                == 0;
    }

    public String statuses() {
        return jdbc().sql("select status || ':' || count(*) from outbox_message group by status order by 1")
                .query(String.class)
                .list()
                .toString();
    }

    @Override
    public void close() {
        context.close();
    }
}
