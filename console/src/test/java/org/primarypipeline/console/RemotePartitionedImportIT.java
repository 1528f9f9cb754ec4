package org.primarypipeline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.primarypipeline.batch.importsupporters.ImportRuns;
import org.primarypipeline.batch.importsupporters.SupporterImports;
import org.primarypipeline.core.supporter.SupporterCsvGenerator;
import org.primarypipeline.platform.db.EmbeddedPostgresServer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The supporter import partitioned across processes: the same generated list (bad rows, repeats, consent
 * flags, joiners) is imported into one database by the default job (threads in this JVM) and into
 * another by a manager ({@code pp import-supporters} with {@code pp.batch.partitioning=remote}) and two
 * {@code pp batch-worker} processes of the packaged jar, which read the file where the manager found it.
 * Both must store the same supporters, districts, memberships, consent records and rejects, and count
 * the same new, known, repeated and rejected rows; each worker must have run partitions. Repeats of a row that the other worker wrote meet
 * PostgreSQL's unique index there, not a shared key index, and must still count as repeats.
 */
class RemotePartitionedImportIT {

    private static final int ROWS = 12_000;
    private static final int GRID = 4;

    @TempDir
    Path dir;

    @Test
    void twoBatchWorkersImportTheListExactlyAsTheLocalJobDoes() throws Exception {
        Path file = dir.resolve("supporters.csv");
        new SupporterCsvGenerator(2027, 0.25).write(file, ROWS);

        ImportRuns.ImportRun local;
        Map<String, List<String>> localState;
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startFresh();
                ConfigurableApplicationContext app =
                        BatchJvm.appInThisJvm(postgres.jdbcUrl(), dir.resolve("local"), GRID)) {
            SupporterImports.Outcome outcome =
                    app.getBean(SupporterImports.class).run(file, new SupporterImports.Options(null, "list", false));
            assertThat(outcome.batchStatus()).as(outcome.exitDescription()).isEqualTo("COMPLETED");
            local = outcome.run();
            localState = state(jdbc(postgres), local.id(), file);
            assertCountsMatchTheTables(jdbc(postgres), local);
        }
        assertThat(local.rowsRead()).isEqualTo(ROWS);
        assertThat(local.rowsRejected()).isPositive();
        assertThat(local.duplicates()).isPositive();

        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startFresh()) {
            String url = postgres.jdbcUrl();
            JdbcClient jdbc = jdbc(postgres);
            // migrated and the public data loaded before the workers start
            BatchJvm.appInThisJvm(url, dir.resolve("remote-loader"), GRID).close();
            try (BatchJvm first = BatchJvm.batchWorker(dir, "w1", url, GRID, "pp.import.chunk-size=1000");
                    BatchJvm second = BatchJvm.batchWorker(dir, "w2", url, GRID, "pp.import.chunk-size=1000")) {
                first.awaitReady();
                second.awaitReady();
                BatchJvm.Ended manager = BatchJvm.run(
                        dir,
                        "import-manager",
                        url,
                        first.temporalPort,
                        GRID,
                        "import-supporters",
                        file.toString(),
                        "--source",
                        "list",
                        "--every",
                        "500ms");
                assertThat(manager.exit()).as(manager.output()).isZero();
                assertThat(manager.output()).contains("rows read");

                long runId = jdbc.sql("select max(id) from import_run")
                        .query(Long.class)
                        .single();
                ImportRuns.ImportRun remote = new ImportRuns(jdbc).find(runId).orElseThrow();
                assertThat(remote.status()).isEqualTo("COMPLETED");
                assertThat(List.of(
                                remote.rowsRead(),
                                remote.rowsRejected(),
                                remote.created(),
                                remote.matched(),
                                remote.duplicates()))
                        .isEqualTo(List.of(
                                local.rowsRead(),
                                local.rowsRejected(),
                                local.created(),
                                local.matched(),
                                local.duplicates()));
                assertCountsMatchTheTables(jdbc, remote);
                Map<String, List<String>> remoteState = state(jdbc, runId, file);
                for (String part : localState.keySet()) {
                    assertThat(remoteState.get(part)).as(part).isEqualTo(localState.get(part));
                }

                List<String> partitions =
                        jdbc.sql("""
                        select s.step_name || '=' || s.status from batch_step_execution s
                        join import_run r on r.job_execution_id = s.job_execution_id
                        where r.id = ? and s.step_name like 'import-rows-worker:%' order by s.step_name
                        """).param(runId).query(String.class).list();
                assertThat(partitions).hasSize(GRID).allMatch(p -> p.endsWith("=COMPLETED"));
                int byFirst = ran(first.log());
                int bySecond = ran(second.log());
                assertThat(byFirst).as("partitions run by the first worker").isPositive();
                assertThat(bySecond).as("partitions run by the second worker").isPositive();
                assertThat(byFirst + bySecond).isEqualTo(GRID);
            }
        }
    }

    /**
     * Joined, provisional and unassigned depend on which of two rows with one email stands (they may differ
     * in address and in asking to join), so they are checked against what each database holds.
     */
    private static void assertCountsMatchTheTables(JdbcClient jdbc, ImportRuns.ImportRun run) {
        assertThat(List.of(run.joined(), run.provisional(), run.unassigned()))
                .isEqualTo(jdbc.sql("""
                select (select count(*) from group_membership where left_at is null),
                       count(*) filter (where district_provisional), count(*) filter (where district_id is null)
                from member
                """)
                        .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                        .single());
    }

    private static JdbcClient jdbc(EmbeddedPostgresServer postgres) {
        return JdbcClient.create(new DriverManagerDataSource(
                postgres.jdbcUrl(), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.USER));
    }

    /**
     * What an import leaves, part by part. Which of two rows with the same email is stored is whichever a
     * partition reached first, so a repeated email's other fields are compared only as a key.
     */
    private static Map<String, List<String>> state(JdbcClient jdbc, long runId, Path file) throws Exception {
        String[] repeated = repeatedEmails(file).toArray(String[]::new);
        Map<String, List<String>> state = new HashMap<>();
        state.put(
                "emails",
                jdbc.sql("select lower(email) from member order by 1")
                        .query(String.class)
                        .list());
        state.put(
                "supporters", jdbc.sql("""
                select concat_ws('|', lower(email), phone, full_name, street, city, state, zip, latitude, longitude,
                                 source, district_plan_id, district_id, district_source, district_provisional,
                                 district_reason, joined_at is not null)
                from member where not lower(email) = any(?) order by 1
                """).param(repeated).query(String.class).list());
        state.put(
                "memberships", jdbc.sql("""
                select g.district_id || ' ' || lower(m.email) from group_membership gm
                join district_group g on g.id = gm.group_id join member m on m.id = gm.member_id
                where gm.left_at is null and not lower(m.email) = any(?) order by 1
                """).param(repeated).query(String.class).list());
        state.put("consent", jdbc.sql("""
                select concat_ws('|', channel, address, opted_out, source) from consent order by 1
                """).query(String.class).list());
        state.put(
                "rejects",
                jdbc.sql("select line || ' ' || reason from import_reject where run_id = ? order by line")
                        .param(runId)
                        .query(String.class)
                        .list());
        return state;
    }

    private static Set<String> repeatedEmails(Path file) throws Exception {
        Map<String, Integer> seen = new HashMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)) {
                seen.merge(row.get("email").trim().toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        return seen.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private static int ran(String log) {
        int count = 0;
        for (int at = log.indexOf(" ran import-rows-worker");
                at >= 0;
                at = log.indexOf(" ran import-rows-worker", at + 1)) {
            count++;
        }
        return count;
    }
}
