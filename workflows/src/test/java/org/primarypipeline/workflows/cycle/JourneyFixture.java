package org.primarypipeline.workflows.cycle;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.primarypipeline.certification.CertificationActivities;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.cycles.CycleLedgerActivities;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.districts.PublicDataLoader;
import org.primarypipeline.fundraising.FundraiserActivities;
import org.primarypipeline.integrations.outreach.StandaloneOutreach;
import org.primarypipeline.platform.StageBeans;
import org.primarypipeline.testing.TestDatabase;
import org.primarypipeline.vetting.VettingActivities;
import org.primarypipeline.voting.BallotActivities;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * A cycle under Temporal's time-skipping server whose activities and public-page services go by the
 * same skipped time (a Clock over the test environment), with the outbox delivered by the real Camel
 * routes to a real SMTP server (GreenMail).
 */
final class JourneyFixture implements AutoCloseable {

    final com.zaxxer.hikari.HikariDataSource db;
    final TestWorkflowEnvironment env;
    final AnnotationConfigApplicationContext activities;
    final ConfigurableApplicationContext outreach;
    final GreenMail smtp;
    final WorkflowClient client;

    JourneyFixture() {
        db = TestDatabase.freshMigrated();
        env = TestWorkflowEnvironment.newInstance();
        Clock clock = new EnvClock(env);
        activities = new AnnotationConfigApplicationContext();
        activities
                .getEnvironment()
                .getPropertySources()
                .addFirst(new org.springframework.core.env.MapPropertySource(
                        "journey",
                        Map.of(
                                "pp.outreach.public-base-url",
                                "https://pp.example.org",
                                // members join and the round opens at once: no waiting period here
                                "pp.vote.min-membership-age",
                                "0s",
                                // the launched fundraiser's conduit clock wakes daily, not hourly: the
                                // campaign test skips through half a year, and each tick is an activity
                                "pp.fundraising.conduit-max-sleep",
                                "P1D")));
        activities.registerBean("dataSource", DataSource.class, () -> db);
        activities.registerBean("clock", Clock.class, () -> clock);
        // Colorado's campaigns (CandidateCampaignTest) work toward a primary 26 weeks away, not the
        // general election two years off: the test then skips through half a year of weeks, not two
        activities.registerBean(
                org.primarypipeline.core.campaign.ElectionCalendar.class,
                () -> org.primarypipeline.core.campaign.ElectionCalendar.withPrimaries(
                        Map.of("CO", java.time.LocalDate.now(clock).plusWeeks(26))));
        activities.register(Wiring.class);
        activities.refresh();
        activities.getBean(PublicDataLoader.class).load();
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        outreach = StandaloneOutreach.start(
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
        Worker worker = env.newWorker(DistrictCycleWorkflow.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(
                DistrictCycleWorkflowImpl.class,
                org.primarypipeline.workflows.campaign.CandidateCampaignWorkflowImpl.class);
        worker.registerActivitiesImplementations(
                bean(CycleLedgerActivities.class),
                bean(VettingActivities.class),
                bean(BallotActivities.class),
                bean(CertificationActivities.class),
                bean(FundraiserActivities.class),
                bean(org.primarypipeline.campaigns.CampaignActivities.class));
        env.start();
        client = env.getWorkflowClient();
    }

    <T> T bean(Class<T> type) {
        return activities.getBean(type);
    }

    JdbcClient jdbc() {
        return activities.getBean(JdbcClient.class);
    }

    DistrictCycleWorkflow launch(String district, CycleSettings settings) {
        Instant now = Instant.ofEpochMilli(env.currentTimeMillis());
        CycleRecord cycle = bean(CycleRepository.class).create("cd2026", district, settings, "alice", now);
        DistrictCycleWorkflow workflow = client.newWorkflowStub(
                DistrictCycleWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(CyclePlan.workflowId(cycle.id()))
                        .setTaskQueue(DistrictCycleWorkflow.TASK_QUEUE)
                        .build());
        WorkflowClient.start(workflow::run, CyclePlan.fresh(cycle.id(), district, settings, cycle.stageDeadline()));
        return workflow;
    }

    /** A mail as the recipient reads it: to, subject and the decoded plain-text part. */
    record Mail(String to, String subject, String text) {}

    List<Mail> mails() {
        List<Mail> mails = new ArrayList<>();
        try {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                mails.add(new Mail(m.getRecipients(Message.RecipientType.TO)[0].toString(), m.getSubject(), text(m)));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return mails;
    }

    List<Mail> mailsTo(String address) {
        return mails().stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
    }

    /** Waits until the address has exactly this many mails (and nothing is pending in the outbox). */
    List<Mail> awaitMails(String address, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(address).size() >= count && outboxSettled());
        return mailsTo(address);
    }

    boolean outboxSettled() {
        return jdbc().sql("select count(*) from outbox_message where status in ('PENDING', 'SENDING')")
                        .query(Integer.class)
                        .single()
                == 0;
    }

    static String link(Mail mail, String path) {
        Matcher m = Pattern.compile(Pattern.quote(path) + "([A-Za-z0-9_-]+)").matcher(mail.text());
        if (!m.find()) {
            throw new AssertionError("no " + path + " link in: " + mail.text());
        }
        return m.group(1);
    }

    private static String text(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String text = text(body);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    /** As {@link CycleFixture#recordHistory}: with {@code -Dpp.record-histories=DIR}, keeps the history for replay. */
    void recordHistory(String cycleId, String name) {
        CycleFixture.recordHistory(client, cycleId, name);
    }

    @Override
    public void close() {
        env.close();
        outreach.close();
        smtp.stop();
        activities.close();
        TestDatabase.close(db);
    }

    /** The test environment's (skipped) time, so links, reminders and deadlines move with the workflow. */
    static final class EnvClock extends Clock {
        private final TestWorkflowEnvironment env;

        EnvClock(TestWorkflowEnvironment env) {
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
