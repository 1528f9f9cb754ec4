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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.primarypipeline.campaigns.CampaignActivities;
import org.primarypipeline.campaigns.events.EventActivities;
import org.primarypipeline.certification.CertificationActivities;
import org.primarypipeline.core.campaign.ElectionCalendar;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.cycles.CycleLedgerActivities;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.fundraising.ConduitActivities;
import org.primarypipeline.fundraising.FundraiserActivities;
import org.primarypipeline.testing.TestDatabase;
import org.primarypipeline.vetting.VettingActivities;
import org.primarypipeline.voting.BallotActivities;
import org.primarypipeline.workflows.campaign.CandidateCampaignWorkflowImpl;
import org.primarypipeline.workflows.conduit.ConduitWorkflowImpl;
import org.primarypipeline.workflows.events.EventWorkflow;
import org.primarypipeline.workflows.events.EventWorkflowImpl;
import org.primarypipeline.workflows.testing.StageTestContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

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
        activities = StageTestContext.start(
                db,
                env,
                Map.of(
                        "pp.outreach.public-base-url",
                        "https://pp.example.org",
                        // members join and the round opens at once: no waiting period here
                        "pp.vote.min-membership-age",
                        "0s"),
                context -> {
                    // the launch starts the fundraiser's conduit clock and the winner's campaign through
                    // the client, as in the app (without one, both are skipped)
                    context.registerBean(WorkflowClient.class, env::getWorkflowClient);
                    // Colorado's campaigns (CandidateCampaignTest) work toward a primary 26 weeks away, not
                    // the general election two years off
                    context.registerBean(
                            ElectionCalendar.class,
                            () -> ElectionCalendar.withPrimaries(Map.of(
                                    "CO",
                                    LocalDate.ofInstant(Instant.ofEpochMilli(env.currentTimeMillis()), ZoneOffset.UTC)
                                            .plusWeeks(26))));
                });
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        outreach = StageTestContext.outreach(db, smtp);
        Worker worker = env.newWorker(DistrictCycleWorkflow.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(
                DistrictCycleWorkflowImpl.class, CandidateCampaignWorkflowImpl.class, ConduitWorkflowImpl.class);
        worker.registerActivitiesImplementations(
                bean(CycleLedgerActivities.class),
                bean(VettingActivities.class),
                bean(BallotActivities.class),
                bean(CertificationActivities.class),
                bean(FundraiserActivities.class),
                bean(ConduitActivities.class),
                bean(CampaignActivities.class));
        // the campaign's events, each its own workflow on its own queue (as the app's EventWorker)
        Worker events = env.newWorker(EventWorkflow.TASK_QUEUE);
        events.registerWorkflowImplementationTypes(EventWorkflowImpl.class);
        events.registerActivitiesImplementations(bean(EventActivities.class));
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

    /** No email waits in the outbox (SMS wait for good: no SMS provider is configured here). */
    boolean outboxSettled() {
        return jdbc().sql(
                                "select count(*) from outbox_message where channel = 'EMAIL' and status in ('PENDING', 'SENDING')")
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
}
