package org.primarypipeline.batch.importcontacts;

import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.primarypipeline.batch.importsupporters.ImportRuns;
import org.primarypipeline.batch.importsupporters.ImportSupportersJobConfiguration;
import org.primarypipeline.batch.importsupporters.RawBlock;
import org.primarypipeline.batch.importsupporters.SupporterFilePartitioner;
import org.primarypipeline.batch.importsupporters.SupporterFileReader;
import org.primarypipeline.batch.partitioning.PartitionedSteps;
import org.primarypipeline.core.geo.DistrictPlans;
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
 * The {@code importContacts} job for one {@code import_run} of kind CONTACTS: the supporter import's
 * machinery (the file split into byte ranges on record boundaries, partitions here or on the batch workers,
 * blocks of rows, rejects with line and reason in the chunk's transaction, progress in
 * {@code import_progress}, restart after the last committed chunk), writing {@code contact} rows of the run's
 * campaign instead of members.
 */
@Configuration(proxyBeanMethods = false)
public class ImportContactsJobConfiguration {

    public static final String JOB = "importContacts";
    static final String WORKER_STEP = "contacts-rows-worker";

    @Bean
    Job importContactsJob(JobRepository jobs, Step contactRows, Step contactFinish, ImportRuns runs) {
        return new JobBuilder(JOB, jobs)
                .listener(new JobExecutionListener() {
                    @Override
                    public void beforeJob(JobExecution execution) {
                        runs.started(
                                execution.getJobParameters().getLong(ImportSupportersJobConfiguration.RUN_ID),
                                execution.getId());
                    }

                    @Override
                    public void afterJob(JobExecution execution) {
                        if (execution.getStatus() != BatchStatus.COMPLETED) {
                            runs.failed(execution.getJobParameters().getLong(ImportSupportersJobConfiguration.RUN_ID));
                        }
                    }
                })
                .start(contactRows)
                .next(contactFinish)
                .build();
    }

    @Bean
    Step contactRows(
            PartitionedSteps partitioned,
            @Qualifier(WORKER_STEP) Step contactRowsWorker,
            SupporterFilePartitioner contactPartitioner,
            @Value("${pp.import.partitions:0}") int partitions) {
        int grid = partitions > 0
                ? partitions
                : partitioned.remote() ? 0 : Runtime.getRuntime().availableProcessors();
        return partitioned.manager("contacts-rows", contactRowsWorker, contactPartitioner, grid, false);
    }

    @Bean(WORKER_STEP)
    Step contactRowsWorker(
            JobRepository jobs,
            PlatformTransactionManager tx,
            SupporterFileReader contactReader,
            ContactRowProcessor contactProcessor,
            ContactWriter contactWriter,
            @Value("${pp.import.chunk-size:5000}") int chunkSize,
            @Value("${pp.import.block-size:500}") int blockSize) {
        int block = Math.max(1, Math.min(chunkSize, blockSize));
        return new StepBuilder(WORKER_STEP, jobs)
                .<RawBlock, ContactBlock>chunk(Math.max(1, chunkSize / block), tx)
                .reader(contactReader)
                .processor(contactProcessor)
                .writer(contactWriter)
                .build();
    }

    @Bean
    @StepScope
    SupporterFilePartitioner contactPartitioner(
            @Value("#{jobParameters['" + ImportSupportersJobConfiguration.RUN_ID + "']}") Long runId, ImportRuns runs) {
        return new SupporterFilePartitioner(runs.file(runId), runs, runId);
    }

    @Bean
    @StepScope
    SupporterFileReader contactReader(
            @Value("#{jobParameters['" + ImportSupportersJobConfiguration.RUN_ID + "']}") Long runId,
            @Value("#{stepExecutionContext['start']}") Long start,
            @Value("#{stepExecutionContext['end']}") Long end,
            @Value("#{stepExecutionContext['firstLine']}") Long firstLine,
            @Value("${pp.import.chunk-size:5000}") int chunkSize,
            @Value("${pp.import.block-size:500}") int blockSize,
            ImportRuns runs) {
        return new SupporterFileReader(
                runs.file(runId), start, end, firstLine, Math.max(1, Math.min(chunkSize, blockSize)));
    }

    @Bean
    @StepScope
    ContactRowProcessor contactProcessor(
            @Value("#{jobParameters['" + ImportSupportersJobConfiguration.RUN_ID + "']}") Long runId,
            @Value("#{stepExecutionContext['columns']}") int[] columns,
            @Value("#{stepExecutionContext['width']}") Integer width,
            ContactImports imports,
            ImportRuns runs) {
        ContactImports.Run run = imports.run(runId);
        return new ContactRowProcessor(
                new SupporterRows(SupporterColumns.fromPositions(columns, width), "contacts"),
                ContactColumns.of(runs.file(runId)),
                DistrictPlans.load(run.planId()));
    }

    @Bean
    @StepScope
    ContactWriter contactWriter(
            @Value("#{jobParameters['" + ImportSupportersJobConfiguration.RUN_ID + "']}") Long runId,
            @Value("#{stepExecution.stepName}") String partition,
            DataSource dataSource,
            JdbcClient jdbc,
            ContactImports imports) {
        return new ContactWriter(dataSource, jdbc, runId, imports.run(runId).cycleId(), partition);
    }

    @Bean
    Step contactFinish(
            JobRepository jobs, PlatformTransactionManager tx, JobExplorer explorer, ImportRuns runs, JdbcClient jdbc) {
        return new StepBuilder("contacts-finish", jobs)
                .tasklet(
                        (contribution, chunk) -> {
                            JobExecution execution =
                                    chunk.getStepContext().getStepExecution().getJobExecution();
                            long run = execution.getJobParameters().getLong(ImportSupportersJobConfiguration.RUN_ID);
                            long unassigned = sumUnassigned(explorer, execution);
                            String report =
                                    ImportSupportersJobConfiguration.writeRejectsReport(jdbc, run, runs.file(run));
                            jdbc.sql("""
                                    update import_run set status = 'COMPLETED', finished_at = now(),
                                        rows_rejected = (select count(*) from import_reject where run_id = :run),
                                        contacts_created = (select count(*) from contact where import_run_id = :run),
                                        rows_read = (select count(*) from import_reject where run_id = :run)
                                            + (select count(*) from contact where import_run_id = :run),
                                        unassigned = :unassigned, rejects_report = :report
                                    where id = :run""")
                                    .param("run", run)
                                    .param("unassigned", unassigned)
                                    .param("report", report)
                                    .update();
                            return RepeatStatus.FINISHED;
                        },
                        tx)
                .build();
    }

    private static long sumUnassigned(JobExplorer explorer, JobExecution current) {
        Map<String, StepExecution> latest = new HashMap<>();
        for (JobExecution e : explorer.getJobExecutions(current.getJobInstance())) {
            for (StepExecution s : explorer.getJobExecution(e.getId()).getStepExecutions()) {
                if (s.getStepName().startsWith(WORKER_STEP + ":")) {
                    latest.merge(s.getStepName(), s, (a, b) -> a.getId() > b.getId() ? a : b);
                }
            }
        }
        return latest.values().stream()
                .mapToLong(s -> ContactWriter.unassigned(s.getExecutionContext()))
                .sum();
    }
}
