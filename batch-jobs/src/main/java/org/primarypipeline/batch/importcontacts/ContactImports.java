package org.primarypipeline.batch.importcontacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.primarypipeline.batch.importsupporters.ImportRuns;
import org.primarypipeline.batch.importsupporters.ImportSupportersJobConfiguration;
import org.primarypipeline.supporters.DistrictPlanStore;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Starts contact imports for a campaign and reports on them: what {@code pp contacts import} and the console
 * call. A file whose last import for the same campaign failed (same path, size and modification time)
 * resumes that run after its last committed chunk; a file already imported completely is not read again.
 */
@Component
public class ContactImports {

    /** A run's campaign and the plan its contacts are districted on. */
    public record Run(long id, String cycleId, String planId) {}

    /** The end of an import: its run, counts and rejects report, and Spring Batch's verdict. */
    public record Outcome(
            long runId,
            String status,
            long read,
            long created,
            long rejected,
            long unassigned,
            String rejectsReport,
            String exitDescription,
            boolean resumed,
            boolean alreadyImported) {}

    private final JobLauncher launcher;
    private final Job job;
    private final ImportRuns runs;
    private final DistrictPlanStore plans;
    private final JdbcClient jdbc;

    public ContactImports(
            JobLauncher launcher,
            @Qualifier("importContactsJob") Job job,
            ImportRuns runs,
            DistrictPlanStore plans,
            JdbcClient jdbc) {
        this.launcher = launcher;
        this.job = job;
        this.runs = runs;
        this.plans = plans;
        this.jdbc = jdbc;
    }

    public Run run(long runId) {
        return jdbc.sql("select id, cycle_id, plan_id from import_run where id = ? and kind = 'CONTACTS'")
                .param(runId)
                .query((rs, n) -> new Run(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("no contact import " + runId));
    }

    /** Imports the file into the campaign's contacts to its end; {@code progress} hears every {@code every}. */
    public Outcome importFile(Path file, String cycleId, Duration every, Consumer<ImportRuns.Progress> progress) {
        Path path = file.toAbsolutePath().normalize();
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException("cannot read " + path);
        }
        boolean campaign = jdbc.sql("select count(*) > 0 from campaign where cycle_id = ?")
                .param(cycleId)
                .query(Boolean.class)
                .single();
        if (!campaign) {
            throw new IllegalArgumentException("no campaign for cycle " + cycleId);
        }
        String fingerprint = fingerprint(path);
        Optional<Long> done = last(path, fingerprint, cycleId, "COMPLETED");
        if (done.isPresent()) {
            return outcome(done.get(), "COMPLETED", null, false, true);
        }
        Optional<Long> failed = last(path, fingerprint, cycleId, "FAILED");
        String plan = plans.currentPlan()
                .orElseThrow(() -> new IllegalStateException("no current district plan: load the public data first"));
        long runId = failed.orElseGet(() -> jdbc.sql("""
                        insert into import_run (file_path, file_fingerprint, plan_id, default_source, kind, cycle_id)
                        values (?, ?, ?, ?, 'CONTACTS', ?) returning id""")
                .params(path.toString(), fingerprint, plan, path.getFileName().toString(), cycleId)
                .query(Long.class)
                .single());
        JobParameters parameters = new JobParametersBuilder()
                .addLong(ImportSupportersJobConfiguration.RUN_ID, runId)
                .toJobParameters();
        JobExecution execution;
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "contacts-" + runId));
        try {
            Future<JobExecution> running = worker.submit(() -> launcher.run(job, parameters));
            while (!running.isDone()) {
                Thread.sleep(Math.max(50, every.toMillis()));
                if (progress != null) {
                    runs.progress(runId).ifPresent(progress);
                }
            }
            execution = running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("contact import " + runId + " failed: " + e.getMessage(), e);
        } finally {
            worker.shutdownNow();
        }
        if (progress != null) {
            runs.progress(runId).ifPresent(progress);
        }
        String exit = execution.getAllFailureExceptions().stream()
                .map(Throwable::getMessage)
                .findFirst()
                .orElse(execution.getExitStatus().getExitDescription());
        return outcome(runId, execution.getStatus().name(), exit, failed.isPresent(), false);
    }

    private Optional<Long> last(Path path, String fingerprint, String cycleId, String status) {
        return jdbc.sql("""
                        select id from import_run where kind = 'CONTACTS' and file_path = ? and file_fingerprint = ?
                            and cycle_id = ? and status = ? order by id desc limit 1""")
                .params(path.toString(), fingerprint, cycleId, status)
                .query(Long.class)
                .optional();
    }

    private Outcome outcome(long runId, String batchStatus, String exit, boolean resumed, boolean already) {
        return jdbc.sql("""
                        select rows_read, contacts_created, rows_rejected, unassigned, rejects_report
                        from import_run where id = ?""")
                .param(runId)
                .query((rs, n) -> new Outcome(
                        runId,
                        batchStatus,
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getString(5),
                        exit,
                        resumed,
                        already))
                .single();
    }

    /** A campaign's contact import as listed on its page: the file, where it stands, and its counts. */
    public record Listed(long runId, String file, String status, long read, long created, long rejected) {}

    /** One rejected row: its line in the file and why. */
    public record Reject(long line, String reason) {}

    /** The campaign's most recent contact imports, newest first. */
    public java.util.List<Listed> recent(String cycleId, int limit) {
        return jdbc.sql("""
                        select id, default_source, status, rows_read, contacts_created, rows_rejected from import_run
                        where kind = 'CONTACTS' and cycle_id = ? order by id desc limit ?""")
                .params(cycleId, limit)
                .query((rs, n) -> new Listed(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                .list();
    }

    /** The first {@code limit} rows an import rejected, by line. */
    public java.util.List<Reject> rejects(long runId, int limit) {
        return jdbc.sql("select line, reason from import_reject where run_id = ? order by line limit ?")
                .params(runId, limit)
                .query((rs, n) -> new Reject(rs.getLong(1), rs.getString(2)))
                .list();
    }

    static String fingerprint(Path file) {
        try {
            return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
