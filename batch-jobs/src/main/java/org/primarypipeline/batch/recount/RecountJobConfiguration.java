package org.primarypipeline.batch.recount;

import java.util.Locale;
import javax.sql.DataSource;
import org.primarypipeline.activities.ballot.VoteRowSet;
import org.primarypipeline.activities.recount.RecountReports;
import org.primarypipeline.activities.recount.RecountVerifier;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.support.SimpleFlow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code recount} job: re-derives a cycle's result from its raw rows and checks it against the
 * stored one. Five chunked reading steps (electorate, proxy lists as counted, ballots, receipt chain,
 * stored ballot weights), each streaming {@code COPY ... TO STDOUT} in blocks into memory (the proxy
 * lists beside the other four), then one
 * step that counts, verifies and writes the {@code recount_report} row. Parameters: {@code cycleId}
 * and {@code run} identify an instance (a failed one can be restarted with the same two), {@code actor}
 * says who asked.
 *
 * <p>Readers and the writer are step-scoped: two cycles may be recounted at once, and each step
 * execution needs its own connection and its own target rows.
 */
@Configuration(proxyBeanMethods = false)
public class RecountJobConfiguration {

    public static final String JOB = "recount";
    public static final String CYCLE = "cycleId";
    public static final String RUN = "run";
    public static final String ACTOR = "actor";

    @Bean
    Job recountJob(JobRepository jobs, PlatformTransactionManager transactions, RecountWorkspace workspace,
                   RecountVerifier verifier, RecountReports reports,
                   @Qualifier("recountElectorateReader") CopyBlockReader electorate,
                   @Qualifier("recountProxiesReader") CopyBlockReader proxies,
                   @Qualifier("recountBallotsReader") CopyBlockReader ballots,
                   @Qualifier("recountReceiptsReader") CopyBlockReader receipts,
                   @Qualifier("recountWeightsReader") CopyBlockReader weights,
                   RowBlockWriter writer,
                   @Value("${pp.recount.blocks-per-chunk:64}") int blocksPerChunk,
                   @Value("${pp.recount.parallel-reads:true}") boolean parallelReads) {
        Step electorateStep = read(VoteRowSet.ELECTORATE, electorate, writer, jobs, transactions, blocksPerChunk);
        Step proxiesStep = read(VoteRowSet.PROXIES, proxies, writer, jobs, transactions, blocksPerChunk);
        Step ballotsStep = read(VoteRowSet.BALLOTS, ballots, writer, jobs, transactions, blocksPerChunk);
        Step receiptsStep = read(VoteRowSet.RECEIPTS, receipts, writer, jobs, transactions, blocksPerChunk);
        Step weightsStep = read(VoteRowSet.WEIGHTS, weights, writer, jobs, transactions, blocksPerChunk);
        Flow readAll;
        if (parallelReads) {
            // the proxy lists, three quarters of the rows, beside the other four sets: each side on its own
            // connection and thread, into separate parts of the rows in memory
            readAll = new FlowBuilder<SimpleFlow>("recount-read")
                    .split(new SimpleAsyncTaskExecutor("recount-read-"))
                    .add(new FlowBuilder<SimpleFlow>("recount-read-proxies").start(proxiesStep).build(),
                            new FlowBuilder<SimpleFlow>("recount-read-rest").start(electorateStep).next(ballotsStep)
                                    .next(receiptsStep).next(weightsStep).build())
                    .build();
        } else {
            readAll = new FlowBuilder<SimpleFlow>("recount-read").start(electorateStep).next(proxiesStep)
                    .next(ballotsStep).next(receiptsStep).next(weightsStep).build();
        }
        return new JobBuilder(JOB, jobs)
                .listener(workspace)
                .start(readAll)
                .next(new StepBuilder("recount-compare", jobs)
                        .tasklet(new CompareTasklet(workspace, verifier, reports), transactions)
                        .build())
                .end()
                .build();
    }

    /** Runs again on restart: what it read did not outlive the failed execution. */
    private static Step read(VoteRowSet set, CopyBlockReader reader, RowBlockWriter writer, JobRepository jobs,
                             PlatformTransactionManager transactions, int blocksPerChunk) {
        return new StepBuilder("recount-" + set.name().toLowerCase(Locale.ROOT), jobs)
                .<RowBlock, RowBlock>chunk(blocksPerChunk, transactions)
                .reader(reader)
                .writer(writer)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    @StepScope
    CopyBlockReader recountElectorateReader(DataSource dataSource, @Value("${pp.recount.block-rows:4096}") int rows) {
        return new CopyBlockReader(dataSource, VoteRowSet.ELECTORATE, rows);
    }

    @Bean
    @StepScope
    CopyBlockReader recountProxiesReader(DataSource dataSource, @Value("${pp.recount.block-rows:4096}") int rows) {
        return new CopyBlockReader(dataSource, VoteRowSet.PROXIES, rows);
    }

    @Bean
    @StepScope
    CopyBlockReader recountBallotsReader(DataSource dataSource, @Value("${pp.recount.block-rows:4096}") int rows) {
        return new CopyBlockReader(dataSource, VoteRowSet.BALLOTS, rows);
    }

    @Bean
    @StepScope
    CopyBlockReader recountReceiptsReader(DataSource dataSource, @Value("${pp.recount.block-rows:4096}") int rows) {
        return new CopyBlockReader(dataSource, VoteRowSet.RECEIPTS, rows);
    }

    @Bean
    @StepScope
    CopyBlockReader recountWeightsReader(DataSource dataSource, @Value("${pp.recount.block-rows:4096}") int rows) {
        return new CopyBlockReader(dataSource, VoteRowSet.WEIGHTS, rows);
    }

    @Bean
    @StepScope
    RowBlockWriter recountRowWriter(RecountWorkspace workspace) {
        return new RowBlockWriter(workspace);
    }
}
