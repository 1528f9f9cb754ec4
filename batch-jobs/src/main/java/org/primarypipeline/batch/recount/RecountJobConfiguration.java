package org.primarypipeline.batch.recount;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.primarypipeline.batch.partitioning.IdRangePartitioner;
import org.primarypipeline.batch.partitioning.PartitionedSteps;
import org.primarypipeline.certification.RecountReports;
import org.primarypipeline.certification.RecountVerifier;
import org.primarypipeline.voting.VoteRowSet;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.support.SimpleFlow;
import org.springframework.batch.core.partition.support.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code recount} job: re-derives a cycle's result from its raw rows and checks it against the
 * stored one. Five chunked reading steps (electorate, proxy lists as counted, ballots, receipt chain,
 * stored ballot weights), each streaming {@code COPY ... TO STDOUT} in blocks into memory (the proxy
 * lists beside the other four), then one
 * step that counts, verifies and writes the {@code recount_report} row. The ballots are checked against
 * their receipts (the hashing) beside the count, over the rows in memory; with
 * {@code pp.batch.partitioning=remote} that check is a partitioned step instead,
 * {@code recount-check-receipts}, split by member-id range over the {@code batch-worker} processes beside
 * the reads (see {@link PartitionedSteps}), and the compare step merges the partitions' findings
 * ({@code pp.recount.partition-receipts=true} partitions it on local threads: slower on one machine,
 * where the rows are read already, but the same path). The count itself (units flowing through the
 * whole proxy graph, the tally's rounds) needs every row of the cycle at once and runs where the job
 * runs. Parameters: {@code cycleId}
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
    /** The partitioned manager step and the worker step it runs once per member-id range. */
    public static final String RECEIPTS_STEP = "recount-check-receipts";

    public static final String RECEIPT_RANGE_STEP = "recount-receipt-range";

    @Bean
    Job recountJob(
            JobRepository jobs,
            PlatformTransactionManager transactions,
            RecountWorkspace workspace,
            RecountVerifier verifier,
            RecountReports reports,
            JobExplorer explorer,
            PartitionedSteps partitioned,
            @Qualifier(RECEIPT_RANGE_STEP) Step receiptRange,
            @Qualifier("recountMemberRanges") Partitioner memberRanges,
            @Qualifier("recountElectorateReader") CopyBlockReader electorate,
            @Qualifier("recountProxiesReader") CopyBlockReader proxies,
            @Qualifier("recountBallotsReader") CopyBlockReader ballots,
            @Qualifier("recountReceiptsReader") CopyBlockReader receipts,
            @Qualifier("recountWeightsReader") CopyBlockReader weights,
            RowBlockWriter writer,
            @Value("${pp.recount.blocks-per-chunk:64}") int blocksPerChunk,
            @Value("${pp.recount.parallel-reads:true}") boolean parallelReads,
            @Value("${pp.recount.partition-receipts:false}") boolean partitionReceipts) {
        Step electorateStep = read(VoteRowSet.ELECTORATE, electorate, writer, jobs, transactions, blocksPerChunk);
        Step proxiesStep = read(VoteRowSet.PROXIES, proxies, writer, jobs, transactions, blocksPerChunk);
        Step ballotsStep = read(VoteRowSet.BALLOTS, ballots, writer, jobs, transactions, blocksPerChunk);
        Step receiptsStep = read(VoteRowSet.RECEIPTS, receipts, writer, jobs, transactions, blocksPerChunk);
        Step weightsStep = read(VoteRowSet.WEIGHTS, weights, writer, jobs, transactions, blocksPerChunk);
        boolean partitionedCheck = partitioned.remote() || partitionReceipts;
        Step receiptsCheck = partitionedCheck ? partitioned.manager(RECEIPTS_STEP, receiptRange, memberRanges) : null;
        Flow readAll;
        if (parallelReads) {
            // the proxy lists, three quarters of the rows, beside the other four sets: each side on its own
            // connection and thread, into separate parts of the rows in memory
            List<Flow> flows = new ArrayList<>(List.of(
                    new FlowBuilder<SimpleFlow>("recount-read-proxies")
                            .start(proxiesStep)
                            .build(),
                    new FlowBuilder<SimpleFlow>("recount-read-rest")
                            .start(electorateStep)
                            .next(ballotsStep)
                            .next(receiptsStep)
                            .next(weightsStep)
                            .build()));
            if (partitionedCheck) {
                flows.add(new FlowBuilder<SimpleFlow>("recount-check-receipts")
                        .start(receiptsCheck)
                        .build());
            }
            readAll = new FlowBuilder<SimpleFlow>("recount-read")
                    .split(new SimpleAsyncTaskExecutor("recount-read-"))
                    .add(flows.toArray(Flow[]::new))
                    .build();
        } else {
            FlowBuilder<SimpleFlow> reads = new FlowBuilder<SimpleFlow>("recount-read")
                    .start(electorateStep)
                    .next(proxiesStep)
                    .next(ballotsStep)
                    .next(receiptsStep)
                    .next(weightsStep);
            readAll = (partitionedCheck ? reads.next(receiptsCheck) : reads).build();
        }
        return new JobBuilder(JOB, jobs)
                .listener(workspace)
                .start(readAll)
                .next(new StepBuilder("recount-compare", jobs)
                        .tasklet(
                                new CompareTasklet(workspace, verifier, reports, partitionedCheck ? explorer : null),
                                transactions)
                        .build())
                .end()
                .build();
    }

    /** Runs again on restart: what it read did not outlive the failed execution. */
    private static Step read(
            VoteRowSet set,
            CopyBlockReader reader,
            RowBlockWriter writer,
            JobRepository jobs,
            PlatformTransactionManager transactions,
            int blocksPerChunk) {
        return new StepBuilder("recount-" + set.name().toLowerCase(Locale.ROOT), jobs)
                .<RowBlock, RowBlock>chunk(blocksPerChunk, transactions)
                .reader(reader)
                .writer(writer)
                .allowStartIfComplete(true)
                .build();
    }

    /**
     * The worker step of {@code recount-check-receipts}, a bean named as the step so that a batch worker finds
     * it by the name in a partition request.
     */
    @Bean(name = RECEIPT_RANGE_STEP)
    Step recountReceiptRange(JobRepository jobs, PlatformTransactionManager transactions, DataSource dataSource) {
        return new StepBuilder(RECEIPT_RANGE_STEP, jobs)
                .tasklet(new ReceiptRangeTasklet(dataSource), transactions)
                .build();
    }

    /** The cycle's ballot and receipt members, from the lowest id to the highest, in equal ranges. */
    @Bean
    @StepScope
    Partitioner recountMemberRanges(JdbcClient jdbc, @Value("#{jobParameters['cycleId']}") String cycleId) {
        return jdbc.sql("""
                        select least((select min(member_id) from ballot where cycle_id = :cycle),
                                     (select min(member_id) from ballot_receipt where cycle_id = :cycle)),
                               greatest((select max(member_id) from ballot where cycle_id = :cycle),
                                        (select max(member_id) from ballot_receipt where cycle_id = :cycle))
                        """)
                .param("cycle", cycleId)
                .query((rs, n) ->
                        new IdRangePartitioner((Long) rs.getObject(1, Long.class), (Long) rs.getObject(2, Long.class)))
                .single();
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
