package org.primarypipeline.batch.importsupporters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.primarypipeline.batch.partitioning.PartitionedSteps;
import org.primarypipeline.core.csv.SafeCsv;
import org.primarypipeline.core.supporter.InvalidField;
import org.primarypipeline.core.supporter.SupporterColumns;
import org.primarypipeline.core.supporter.SupporterRows;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code importSupporters} job, for one {@code import_run} (job parameter {@code run.id}):
 * <ol>
 *   <li>{@code import-rows}: the file is split into ranges of records (byte ranges that start on a record
 *       boundary, with their first line number) read by parallel partitions ({@code pp.import.partitions},
 *       default one per core with the database on this machine, two per core without), on threads here or
 *       on the batch workers; each reads, validates, normalises and districts chunks of
 *       {@code pp.import.chunk-size} rows (handed on in blocks of up to {@code pp.import.block-size}) and
 *       writes them with COPY.</li>
 *   <li>{@code import-finish}: sums what the partitions counted and writes the rejects report.</li>
 * </ol>
 * <b>Skip rules:</b> a row that fails validation ({@link InvalidField}) is left out of its block without
 * rolling the chunk back, however many there are, and reported with its line and reason in the chunk's
 * transaction; any other failure (the database refusing a write) fails the step. <b>Restart:</b> running the job again with the same
 * {@code run.id} resumes each partition after its last committed chunk.
 */
@Configuration(proxyBeanMethods = false)
public class ImportSupportersJobConfiguration {

    public static final String JOB = "importSupporters";
    public static final String RUN_ID = "run.id";
    static final String WORKER_STEP = "import-rows-worker";

    @Bean
    Job importSupportersJob(
            JobRepository jobs, Step importRows, Step importFinish, ImportRuns runs, ImportRunContext contexts) {
        return new JobBuilder(JOB, jobs)
                .listener(new JobExecutionListener() {
                    @Override
                    public void beforeJob(JobExecution execution) {
                        runs.started(execution.getJobParameters().getLong(RUN_ID), execution.getId());
                    }

                    @Override
                    public void afterJob(JobExecution execution) {
                        long run = execution.getJobParameters().getLong(RUN_ID);
                        // the partitions let go of it as they end; this is for one that never started
                        contexts.drop(run);
                        if (execution.getStatus() != BatchStatus.COMPLETED) {
                            runs.failed(run);
                        }
                    }
                })
                .start(importRows)
                .next(importFinish)
                .build();
    }

    /**
     * The partitions run on threads here or, with {@code pp.batch.partitioning=remote}, on the batch
     * workers ({@link PartitionedSteps}); {@code pp.import.partitions} sets how many (default: see
     * {@link ImportParallelism} here, {@code pp.batch.grid-size} when remote).
     */
    @Bean
    Step importRows(
            PartitionedSteps partitioned,
            @Qualifier(WORKER_STEP) Step importRowsWorker,
            SupporterFilePartitioner importPartitioner,
            DataSource dataSource,
            @Value("${pp.import.partitions:0}") int partitions) {
        int grid = partitions > 0
                ? partitions
                : partitioned.remote()
                        ? 0
                        : ImportParallelism.partitions(
                                Runtime.getRuntime().availableProcessors(),
                                ImportParallelism.onThisMachine(dataSource));
        return partitioned.manager("import-rows", importRowsWorker, importPartitioner, grid, false);
    }

    /** Named as the step: a batch worker finds the step of a partition request by that name. */
    @Bean(WORKER_STEP)
    Step importRowsWorker(
            JobRepository jobs,
            PlatformTransactionManager tx,
            SupporterFileReader importReader,
            ImportRowProcessor importProcessor,
            SupporterWriter importWriter,
            ImportRunContext contexts,
            @Value("${pp.import.chunk-size:5000}") int chunkSize,
            @Value("${pp.import.block-size:500}") int blockSize) {
        return new StepBuilder(WORKER_STEP, jobs)
                .<RawBlock, ImportBlock>chunk(Math.max(1, chunkSize / blockSize(chunkSize, blockSize)), tx)
                .reader(importReader)
                .processor(importProcessor)
                .writer(importWriter)
                .listener(contexts.heldByEachPartition())
                .build();
    }

    /** Rows per block: a chunk holds whole blocks, so a chunk smaller than a block is one block. */
    static int blockSize(int chunkSize, int blockSize) {
        return Math.max(1, Math.min(chunkSize, blockSize));
    }

    @Bean
    @StepScope
    SupporterFilePartitioner importPartitioner(
            @Value("#{jobParameters['" + RUN_ID + "']}") Long runId, ImportRuns runs) {
        return new SupporterFilePartitioner(runs.file(runId), runs, runId);
    }

