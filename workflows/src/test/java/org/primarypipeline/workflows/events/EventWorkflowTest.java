package org.primarypipeline.workflows.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.primarypipeline.campaigns.events.EventActivities;
import org.primarypipeline.campaigns.events.EventKind;
import org.primarypipeline.campaigns.events.EventStore;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.supporters.MemberRepository;
import org.primarypipeline.testing.TestDatabase;
import org.primarypipeline.vetting.CandidacyRepository;
import org.primarypipeline.workflows.testing.StageTestContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link EventWorkflow} under Temporal's time-skipping server with the real activities on PostgreSQL and
 * the outbox delivered by the real Camel email route to GreenMail: the review window, the invitations
 * (the district, and a neighbouring district's member living near), each reminder once (email with the
 * .ics; SMS queued for the event's time zone), the follow-up to attendees, an objection that stops the
 * event, and a history bounded whatever the RSVPs. Districts MI-04 and MI-05.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventWorkflowTest {

    com.zaxxer.hikari.HikariDataSource db;
    TestWorkflowEnvironment env;
    AnnotationConfigApplicationContext context;
    ConfigurableApplicationContext outreach;
    GreenMail smtp;
    WorkflowClient client;
    String cycleId;

    @BeforeAll
    void start() {
        db = TestDatabase.freshMigrated();
        env = TestWorkflowEnvironment.newInstance();
        context = StageTestContext.start(
                db, env, Map.of("pp.outreach.public-base-url", "https://pp.example.org"), c -> {});
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        outreach = StageTestContext.outreach(db, smtp);
        Worker worker = env.newWorker(EventWorkflow.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(EventWorkflowImpl.class);
        worker.registerActivitiesImplementations(context.getBean(EventActivities.class));
        env.start();
        client = env.getWorkflowClient();
        String plan = jdbc().sql("select id from district_plan where is_current")
                .query(String.class)
                .single();
        cycleId = context.getBean(CycleRepository.class)
                .create(plan, "MI-04", CycleSettings.defaults(), "alice", now())
                .id();
        long candidacy =
                context.getBean(CandidacyRepository.class).nominate(cycleId, "Jo Park", "jo.park@example.org", null);
        jdbc().sql("insert into campaign (cycle_id, district_id, candidacy_id) values (?, 'MI-04', ?)")
                .params(cycleId, candidacy)
                .update();
    }

    @AfterAll
    void stop() {
        env.close();
        outreach.close();
        smtp.stop();
        context.close();
        TestDatabase.close(db);
    }

    @Test
    void publishesAfterTheReviewWindowInvitesNearbyRemindsOnceAndFollowsUp() throws Exception {
        MemberRepository members = context.getBean(MemberRepository.class);
        long host = members.join("MI-04", "Hana Host", "hana.host@example.org", null);
        long neighbour = members.join("MI-04", "Ned Neighbour", "ned.neighbour@example.org", null);
        long near = members.join("MI-05", "Nia Near", "nia.near@example.org", null);
        long far = members.join("MI-05", "Fay Far", "fay.far@example.org", null);
        jdbc().sql("update member set zip = '48104' where id = ?").param(near).update();
        jdbc().sql("update member set zip = '49855' where id = ?").param(far).update();
        Instant starts = now().plus(Duration.ofDays(3));
        long event = event(host, "IN_REVIEW", now().plus(Duration.ofHours(24)), starts);
        long shift = jdbc().sql("select id from event_shift where event_id = ?")
                .param(event)
                .query(Long.class)
                .single();
        EventWorkflow workflow = start(event);

        env.sleep(Duration.ofHours(1));
        assertThat(workflow.step()).isEqualTo("REVIEW");
        assertThat(status(event)).isEqualTo("IN_REVIEW");
        env.sleep(Duration.ofHours(24));
        await().atMost(Duration.ofSeconds(30)).until(() -> "PUBLISHED".equals(status(event)));
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox("event:" + event + ":invitation:%") >= 2);
        assertThat(recipients("event:" + event + ":invitation:%"))
                .contains("ned.neighbour@example.org", "nia.near@example.org")
                .doesNotContain("fay.far@example.org", "hana.host@example.org");
        assertThat(far + neighbour).isPositive();

        EventStore store = context.getBean(EventStore.class);
        long ann = store.addRsvp(event, shift, null, "Ann Attendee", "ann.attendee@example.org", null, "en", null);
        long bob = store.addRsvp(event, shift, null, "Bob Texter", null, "+12025550143", "es", null);
        store.confirm(ann, now());
        store.confirm(bob, now());

        env.sleep(Duration.between(now(), starts.minus(Duration.ofHours(23))));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo("ann.attendee@example.org").size() == 1);
        MimeMessage reminder = mailsTo("ann.attendee@example.org").get(0);
        assertThat(reminder.getSubject()).startsWith("Reminder: Phone bank for Jo Park");
        assertThat(attachmentTypes(reminder)).anyMatch(t -> t.startsWith("text/calendar"));
        assertThat(outbox("event:" + event + ":reminder-sms:%")).isZero();

        env.sleep(Duration.between(now(), starts.minus(Duration.ofMinutes(90))));
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox("event:" + event + ":reminder-sms:%") == 1);
        assertThat(recipients("event:" + event + ":reminder-sms:%")).containsExactly("+12025550143");
        // a retried activity queues nothing twice
        assertThat(context.getBean(EventActivities.class).remindByEmail(event)).isZero();
        assertThat(context.getBean(EventActivities.class).remindBySms(event)).isZero();

        store.checkIn(event, ann, now());
        env.sleep(Duration.ofHours(4));
        assertThat(workflow.step()).isEqualTo("ENDED");
        store.report(event, 1, 30, 0, 0, now());
        workflow.reported();
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox("event:" + event + ":follow-up:%") == 1);
        assertThat(recipients("event:" + event + ":follow-up:%")).containsExactly("ann.attendee@example.org");
        assertThat(client.newUntypedWorkflowStub(EventWorkflow.workflowId(event))
                        .getResult(String.class))
                .isEqualTo("DONE");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo("ann.attendee@example.org").size() == 2);
        assertThat(outbox("event:" + event + ":reminder-email:%")).isEqualTo(1);
        int history =
                client.fetchHistory(EventWorkflow.workflowId(event)).getEvents().size();
        System.out.println("events.history_events: " + history + " count");
        assertThat(history).isLessThan(100);
    }

    @Test
    void anObjectionInTheReviewWindowStopsTheEvent() {
        MemberRepository members = context.getBean(MemberRepository.class);
        long host = members.join("MI-04", "Obi Objected", "obi.objected@example.org", null);
        long event = event(host, "IN_REVIEW", now().plus(Duration.ofHours(24)), now().plus(Duration.ofDays(4)));
        EventWorkflow workflow = start(event);
        env.sleep(Duration.ofHours(2));
        context.getBean(EventStore.class).object(event, "alice", "Wrong date", now());
        workflow.objected();
        assertThat(client.newUntypedWorkflowStub(EventWorkflow.workflowId(event))
                        .getResult(String.class))
                .isEqualTo("OBJECTED");
        assertThat(status(event)).isEqualTo("OBJECTED");
        assertThat(outbox("event:" + event + ":%")).isZero();
    }

    private long event(long host, String status, Instant publishAt, Instant starts) {
        EventStore.NewEvent e = new EventStore.NewEvent(
                cycleId,
                "MI-04",
                host,
                EventKind.PHONE_BANK,
                "Phone bank for Jo Park",
                "Calls.",
                starts,
                starts.plus(Duration.ofHours(2)),
                ZoneId.of("America/Detroit"),
                "Community room",
                "12 Main St, Ann Arbor",
                "48104",
                42.27,
                -83.73,
                null,
                List.of(new EventStore.NewShift(starts, starts.plus(Duration.ofHours(2)), 10)));
        return context.getBean(EventStore.class).create(e, status, publishAt);
    }

    private EventWorkflow start(long event) {
        EventWorkflow workflow = client.newWorkflowStub(
                EventWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(EventWorkflow.workflowId(event))
                        .setTaskQueue(EventWorkflow.TASK_QUEUE)
                        .build());
        WorkflowClient.start(workflow::run, event);
        return workflow;
    }

    private Instant now() {
        return Instant.ofEpochMilli(env.currentTimeMillis());
    }

    private JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }

    private String status(long event) {
        return jdbc().sql("select status from campaign_event where id = ?")
                .param(event)
                .query(String.class)
                .single();
    }

    private int outbox(String keyPattern) {
        return jdbc().sql("select count(*) from outbox_message where dedup_key like ?")
                .param(keyPattern)
                .query(Integer.class)
                .single();
    }

    private List<String> recipients(String keyPattern) {
        return jdbc().sql("select recipient from outbox_message where dedup_key like ? order by id")
                .param(keyPattern)
                .query(String.class)
                .list();
    }

    private List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getRecipients(Message.RecipientType.TO)[0].toString().equalsIgnoreCase(address)) {
                mails.add(m);
            }
        }
        return mails;
    }

    /** The content types of every part, however deep (Camel nests the HTML and the files in the last alternative). */
    private static List<String> attachmentTypes(jakarta.mail.Part part) throws Exception {
        List<String> types = new ArrayList<>();
        types.add(part.getContentType().toLowerCase(java.util.Locale.ROOT));
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                types.addAll(attachmentTypes(multipart.getBodyPart(i)));
            }
        }
        return types;
    }
}
