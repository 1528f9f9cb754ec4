package org.primarypipeline.benchmarks;

import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.primarypipeline.batch.ladder.LadderSweepJobConfiguration;
import org.primarypipeline.batch.ladder.LadderSweeps;
import org.primarypipeline.campaigns.CampaignActivities;
import org.primarypipeline.campaigns.CampaignRepository;
import org.primarypipeline.campaigns.LadderSweep;
import org.primarypipeline.core.campaign.ElectionCalendar;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.testing.ActivitiesContext;
import org.primarypipeline.vetting.CandidacyRepository;
import org.primarypipeline.workflows.campaign.CampaignOutcome;
import org.primarypipeline.workflows.campaign.CampaignPlan;
import org.primarypipeline.workflows.campaign.CandidateCampaignWorkflow;
import org.primarypipeline.workflows.campaign.CandidateCampaignWorkflowImpl;
import org.primarypipeline.workflows.cycle.DistrictCycleWorkflow;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pp bench campaign}: campaigns, events and RSVPs generated in PostgreSQL (one campaign per
 * district, hosts and attendees from each district's members, most past events reported and checked in),
 * then one {@code ladder-sweep} job over all of them ({@code campaign.ladder_seconds}); then one campaign
 * with {@code --history-events} events run from kickoff to wrap-up in Temporal's time-skipping server
 * with the real activities ({@code campaign.history_events}: the longest run's history; the total over
 * its continued-as-new runs beside it).
 */
@Command(
        name = "campaign",
        description = "435 campaigns, 20,000 events, 500,000 RSVPs: one ladder sweep; one campaign's history.")
public class CampaignBench implements Runnable {

    @Option(
            names = "--campaigns",
            defaultValue = "435",
            description = "Campaigns, one per district (default ${DEFAULT-VALUE}).")
    int campaigns;

    @Option(
            names = "--events",
            defaultValue = "20000",
            description = "Events over all campaigns (default ${DEFAULT-VALUE}).")
    int events;

    @Option(
            names = "--rsvps",
            defaultValue = "500000",
            description = "RSVPs over all events (default ${DEFAULT-VALUE}).")
    int rsvps;

    @Option(
            names = "--members",
            defaultValue = "200000",
            description = "Members the hosts and attendees are (default ${DEFAULT-VALUE}).")
    int members;

    @Option(
            names = "--history-events",
            defaultValue = "200",
            description = "Events of the campaign whose history is counted (default ${DEFAULT-VALUE}).")
    int historyEvents;

    @Option(
            names = "--weeks",
            defaultValue = "26",
            description = "Weeks from that campaign's kickoff to its election day (default ${DEFAULT-VALUE}).")
    int weeks;

    @Option(
            names = "--small",
            description = "A quick run: 20 campaigns, 1,000 events, 25,000 RSVPs, 10,000 members, 8 weeks.")
    boolean small;

    @Override
    public void run() {
        if (small) {
            campaigns = 20;
            events = 1000;
            rsvps = 25000;
            members = 10000;
            weeks = 8;
        }
        PrintStream out = System.out;
        for (String quiet : List.of(org.slf4j.Logger.ROOT_LOGGER_NAME, "io.zonky")) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(quiet))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
        }
        try (ActivitiesContext db = ActivitiesContext.start()) {
            List<String> cycles = CampaignData.generate(db, campaigns, events, rsvps, members);
            try (AnnotationConfigApplicationContext batch = batch(db)) {
                long start = System.nanoTime();
                BatchStatus status = batch.getBean(LadderSweeps.class).run(1);
                double seconds = (System.nanoTime() - start) / 1e9;
                if (status != BatchStatus.COMPLETED) {
                    throw new IllegalStateException("the ladder sweep did not complete: " + status);
                }
                out.printf("campaign.ladder_seconds: %.2f s%n", seconds);
            }
            JdbcClient jdbc = db.jdbc();
            out.printf("campaign.campaigns: %d count%n", cycles.size());
            out.printf("campaign.events: %d count%n", count(jdbc, "select count(*) from campaign_event"));
            out.printf("campaign.rsvps: %d count%n", count(jdbc, "select count(*) from event_rsvp"));
            out.printf("campaign.levels: %d count%n", count(jdbc, "select count(*) from engagement_level"));
            out.printf("campaign.asks: %d count%n", count(jdbc, "select count(*) from ladder_ask"));
            history(db, out);
        } catch (Exception e) {
            throw new IllegalStateException("bench campaign failed: " + e.getMessage(), e);
        }
    }

    /** One campaign with {@link #historyEvents} events, kickoff to wrap-up; prints its history's length. */
    private void history(ActivitiesContext db, PrintStream out) {
        String district = "CO-08";
        CycleRecord cycle = db.bean(CycleRepository.class)
                .create("cd2026", district, CycleSettings.defaults(), "bench", Instant.now());
        long candidacy = db.bean(CandidacyRepository.class)
                .nominate(cycle.id(), "Bench Candidate", "bench.candidate@example.org", null);
        LocalDate election = LocalDate.now(ZoneOffset.UTC).plusWeeks(weeks);
        db.bean(CampaignRepository.class)
                .createOnce(
                        cycle.id(),
                        district,
                        candidacy,
                        null,
                        new ElectionCalendar.Election(ElectionCalendar.Kind.GENERAL, election),
                        Instant.now());
        CampaignData.eventsFor(db.jdbc(), cycle.id(), district, historyEvents, 25);
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
        try {
            Worker worker = env.newWorker(DistrictCycleWorkflow.TASK_QUEUE);
            worker.registerWorkflowImplementationTypes(CandidateCampaignWorkflowImpl.class);
            worker.registerActivitiesImplementations(db.bean(CampaignActivities.class));
            env.start();
            WorkflowClient client = env.getWorkflowClient();
            CandidateCampaignWorkflow campaign = client.newWorkflowStub(
                    CandidateCampaignWorkflow.class,
                    WorkflowOptions.newBuilder()
                            .setWorkflowId(CampaignPlan.workflowId(cycle.id()))
                            .setTaskQueue(DistrictCycleWorkflow.TASK_QUEUE)
                            .build());
            WorkflowClient.start(campaign::run, CampaignPlan.fresh(cycle.id(), candidacy, null));
            CampaignOutcome outcome = WorkflowStub.fromTyped(campaign).getResult(CampaignOutcome.class);
            String workflowId = CampaignPlan.workflowId(cycle.id());
            List<HistoryEvent> run = client.fetchHistory(workflowId).getEvents();
            int longest = run.size();
            int total = run.size();
            int runs = 1;
            String previous =
                    run.get(0).getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId();
            while (!previous.isEmpty()) {
                run = client.fetchHistory(workflowId, previous).getEvents();
                longest = Math.max(longest, run.size());
                total += run.size();
                runs++;
                previous =
                        run.get(0).getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId();
            }
            out.printf("campaign.history_events: %d events%n", longest);
            out.printf("campaign.history_events_total: %d events%n", total);
            out.printf("campaign.history_runs: %d count%n", runs);
            out.printf("campaign.history_weeks: %d count%n", outcome.weeks());
            out.printf("campaign.history_campaign_events: %d count%n", historyEvents);
        } finally {
            env.close();
        }
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static AnnotationConfigApplicationContext batch(ActivitiesContext db) {
        AnnotationConfigApplicationContext batch = new AnnotationConfigApplicationContext();
        batch.registerBean("dataSource", DataSource.class, db::dataSource, bd -> bd.setDestroyMethodName(""));
        batch.registerBean(LadderSweep.class, () -> db.bean(LadderSweep.class));
        batch.register(Wiring.class);
        batch.refresh();
        return batch;
    }

    // registered by hand, not a @Configuration: the app's component scan must never pick it up
    @EnableBatchProcessing
    @Import({LadderSweepJobConfiguration.class, LadderSweeps.class})
    static class Wiring {
        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new JdbcTransactionManager(dataSource);
        }

        @Bean
        JdbcClient jdbcClient(DataSource dataSource) {
            return JdbcClient.create(dataSource);
        }
    }
}
