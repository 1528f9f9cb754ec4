package org.primarypipeline.console.config;

import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import org.primarypipeline.campaigns.CampaignActivities;
import org.primarypipeline.certification.CertificationActivities;
import org.primarypipeline.cycles.CycleLedgerActivities;
import org.primarypipeline.fundraising.ConduitActivities;
import org.primarypipeline.fundraising.FundraiserActivities;
import org.primarypipeline.vetting.VettingActivities;
import org.primarypipeline.voting.BallotActivities;
import org.primarypipeline.workflows.campaign.CandidateCampaignWorkflowImpl;
import org.primarypipeline.workflows.conduit.ConduitWorkflowImpl;
import org.primarypipeline.workflows.cycle.DistrictCycleWorkflow;
import org.primarypipeline.workflows.cycle.DistrictCycleWorkflowImpl;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls the cycles' task queue with the workflow and every stage's activities. Started after the
 * context is ready and stopped first on shutdown, so in-flight activities finish or are handed back.
 */
@Component
public class CycleWorker implements SmartLifecycle {

    private final WorkerFactory factory;
    private final TemporalProperties properties;
    private final Object[] activities;
    private volatile boolean running;

    public CycleWorker(
            WorkerFactory factory,
            TemporalProperties properties,
            CycleLedgerActivities ledger,
            VettingActivities vetting,
            BallotActivities ballots,
            CertificationActivities certification,
            FundraiserActivities fundraiser,
            ConduitActivities conduit,
            CampaignActivities campaigns) {
        this.factory = factory;
        this.properties = properties;
        this.activities = new Object[] {ledger, vetting, ballots, certification, fundraiser, conduit, campaigns};
    }

    @Override
    public void start() {
        if (!properties.worker()) {
            return;
        }
        // workflow and activity tasks are sized apart: workflow tasks are short replays, activities hold
        // database connections and wait on mail, SMS and Stripe
        Worker worker = factory.newWorker(DistrictCycleWorkflow.TASK_QUEUE, options(properties));
        // the winners' campaigns and the conduit clocks run on the same queue
        worker.registerWorkflowImplementationTypes(
                DistrictCycleWorkflowImpl.class, CandidateCampaignWorkflowImpl.class, ConduitWorkflowImpl.class);
        worker.registerActivitiesImplementations(activities);
        factory.start();
        running = true;
    }

    /**
     * A workflow task that holds its thread longer than this is failed as a potential deadlock. Temporal's
     * default second is too short on a loaded two-core machine: hundreds of cycles starting at once load
     * the workflow's classes in their first task, and each one failed that way was run again.
     */
    static final Duration DEADLOCK_DETECTION = Duration.ofSeconds(5);

    public static WorkerOptions options(TemporalProperties properties) {
        return WorkerOptions.newBuilder()
                .setDefaultDeadlockDetectionTimeout(DEADLOCK_DETECTION.toMillis())
                .setMaxConcurrentWorkflowTaskExecutionSize(properties.workflowTaskSlots())
                .setMaxConcurrentActivityExecutionSize(properties.activitySlots())
                .setMaxConcurrentWorkflowTaskPollers(properties.workflowPollers())
                .setMaxConcurrentActivityTaskPollers(properties.activityPollers())
                .build();
    }

    @Override
    public void stop() {
        if (running) {
            factory.shutdown();
            factory.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // after the web server and data sources are up, before anything that depends on cycles running
        return Integer.MAX_VALUE - 100;
    }
}
