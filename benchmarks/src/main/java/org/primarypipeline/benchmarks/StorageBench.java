package org.primarypipeline.benchmarks;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.primarypipeline.batch.importsupporters.SupporterImports;
import org.primarypipeline.core.supporter.SupporterCsvGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pp bench storage}: what supporters cost on disk, measured rather than guessed. A generated
 * supporter list of {@code --rows} rows is imported by the real import into a fresh embedded
 * PostgreSQL (after {@code VACUUM ANALYZE}); every table's total size (rows, indexes, TOAST) is taken
 * before and after, and the growth is printed per table and per supporter. The vote's tables are
 * measured by {@code pp bench recount} ({@code recount.table_bytes.*}). For deploy/CAPACITY.md.
 */
@Command(
        name = "storage",
        description = "Bytes on disk per imported supporter, table by table (fresh embedded PostgreSQL).")
public class StorageBench implements Runnable {

    @Option(names = "--rows", defaultValue = "100000", description = "Supporters imported (default ${DEFAULT-VALUE}).")
    int rows;

    @Override
    public void run() {
        PrintStream out = System.out;
        Path file = null;
        try (SupporterBenchDatabase db = new SupporterBenchDatabase()) {
            file = Files.createTempFile("pp-bench-storage-", ".csv");
            new SupporterCsvGenerator(2026, 0.25).write(file, rows);
            Map<String, Long> before = sizes(db.jdbc());
            SupporterImports.Outcome outcome =
                    db.bean(SupporterImports.class).run(file, SupporterImports.Options.defaults());
            if (!"COMPLETED".equals(outcome.batchStatus())) {
                throw new IllegalStateException("the import did not complete: " + outcome.exitDescription());
            }
            if (outcome.run().rejectsReport() != null) {
                Files.deleteIfExists(Path.of(outcome.run().rejectsReport()));
            }
            Map<String, Long> after = sizes(db.jdbc());
            long created = outcome.run().created();
            long grown = 0;
            for (Map.Entry<String, Long> table : after.entrySet()) {
                long delta = table.getValue() - before.getOrDefault(table.getKey(), 0L);
                if (delta > 0 && !table.getKey().startsWith("batch_")) {
                    grown += delta;
                    out.printf("storage.table_bytes.%s: %d bytes%n", table.getKey(), delta);
                }
            }
            out.printf("storage.supporters: %d count%n", created);
            out.printf(Locale.ROOT, "storage.bytes_per_supporter: %.0f bytes%n", (double) grown / created);
        } catch (Exception e) {
            throw new IllegalStateException("bench storage failed: " + e.getMessage(), e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    private static Map<String, Long> sizes(JdbcClient jdbc) {
        jdbc.sql("vacuum analyze").update();
        Map<String, Long> sizes = new TreeMap<>();
        jdbc.sql("""
                select relname, pg_total_relation_size(oid) from pg_class
                where relkind = 'r' and relnamespace = 'public'::regnamespace
                """)
                .query((rs, n) -> sizes.put(rs.getString(1), rs.getLong(2)))
                .list();
        return sizes;
    }
}
