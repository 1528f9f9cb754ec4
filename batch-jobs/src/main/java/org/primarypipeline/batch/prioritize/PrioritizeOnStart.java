package org.primarypipeline.batch.prioritize;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Staff should find a ranking on their first visit: the job runs on start when it never has. */
@Component
@ConditionalOnProperty(name = "pp.prioritize.on-start", havingValue = "true", matchIfMissing = true)
public class PrioritizeOnStart {

    private static final Logger log = LoggerFactory.getLogger(PrioritizeOnStart.class);

    private final PriorityRanking ranking;
    private final JobLauncher launcher;
    private final Job job;

    public PrioritizeOnStart(PriorityRanking ranking, JobLauncher launcher, @Qualifier("prioritizeJob") Job job) {
        this.ranking = ranking;
        this.launcher = launcher;
        this.job = job;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void prioritizeIfNeverRun() throws Exception {
        if (ranking.latestRun().isEmpty()) {
            var execution = launcher.run(
                    job,
                    new JobParametersBuilder()
                            .addLong("requested", System.currentTimeMillis())
                            .toJobParameters());
            log.info("first prioritization of the districts: {}", execution.getStatus());
        }
    }
}
