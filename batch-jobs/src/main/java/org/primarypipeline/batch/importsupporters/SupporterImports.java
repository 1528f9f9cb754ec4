package org.primarypipeline.batch.importsupporters;

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
import org.primarypipeline.supporters.DistrictPlanStore;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Starts supporter imports and reports on them: what the command line, the console and the benchmark
 * call. An import of a file whose last import failed (same path, size and modification time) resumes
 * that run instead of starting over.
 */
@Component
public class SupporterImports {

    /** How to read a file: the plan to district on (null: the current plan), the source for rows without one,
     *  and whether rows that don't say join their district group. */
    public record Options(String planId, String defaultSource, boolean joinByDefault) {
        public static Options defaults() {
            return new Options(null, null, false);
        }
    }

    /** The end of an import: the run record (with its counts and rejects report) and Spring Batch's verdict. */
    public record Outcome(ImportRuns.ImportRun run, String batchStatus, String exitDescription, boolean resumed) {}

    private final JobLauncher launcher;
    private final Job job;
    private final ImportRuns runs;
    private final DistrictPlanStore plans;

    public SupporterImports(
            JobLauncher launcher, @Qualifier("importSupportersJob") Job job, ImportRuns runs, DistrictPlanStore plans) {
        this.launcher = launcher;
        this.job = job;
        this.runs = runs;
        this.plans = plans;
    }

    /** Runs the import to its end in the calling thread. */
    public Outcome run(Path file, Options options) {
        return run(file, options, null, null);
    }

    /**
     * Runs the import in a worker thread and hands {@code progress} a report every {@code every} until it ends.
     */
    public Outcome run(Path file, Options options, Duration every, Consumer<ImportRuns.Progress> progress) {
        Path path = file.toAbsolutePath().normalize();
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException("cannot read " + path);
        }
        String fingerprint = fingerprint(path);
        Optional<Long> failed = runs.failedRunOf(path, fingerprint);
        long runId = failed.orElseGet(() -> runs.create(
                path,
                fingerprint,
                options.planId() != null
                        ? options.planId()
                        : plans.currentPlan()
                                .orElseThrow(() -> new IllegalStateException(
                                        "no current district plan: load the public data first")),
                options.defaultSource() != null
                        ? options.defaultSource()
                        : path.getFileName().toString(),
                options.joinByDefault()));
        JobParameters parameters = new JobParametersBuilder()
                .addLong(ImportSupportersJobConfiguration.RUN_ID, runId)
                .toJobParameters();
        JobExecution execution;
        if (progress == null) {
            execution = launch(parameters);
        } else {
            ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "import-" + runId));
            try {
                Future<JobExecution> running = worker.submit(() -> launch(parameters));
                while (!running.isDone()) {
                    sleep(every);
                    runs.progress(runId).ifPresent(progress);
                }
                execution = running.get();
            } catch (Exception e) {
                throw new IllegalStateException("import " + runId + " failed: " + e.getMessage(), e);
            } finally {
                worker.shutdownNow();
            }
            runs.progress(runId).ifPresent(progress);
        }
        String exit = execution.getAllFailureExceptions().stream()
                .map(Throwable::getMessage)
                .findFirst()
                .orElse(execution.getExitStatus().getExitDescription());
        return new Outcome(runs.find(runId).orElseThrow(), execution.getStatus().name(), exit, failed.isPresent());
    }

    private JobExecution launch(JobParameters parameters) {
        try {
            return launcher.run(job, parameters);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the import: " + e.getMessage(), e);
        }
    }

    public Optional<ImportRuns.Progress> progress(long runId) {
        return runs.progress(runId);
    }

    static String fingerprint(Path file) {
        try {
            return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(50, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
