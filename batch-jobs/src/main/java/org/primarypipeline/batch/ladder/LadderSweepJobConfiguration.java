package org.primarypipeline.batch.ladder;

import java.util.function.ToIntFunction;
import org.primarypipeline.campaigns.LadderSweep;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code ladder-sweep} job: one step per rule of the ladder (docs/campaigns.md), each one set-based
 * statement over every campaign ({@link LadderSweep}). Every step is idempotent (levels only rise, trusted
 * hosts and asks are inserted once, an ask's message in the same transaction as its row), so the job is
 * restartable: a run that failed is launched again with the same parameters and resumes at the step that
 * failed. {@link LadderSweepSchedule} launches it every hour.
 */
@Configuration(proxyBeanMethods = false)
public class LadderSweepJobConfiguration {

    public static final String JOB = "ladder-sweep";

    @Bean
    Job ladderSweepJob(JobRepository jobs, PlatformTransactionManager tx, LadderSweep ladder) {
        return new JobBuilder(JOB, jobs)
                .start(step("promote-volunteers", jobs, tx, ladder, LadderSweep::promoteVolunteers))
                .next(step("promote-hosts", jobs, tx, ladder, LadderSweep::promoteHosts))
                .next(step("promote-organizers", jobs, tx, ladder, LadderSweep::promoteOrganizers))
                .next(step("trust-hosts", jobs, tx, ladder, LadderSweep::trustHosts))
                .next(step("ask-to-host", jobs, tx, ladder, LadderSweep::askToHost))
                .next(step("offer-training", jobs, tx, ladder, LadderSweep::offerTraining))
                .build();
    }

    /** A rule over every campaign; the rows it wrote are the step's write count. */
    interface Rule {
        int apply(LadderSweep ladder, String cycleId);
    }

    private static Step step(
            String name, JobRepository jobs, PlatformTransactionManager tx, LadderSweep ladder, Rule rule) {
        ToIntFunction<LadderSweep> all = l -> rule.apply(l, null);
        return new StepBuilder(name, jobs)
                .tasklet(
                        (contribution, chunk) -> {
                            contribution.incrementWriteCount(all.applyAsInt(ladder));
                            return RepeatStatus.FINISHED;
                        },
                        tx)
                .build();
    }
}
