package org.primarypipeline.benchmarks;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.primarypipeline.batch.importcontacts.ContactImports;
import org.primarypipeline.core.supporter.SupporterCsvGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pp bench contacts}: a generated voter file (the supporter benchmark's generator: real ZIPs and
 * coordinates, 1% invalid rows) imported into one campaign's contacts by the {@code importContacts} job,
 * validated, districted and copied; only the job is timed.
 */
@Command(name = "contacts", description = "Import a generated 1,000,000-row voter file into a campaign's contacts.")
public class ContactsBench implements Runnable {

    @Option(names = "--rows", defaultValue = "1000000", description = "Rows in the file (default ${DEFAULT-VALUE}).")
    int rows;

    @Override
    public void run() {
        PrintStream out = System.out;
        Path file = null;
        try (SupporterBenchDatabase db = new SupporterBenchDatabase()) {
            file = Files.createTempFile("pp-bench-contacts-", ".csv");
            new SupporterCsvGenerator(2026, 0).write(file, rows);
            String cycle = campaign(db.jdbc());
            long start = System.nanoTime();
            ContactImports.Outcome o =
                    db.bean(ContactImports.class).importFile(file, cycle, Duration.ofSeconds(1), null);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!"COMPLETED".equals(o.status())) {
                throw new IllegalStateException("the import did not complete: " + o.exitDescription());
            }
            if (o.rejectsReport() != null) {
                Files.deleteIfExists(Path.of(o.rejectsReport()));
            }
            out.printf("contacts.seconds: %.1f s%n", seconds);
            out.printf("contacts.rows: %d count%n", o.read());
            out.printf("contacts.created: %d count%n", o.created());
            out.printf("contacts.rejected: %d count%n", o.rejected());
            out.printf("contacts.rows_per_second: %.0f rows/s%n", o.read() / seconds);
            out.printf(
                    "contacts.load_average: %.1f%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
        } catch (Exception e) {
            throw new IllegalStateException("bench contacts failed: " + e.getMessage(), e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    /** One campaign to import into (with the cycle, candidate and candidacy it refers to). */
    static String campaign(JdbcClient jdbc) {
        String plan = jdbc.sql("select id from district_plan where is_current")
                .query(String.class)
                .single();
        jdbc.sql("""
                        insert into cycle (id, plan_id, district_id, sequence, status, stage, settings, created_by)
                        values ('KY-06-BENCH', ?, 'KY-06', 1, 'COMPLETED', 'CERTIFIED', '{}', 'bench')""").param(plan).update();
        long candidate = jdbc.sql("insert into candidate (full_name) values ('Bench Candidate') returning id")
                .query(Long.class)
                .single();
        long candidacy = jdbc.sql("""
                        insert into candidacy (cycle_id, candidate_id, source, status)
                        values ('KY-06-BENCH', ?, 'DECLARED', 'APPROVED') returning id""").param(candidate).query(Long.class).single();
        jdbc.sql("insert into campaign (cycle_id, district_id, candidacy_id) values ('KY-06-BENCH', 'KY-06', ?)")
                .param(candidacy)
                .update();
        return "KY-06-BENCH";
    }
}
