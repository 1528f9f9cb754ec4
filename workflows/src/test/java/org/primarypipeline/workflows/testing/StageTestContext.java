package org.primarypipeline.workflows.testing;

import com.icegreen.greenmail.util.GreenMail;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.primarypipeline.districts.PublicDataLoader;
import org.primarypipeline.integrations.outreach.StandaloneOutreach;
import org.primarypipeline.platform.StageBeans;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * What the workflow tests with real activities share (JourneyFixture, EventWorkflowTest): the stages'
 * beans on a test database whose clock is the time-skipping environment's, and the outbox delivered by
 * the real Camel routes to a GreenMail server.
 */
public final class StageTestContext {

    private StageTestContext() {}

    /**
     * The stages' beans over {@code db}, reading time from {@code env}, with {@code properties} first
     * among the property sources; {@code extra} registers more beans before the refresh. Public data
     * (districts, plans) is loaded.
     */
    public static AnnotationConfigApplicationContext start(
            DataSource db,
            TestWorkflowEnvironment env,
            Map<String, Object> properties,
            Consumer<AnnotationConfigApplicationContext> extra) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("workflow-test", properties));
        Clock clock = new EnvClock(env);
        context.registerBean("dataSource", DataSource.class, () -> db);
        context.registerBean("clock", Clock.class, () -> clock);
        extra.accept(context);
        context.register(Wiring.class);
        context.refresh();
        context.getBean(PublicDataLoader.class).load();
        return context;
    }

    /** The outbox's Camel routes polling {@code db} every 50 ms and sending mail to {@code smtp}. */
    public static ConfigurableApplicationContext outreach(DataSource db, GreenMail smtp) {
        return StandaloneOutreach.start(
                db,
                null,
                Map.of(
                        "pp.outreach.poll-interval", "50ms",
                        "pp.outreach.reaper-interval", "200ms",
                        "pp.outreach.rate.email-per-second", "0",
                        "pp.outreach.rate.sms-per-second", "0",
                        "pp.outreach.public-base-url", "https://pp.example.org",
                        "pp.outreach.email.from", "Primary Pipeline <outreach@pp.example.org>",
                        "pp.outreach.email.host", "127.0.0.1",
                        "pp.outreach.email.port", smtp.getSmtp().getPort(),
                        "camel.main.shutdown-timeout", "1",
                        "logging.level.org.apache.camel", "WARN"),
                false);
    }

    /** The test environment's (skipped) time, so links, reminders and deadlines move with the workflows. */
    public static final class EnvClock extends Clock {
        private final TestWorkflowEnvironment env;

        public EnvClock(TestWorkflowEnvironment env) {
            this.env = env;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(env.currentTimeMillis());
        }
    }

    @EnableTransactionManagement
    @Import(StageBeans.class)
    static class Wiring {
        @Bean
        JdbcClient jdbcClient(DataSource dataSource) {
            return JdbcClient.create(dataSource);
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new JdbcTransactionManager(dataSource);
        }
    }
}
