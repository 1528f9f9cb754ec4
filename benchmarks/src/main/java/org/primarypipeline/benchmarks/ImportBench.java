package org.primarypipeline.benchmarks;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.postgresql.PGConnection;
import org.primarypipeline.batch.importsupporters.SupporterImports;
import org.primarypipeline.core.supporter.SupporterCsvGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pp bench import}: a generated national list (real ZIPs and coordinates, 1% invalid rows, 0.5%
 * repeats, a quarter joining their group) is imported by the import job, validated, districted and stored;
 * in the same run the same file is copied with a plain {@code COPY} into a bare table, the floor any
 * import of it stands on.
 */
@Command(
        name = "import",
        description = "Import a generated 1,000,000-row supporter list; compare with a plain COPY of the file.")
public class ImportBench implements Runnable {

    @Option(
            names = "--rows",
            defaultValue = "1000000",
            description = "Rows in the generated file (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(
            names = "--joined",
            defaultValue = "0.25",
            description = "Share of rows that join their district group (default ${DEFAULT-VALUE}).")
    double joined;

    @Override
    public void run() {
        PrintStream out = System.out;
        Path file = null;
        try (SupporterBenchDatabase db = new SupporterBenchDatabase()) {
            file = Files.createTempFile("pp-bench-supporters-", ".csv");
            new SupporterCsvGenerator(2026, joined).write(file, rows);
            CpuMeter cpu = new CpuMeter(
                    db.jdbc().sql("show data_directory").query(String.class).single());
            double[] before = cpu.seconds();
            double copySeconds = plainCopy(db, file);
            double[] afterCopy = cpu.seconds();
            long start = System.nanoTime();
            SupporterImports.Outcome outcome =
                    db.bean(SupporterImports.class).run(file, SupporterImports.Options.defaults());
            double importSeconds = (System.nanoTime() - start) / 1e9;
            double[] afterImport = cpu.seconds();
            double copyCpu = afterCopy[0] - before[0] + afterCopy[1] - before[1];
            double importJvm = afterImport[0] - afterCopy[0];
            double importPostgres = afterImport[1] - afterCopy[1];
            if (!"COMPLETED".equals(outcome.batchStatus())) {
                throw new IllegalStateException("the import did not complete: " + outcome.exitDescription());
            }
            if (outcome.run().rejectsReport() != null) {
                deleteQuietly(Path.of(outcome.run().rejectsReport()));
            }
            Reference member = memberTableCopy(db, cpu);
            double memberCopySeconds = member.seconds();
            out.printf("import.seconds: %.1f s%n", importSeconds);
            out.printf("import.copy_seconds: %.1f s%n", copySeconds);
            out.printf("import.ratio: %.2f x%n", importSeconds / copySeconds);
            // processor time, JVM and PostgreSQL together: what the job costs, whatever else the machine runs
            out.printf("import.cpu_seconds: %.1f s%n", importJvm + importPostgres);
            out.printf("import.cpu_jvm_seconds: %.1f s%n", importJvm);
            out.printf("import.cpu_postgres_seconds: %.1f s%n", importPostgres);
            out.printf("import.copy_cpu_seconds: %.1f s%n", copyCpu);
            out.printf("import.cpu_ratio: %.2f x%n", (importJvm + importPostgres) / copyCpu);
            out.printf(
                    "import.load_average: %.1f%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            out.printf("import.member_copy_seconds: %.1f s%n", memberCopySeconds);
            out.printf("import.member_copy_ratio: %.2f x%n", memberCopySeconds / copySeconds);
            // the import over the same rows stored into a table of member's shape with its indexes (#20)
            out.printf("import.table_ratio: %.2f x%n", importSeconds / memberCopySeconds);
            // the same in processor time, which swings much less than wall time with other work on the machine
            out.printf("import.member_copy_cpu_seconds: %.1f s%n", member.cpuSeconds());
            out.printf("import.table_cpu_ratio: %.2f x%n", (importJvm + importPostgres) / member.cpuSeconds());
            // 1 when the JVM ran without the optimising compiler, as `pp import-supporters` runs; 4 by default
            out.printf("import.compiler_tier_cap: %s tier%n", compilerTierCap());
            out.printf(
                    "import.partitions: %d count%n",
                    db.jdbc()
                            .sql("select count(*) from import_progress where run_id = ?")
                            .param(outcome.run().id())
                            .query(Long.class)
                            .single());
            out.printf("import.rows: %d count%n", outcome.run().rowsRead());
            out.printf("import.created: %d count%n", outcome.run().created());
            out.printf("import.rejected: %d count%n", outcome.run().rowsRejected());
            out.printf("import.joined: %d count%n", outcome.run().joined());
            out.printf("import.rows_per_second: %.0f rows/s%n", outcome.run().rowsRead() / importSeconds);
        } catch (Exception e) {
            throw new IllegalStateException("bench import failed: " + e.getMessage(), e);
        } finally {
            deleteQuietly(file);
        }
    }

    private static String compilerTierCap() {
        return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("TieredStopAtLevel")
                .getValue();
    }

    /** The same file, as it is, into a table of text columns with no index: the floor. */
    static double plainCopy(SupporterBenchDatabase db, Path file) throws Exception {
        db.jdbc().sql("""
                create table bench_plain_copy (name text, email text, phone text, street text, city text, state text,
                    zip text, latitude text, longitude text, source text, email_consent text, sms_consent text, joined text)
                """).update();
        long start = System.nanoTime();
        try (Connection c = db.dataSource().getConnection();
                InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy bench_plain_copy from stdin with (format csv, header true)", in);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        db.jdbc().sql("drop table bench_plain_copy").update();
        return seconds;
    }

    /** The reference's wall time and processor time (JVM and PostgreSQL together). */
    record Reference(double seconds, double cpuSeconds) {}

    /**
     * The stored supporters copied again, as they are, into an empty table of {@code member}'s shape: what
     * writing the rows alone costs, before any reading, validating or districting. For the comparison to be
     * honest the table is {@code member} in all that makes a write cost: every column, default and check,
     * every index (the primary key and the unique email and phone indexes every member row must pass;
     * checked, not assumed) and {@code member}'s storage parameters (its fill factor: {@code LIKE} copies no
     * storage parameter, and a table filled to 100% writes fewer pages than {@code member} does). The rows
     * go in COPY's binary format, as the import sends its new supporters: the cheapest way there is to
     * store them.
     */
    static Reference memberTableCopy(SupporterBenchDatabase db, CpuMeter cpu) throws Exception {
        Path rows = Files.createTempFile("pp-bench-members-", ".copy");
        try (Connection c = db.dataSource().getConnection()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(rows), 1 << 16)) {
                pg.getCopyAPI().copyOut("copy member to stdout (format binary)", out);
            }
            String storage = db.jdbc()
                    .sql(
                            "select coalesce(array_to_string(reloptions, ', '), '') from pg_class where oid = 'member'::regclass")
                    .query(String.class)
                    .single();
            try (var s = c.createStatement()) {
                s.execute("create table bench_member_copy (like member including all)"
                        + (storage.isEmpty() ? "" : " with (" + storage + ")"));
            }
            List<String> memberIndexes = indexShapes(db, "member");
            List<String> copyIndexes = indexShapes(db, "bench_member_copy");
            if (!memberIndexes.equals(copyIndexes)) {
                throw new IllegalStateException(
                        "the reference table's indexes " + copyIndexes + " are not member's " + memberIndexes);
            }
            double[] before = cpu.seconds();
            long start = System.nanoTime();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(rows), 1 << 16)) {
                pg.getCopyAPI().copyIn("copy bench_member_copy from stdin (format binary)", in);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = cpu.totalSince(before);
            try (var s = c.createStatement()) {
                s.execute("drop table bench_member_copy");
            }
            return new Reference(seconds, cpuSeconds);
        } finally {
            deleteQuietly(rows);
        }
    }

    /** A table's indexes, primary or unique, as their definitions read without the index's and the table's names. */
    private static List<String> indexShapes(SupporterBenchDatabase db, String table) {
        return db.jdbc().sql("""
                        select case when indisprimary then 'primary ' when indisunique then 'unique ' else '' end
                               || regexp_replace(pg_get_indexdef(indexrelid), '^.*? ON \\S+ ', '')
                        from pg_index where indrelid = ?::regclass order by 1""").param(table).query(String.class).list();
    }

    static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (Exception e) {
            // a temporary file left behind is harmless
        }
    }
}
