package org.primarypipeline.benchmarks;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.primarypipeline.batch.cutturf.TurfCuts;
import org.primarypipeline.batch.importcontacts.ContactImports;
import org.primarypipeline.contacts.Universe;
import org.primarypipeline.contacts.Universes;
import org.primarypipeline.core.supporter.SupporterCsvGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pp bench turfs}: a generated voter file (the supporter benchmark's generator: real ZIPs and
 * coordinates) imported into a campaign's contacts, then one DOOR universe over all of them cut into turfs of
 * 50 doors by the {@code cut-turf} job (every district of the plan that has contacts); only the job is timed.
 */
@Command(name = "turfs", description = "Cut a generated 100,000-row voter file's households into turfs of 50 doors.")
public class TurfsBench implements Runnable {

    @Option(names = "--rows", defaultValue = "100000", description = "Rows in the file (default ${DEFAULT-VALUE}).")
    int rows;

    @Override
    public void run() {
        PrintStream out = System.out;
        Path file = null;
        try (SupporterBenchDatabase db = new SupporterBenchDatabase()) {
            file = Files.createTempFile("pp-bench-turfs-", ".csv");
            new SupporterCsvGenerator(2026, 0).write(file, rows);
            JdbcClient jdbc = db.jdbc();
            String cycle = ContactsBench.campaign(jdbc);
            ContactImports.Outcome imported =
                    db.bean(ContactImports.class).importFile(file, cycle, Duration.ofSeconds(1), null);
            if (imported.rejectsReport() != null) {
                Files.deleteIfExists(Path.of(imported.rejectsReport()));
            }
            Universes universes = db.bean(Universes.class);
            Universe universe = universes
                    .find(universes.create(cycle, "bench", null, null, List.of(), null, Universe.Channel.DOOR, "bench"))
                    .orElseThrow();
            long start = System.nanoTime();
            TurfCuts.Outcome o = db.bean(TurfCuts.class).cut(universe, "bench", "Hello", List.of(), 50, "bench");
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!"COMPLETED".equals(o.status())) {
                throw new IllegalStateException("the cut did not complete: " + o.failure());
            }
            long districts = jdbc.sql("select count(distinct district_id) from turf where cut_id = ?")
                    .param(o.cut().id())
                    .query(Long.class)
                    .single();
            int largest = jdbc.sql("select max(doors) from turf where cut_id = ?")
                    .param(o.cut().id())
                    .query(Integer.class)
                    .single();
            out.printf("turfs.seconds: %.1f s%n", seconds);
            out.printf("turfs.contacts: %d count%n", imported.created());
            out.printf("turfs.households: %d count%n", o.cut().households());
            out.printf("turfs.turfs: %d count%n", o.cut().turfs());
            out.printf("turfs.districts: %d count%n", districts);
            out.printf("turfs.largest: %d doors%n", largest);
            out.printf(
                    "turfs.households_per_second: %.0f households/s%n", o.cut().households() / seconds);
            out.printf(
                    "turfs.load_average: %.1f%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
        } catch (Exception e) {
            throw new IllegalStateException("bench turfs failed: " + e.getMessage(), e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }
}
