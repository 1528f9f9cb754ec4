package org.primarypipeline.batch.partitioning;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import org.springframework.messaging.PollableChannel;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The worker side of remote partitioning ({@code pp.batch.worker.enabled=true}, set by the
 * {@code batch-worker} role): takes partition requests from {@link PartitionChannel}, one at a time per
 * consumer thread ({@code pp.batch.worker.concurrency}, polling every {@code pp.batch.worker.poll-interval}),
 * finds the worker step bean by the step name in the request and runs that step execution, which ends
 * COMPLETED or FAILED in the job repository, where the manager sees it. One flow serves every
 * partitioned job.
 *
 * <p>On shutdown (SIGTERM) the consumers stop taking requests and the partitions already taken run to
 * their end, for up to {@code pp.batch.worker.shutdown-wait}; the process exits after.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "pp.batch.worker.enabled", havingValue = "true")
@EnableIntegration
public class PartitionWorker {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionWorker.class);

    /**
     * The consumer threads, held by a bean that is not an {@code Executor} itself: one would take the
     * place of Spring Boot's application task executor.
     */
    @Bean(destroyMethod = "destroy")
    Consumers batchPartitionConsumers(
            @Value("${pp.batch.worker.concurrency:1}") int concurrency,
            @Value("${pp.batch.worker.shutdown-wait:5m}") String wait) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("batch-partition-");
        executor.setCorePoolSize(concurrency);
        executor.setMaxPoolSize(concurrency);
        // no queue, and a poll that finds every consumer busy is skipped: a request is only taken by a
        // thread free to run it, the rest stay in the channel for other workers
        executor.setQueueCapacity(0);
        executor.setRejectedExecutionHandler(new java.util.concurrent.ThreadPoolExecutor.DiscardPolicy());
        // on shutdown: no new polls; the partition being run goes on to its end, for up to the wait
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationMillis(DurationStyle.detectAndParse(wait).toMillis());
        executor.initialize();
        return new Consumers(executor);
    }

    /** The thread pool that runs partitions; destroying it waits for the partition in progress. */
    public static final class Consumers {
        private final ThreadPoolTaskExecutor executor;

        Consumers(ThreadPoolTaskExecutor executor) {
            this.executor = executor;
        }

        public void destroy() {
            executor.destroy();
        }
    }

    @Bean
    IntegrationFlow batchPartitionWorkerFlow(
            @Qualifier(PartitionChannel.REQUESTS) PollableChannel requests,
            JobExplorer explorer,
            BeanFactory beans,
            Consumers consumers,
            @Value("${pp.batch.worker.poll-interval:500ms}") String poll) {
        StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
        handler.setJobExplorer(explorer);
        BeanFactoryStepLocator locator = new BeanFactoryStepLocator();
        locator.setBeanFactory(beans);
        handler.setStepLocator(locator);
        Runner runner = new Runner(handler, workerName());
        return IntegrationFlow.from(requests)
                .handle(
                        runner,
                        "run",
                        endpoint -> endpoint.poller(Pollers.fixedDelay(DurationStyle.detectAndParse(poll))
                                .maxMessagesPerPoll(1)
                                .taskExecutor(consumers.executor)))
                .nullChannel();
    }

    /** Host name (the pod's, in Kubernetes) and process id: which worker ran a partition, in its log. */
    static String workerName() {
        String host = System.getenv("HOSTNAME");
        return (host == null || host.isBlank() ? "localhost" : host) + ":"
                + ProcessHandle.current().pid();
    }

    /** Runs one request and logs who ran which partition and how it ended. */
    public static final class Runner {
        private final StepExecutionRequestHandler handler;
        private final String worker;

        Runner(StepExecutionRequestHandler handler, String worker) {
            this.handler = handler;
            this.worker = worker;
        }

        public StepExecution run(StepExecutionRequest request) {
            LOG.info(
                    "batch worker {} runs {} (step execution {} of job execution {})",
                    worker,
                    request.getStepName(),
                    request.getStepExecutionId(),
                    request.getJobExecutionId());
            StepExecution done = handler.handle(request);
            LOG.info(
                    "batch worker {} ran {} {}: {}",
                    worker,
                    request.getStepName(),
                    done.getStepName(),
                    done.getStatus());
            return done;
        }
    }
}
