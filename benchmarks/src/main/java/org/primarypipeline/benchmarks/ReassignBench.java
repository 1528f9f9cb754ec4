package org.primarypipeline.benchmarks;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.primarypipeline.batch.assigndistricts.DistrictReassignments;
import org.primarypipeline.batch.importsupporters.SupporterImports;
import org.primarypipeline.core.supporter.SupporterCsvGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pp bench reassign}: a generated list of a million supporters is imported on the 2026 lines
 * (not timed), then everyone is re-assigned to the 119th Congress lines in one job, group memberships
 * of those who joined moving with them.
 */
@Command(name = "reassign", description = "Re-assign 1,000,000 supporters from the 2026 lines to cd119.")
public class ReassignBench implements Runnable {

    @Option(
            names = "--rows",
            defaultValue = "1000000",
            description = "Supporters in the generated list (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(
            names = "--joined",
            defaultValue = "0.25",
            description = "Share of supporters in a group (default ${DEFAULT-VALUE}).")
    double joined;

    @Override
    public void run() {
        PrintStream out = System.out;
        Path file = null;
        try (SupporterBenchDatabase db = new SupporterBenchDatabase()) {
            file = Files.createTempFile("pp-bench-supporters-", ".csv");
            new SupporterCsvGenerator(2026, joined).write(file, rows);
            SupporterImports.Outcome imported =
                    db.bean(SupporterImports.class).run(file, SupporterImports.Options.defaults());
            if (!"COMPLETED".equals(imported.batchStatus())) {
                throw new IllegalStateException("the import did not complete: " + imported.exitDescription());
            }
            if (imported.run().rejectsReport() != null) {
                ImportBench.deleteQuietly(Path.of(imported.run().rejectsReport()));
            }
            db.jdbc().sql("vacuum analyze member").update();
            CpuMeter cpu = new CpuMeter(
                    db.jdbc().sql("show data_directory").query(String.class).single());
            double[] before = cpu.seconds();
            long start = System.nanoTime();
            DistrictReassignments.Outcome outcome =
                    db.bean(DistrictReassignments.class).reassign("cd119");
            double seconds = (System.nanoTime() - start) / 1e9;
            double[] after = cpu.seconds();
            if (!"COMPLETED".equals(outcome.batchStatus())) {
                throw new IllegalStateException("the re-assignment did not complete: " + outcome.failure());
            }
            DistrictReassignments.Reassignment r = outcome.reassignment();
            out.printf("reassign.seconds: %.1f s%n", seconds);
            out.printf("reassign.cpu_seconds: %.1f s%n", after[0] - before[0] + after[1] - before[1]);
            out.printf("reassign.cpu_jvm_seconds: %.1f s%n", after[0] - before[0]);
            out.printf("reassign.cpu_postgres_seconds: %.1f s%n", after[1] - before[1]);
            out.printf(
                    "reassign.load_average: %.1f%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
            out.printf("reassign.supporters: %d count%n", r.supporters());
            out.printf("reassign.moved: %d count%n", r.moved());
            out.printf("reassign.memberships_moved: %d count%n", r.membershipsMoved());
        } catch (Exception e) {
            throw new IllegalStateException("bench reassign failed: " + e.getMessage(), e);
        } finally {
            ImportBench.deleteQuietly(file);
        }
    }
}
