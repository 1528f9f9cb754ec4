package org.primarypipeline.batch.partitioning;

import java.time.Duration;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.partition.support.Partitioner;
import org.springframework.batch.core.partition.support.SimpleStepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.messaging.MessageChannel;
import org.springframework.stereotype.Component;

/**
 * Builds the manager side of a partitioned step, the one switch for every partitioned job:
 * {@code pp.batch.partitioning=local} (default) runs the partitions on threads of this process;
 * {@code remote} sends them through {@link PartitionChannel} to {@code batch-worker} processes and
 * polls the job repository until every partition has ended ({@code pp.batch.remote.poll-interval},
 * {@code pp.batch.remote.timeout}). Either way each partition is a step execution of its own in the
 * job repository, so a failed one is rerun when the job is restarted.
 *
 * <p>To partition a job: declare its worker step as a bean <em>named exactly as the step</em> (a
 * worker finds it by that name), give a {@link Partitioner} (e.g. {@link IdRangePartitioner}), and put
 * {@code partitioned.manager("my-step", workerStep, partitioner)} in the job's flow. Keep whatever a
 * partition produces in its step execution context, and read it back in a later step.
 */
@Component
public class PartitionedSteps {

    public static final String LOCAL = "local";
    public static final String REMOTE = "remote";

    private final JobRepository jobs;
    private final JobExplorer explorer;
    private final ObjectProvider<MessageChannel> requests;
    private final String mode;
    private final int gridSize;
    private final int threads;
    private final Duration pollInterval;
    private final Duration timeout;

    public PartitionedSteps(
            JobRepository jobs,
            JobExplorer explorer,
            @Qualifier(PartitionChannel.REQUESTS) ObjectProvider<MessageChannel> requests,
            @Value("${pp.batch.partitioning:local}") String mode,
            @Value("${pp.batch.grid-size:4}") int gridSize,
            @Value("${pp.batch.local-threads:4}") int threads,
            @Value("${pp.batch.remote.poll-interval:1s}") String pollInterval,
            @Value("${pp.batch.remote.timeout:20m}") String timeout) {
        if (!LOCAL.equals(mode) && !REMOTE.equals(mode)) {
            throw new IllegalArgumentException("pp.batch.partitioning must be local or remote, not " + mode);
        }
        if (gridSize < 1) {
            throw new IllegalArgumentException("pp.batch.grid-size must be at least 1, not " + gridSize);
        }
        this.jobs = jobs;
        this.explorer = explorer;
        this.requests = requests;
        this.mode = mode;
        this.gridSize = gridSize;
        this.threads = Math.max(1, threads);
        this.pollInterval = DurationStyle.detectAndParse(pollInterval);
        this.timeout = DurationStyle.detectAndParse(timeout);
    }

    public boolean remote() {
        return REMOTE.equals(mode);
    }

    /**
     * The manager step {@code name}: splits with {@code partitioner} and runs {@code workerStep} once per
     * partition, here or on the batch workers. Partitions run again when a failed job is restarted,
     * completed ones included, since a later step reads all of this execution's partitions.
     */
    public Step manager(String name, Step workerStep, Partitioner partitioner) {
        return manager(name, workerStep, partitioner, 0, true);
    }

    /**
     * As {@link #manager(String, Step, Partitioner)}, split into {@code partitions} (run on as many
     * threads when local; 0 takes {@code pp.batch.grid-size} and {@code pp.batch.local-threads}). Without
     * {@code rerunCompleted}, a restarted job runs only the partitions that did not complete, each from
     * its saved state: for jobs whose partitions write as they go, and whose later steps read what every
     * partition's latest execution saved.
     */
    public Step manager(String name, Step workerStep, Partitioner partitioner, int partitions, boolean rerunCompleted) {
        int gridSize = partitions > 0 ? partitions : this.gridSize;
        int threads = partitions > 0 ? partitions : this.threads;
        if (remote()) {
            MessageChannel channel = requests.getIfAvailable();
            if (channel == null) {
                throw new IllegalStateException("pp.batch.partitioning=remote but no partition request channel");
            }
            return new RemotePartitioningManagerStepBuilder(name, jobs)
                    .partitioner(workerStep.getName(), partitioner)
                    .splitter(splitter(workerStep, partitioner, rerunCompleted))
                    .gridSize(gridSize)
                    .outputChannel(channel)
                    .jobExplorer(explorer)
                    .pollInterval(pollInterval.toMillis())
                    .timeout(timeout.toMillis())
                    .allowStartIfComplete(rerunCompleted)
                    .build();
        }
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(name + "-");
        executor.setConcurrencyLimit(threads);
        return new StepBuilder(name, jobs)
                .partitioner(workerStep.getName(), partitioner)
                .splitter(splitter(workerStep, partitioner, rerunCompleted))
                .step(workerStep)
                .gridSize(gridSize)
                .taskExecutor(executor)
                .allowStartIfComplete(rerunCompleted)
                .build();
    }

    private SimpleStepExecutionSplitter splitter(Step workerStep, Partitioner partitioner, boolean rerunCompleted) {
        return new SimpleStepExecutionSplitter(jobs, rerunCompleted, workerStep.getName(), partitioner);
    }
}