    @Bean
    @StepScope
    SupporterFileReader importReader(
            @Value("#{jobParameters['" + RUN_ID + "']}") Long runId,
            @Value("#{stepExecutionContext['start']}") Long start,
            @Value("#{stepExecutionContext['end']}") Long end,
            @Value("#{stepExecutionContext['firstLine']}") Long firstLine,
            @Value("${pp.import.chunk-size:5000}") int chunkSize,
            @Value("${pp.import.block-size:500}") int blockSize,
            ImportRunContext contexts) {
        return new SupporterFileReader(
                contexts.of(runId).file(), start, end, firstLine, blockSize(chunkSize, blockSize));
    }

    @Bean
    @StepScope
    ImportRowProcessor importProcessor(
            @Value("#{jobParameters['" + RUN_ID + "']}") Long runId,
            @Value("#{stepExecutionContext['columns']}") int[] columns,
            @Value("#{stepExecutionContext['width']}") Integer width,
            ImportRunContext contexts) {
        ImportRunContext.Run run = contexts.of(runId);
        return new ImportRowProcessor(
                new SupporterRows(SupporterColumns.fromPositions(columns, width), run.defaultSource()), run.plan());
    }

    @Bean
    @StepScope
    SupporterWriter importWriter(
            @Value("#{jobParameters['" + RUN_ID + "']}") Long runId,
            @Value("#{stepExecution.stepName}") String partition,
            DataSource dataSource,
            JdbcClient jdbc,
            ImportRunContext contexts) {
        return new SupporterWriter(dataSource, jdbc, contexts.of(runId), partition);
    }

    @Bean
    Step importFinish(
            JobRepository jobs, PlatformTransactionManager tx, JobExplorer explorer, ImportRuns runs, JdbcClient jdbc) {
        return new StepBuilder("import-finish", jobs)
                .tasklet(
                        (contribution, chunk) -> {
                            JobExecution execution =
                                    chunk.getStepContext().getStepExecution().getJobExecution();
                            long run = execution.getJobParameters().getLong(RUN_ID);
                            ImportRuns.Counts counts = sumPartitions(explorer, execution, jdbc, run);
                            String report = writeRejectsReport(jdbc, run, runs.file(run));
                            runs.completed(run, counts, report);
                            return RepeatStatus.FINISHED;
                        },
                        tx)
                .build();
    }

    /**
     * Adds up the partitions' counts as saved with their last committed chunk (a restarted partition
     * carries on from its saved state, so the latest execution of each holds its whole count); rejects
     * are counted where they were written, in the same transactions. Spring Batch's own read counts
     * would count a rolled-back chunk in the execution that failed.
     */
    static ImportRuns.Counts sumPartitions(JobExplorer explorer, JobExecution current, JdbcClient jdbc, long run) {
        Map<String, StepExecution> latest = new HashMap<>();
        for (JobExecution e : explorer.getJobExecutions(current.getJobInstance())) {
            for (StepExecution s : explorer.getJobExecution(e.getId()).getStepExecutions()) {
                if (s.getStepName().startsWith(WORKER_STEP + ":")) {
                    latest.merge(s.getStepName(), s, (a, b) -> a.getId() > b.getId() ? a : b);
                }
            }
        }
        long created = 0, matched = 0, duplicates = 0, joined = 0, provisional = 0, unassigned = 0;
        for (StepExecution s : latest.values()) {
            ImportRuns.Counts c = SupporterWriter.counts(s.getExecutionContext(), 0, 0);
            created += c.created();
            matched += c.matched();
            duplicates += c.duplicates();
            joined += c.joined();
            provisional += c.provisional();
            unassigned += c.unassigned();
        }
        long rejected = jdbc.sql("select count(*) from import_reject where run_id = ?")
                .param(run)
                .query(Long.class)
                .single();
        // every row read was written, matched, a repeat, or rejected
        long read = created + matched + duplicates + rejected;
        return new ImportRuns.Counts(read, rejected, created, matched, duplicates, joined, provisional, unassigned);
    }

    /** Beside the file when its folder is writable, else in the temporary folder; null when nothing was rejected. */
    public static String writeRejectsReport(JdbcClient jdbc, long run, Path file) throws IOException {
        long count = jdbc.sql("select count(*) from import_reject where run_id = ?")
                .param(run)
                .query(Long.class)
                .single();
        if (count == 0) {
            return null;
        }
        String name = file.getFileName() + ".rejects-" + run + ".csv";
        Path folder = file.toAbsolutePath().getParent();
        Path report = folder != null && Files.isWritable(folder)
                ? folder.resolve(name)
                : Path.of(System.getProperty("java.io.tmpdir")).resolve(name);
        try (BufferedWriter out = Files.newBufferedWriter(report, StandardCharsets.UTF_8);
                SafeCsv csv = SafeCsv.to(out, "line", "reason", "row")) {
            jdbc.sql("select line, reason, raw from import_reject where run_id = ? order by line")
                    .param(run)
                    .query(rs -> {
                        csv.row(rs.getLong(1), rs.getString(2), rs.getString(3));
                    });
        }
        return report.toString();
    }
}
