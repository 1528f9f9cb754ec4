package org.primarypipeline.batch.importsupporters;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.geo.DistrictPlan;
import org.primarypipeline.core.geo.DistrictPlans;
import org.primarypipeline.supporters.DistrictPlanStore;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the partitions of one import share: the plan and its groups, the run's settings and the key
 * index of who is on the list. Built once per run and process from the {@code import_run} row (a
 * restart builds it afresh from the database, which then holds what the committed chunks wrote; a batch
 * worker builds its own), held while a partition of the run runs in this process and dropped when the
 * last one ends, so a batch worker does not keep a million keys after its partitions are done.
 */
@Component
public class ImportRunContext {

    /** One run's shared state. */
    public record Run(
            long id,
            Path file,
            DistrictPlan plan,
            Map<DistrictId, Long> groups,
            SupporterKeys keys,
            String defaultSource,
            boolean joinByDefault,
            String memberSequence,
            Map<DistrictId, String> keyText) {

        /** The district's key as stored ({@code TX-07}), without formatting it again for every row. */
        String key(DistrictId district) {
            return keyText.get(district);
        }
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final DistrictPlanStore plans;
    private final Map<Long, Run> runs = new ConcurrentHashMap<>();
    private final Map<Long, Integer> holders = new HashMap<>();

    public ImportRunContext(JdbcClient jdbc, DataSource dataSource, DistrictPlanStore plans) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.plans = plans;
    }

    public Run of(long runId) {
        return runs.computeIfAbsent(runId, this::load);
    }

    /** Holds the run's context for each partition from its start to its end, whether it ends well or not. */
    public StepExecutionListener heldByEachPartition() {
        return new StepExecutionListener() {
            @Override
            public void beforeStep(StepExecution step) {
                hold(step.getJobParameters().getLong(ImportSupportersJobConfiguration.RUN_ID));
            }

            @Override
            public ExitStatus afterStep(StepExecution step) {
                letGo(step.getJobParameters().getLong(ImportSupportersJobConfiguration.RUN_ID));
                return null;
            }
        };
    }

    synchronized void hold(long runId) {
        holders.merge(runId, 1, Integer::sum);
    }

    synchronized void letGo(long runId) {
        if (holders.merge(runId, -1, Integer::sum) <= 0) {
            holders.remove(runId);
            runs.remove(runId);
        }
    }

    /** Forgets the run whoever holds it: its job has ended. */
    public synchronized void drop(long runId) {
        holders.remove(runId);
        runs.remove(runId);
    }

    private Run load(long runId) {
        record Row(String path, String fingerprint, String plan, String source, boolean join) {}
        Row row = jdbc.sql("""
                select file_path, file_fingerprint, plan_id, default_source, join_by_default from import_run where id = ?""")
                .param(runId)
                .query((rs, n) ->
                        new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)))
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("no import run " + runId));
        Path file = Path.of(row.path());
        // a batch worker reads the file where the import was started: on a volume they share, not a copy of its own
        if (!java.nio.file.Files.isReadable(file)) {
            throw new IllegalStateException("import " + runId + ": cannot read " + file
                    + " here; every process that runs its partitions needs the file at that path");
        }
        if (!SupporterImports.fingerprint(file).equals(row.fingerprint())) {
            throw new IllegalStateException("import " + runId + ": " + file
                    + " here is not the file the import was started with (size and modification time differ)");
        }
        DistrictPlan plan = DistrictPlans.load(row.plan());
        plans.ensure(plan);
        Map<DistrictId, Long> groups = new HashMap<>();
        jdbc.sql("select district_id, id from district_group where plan_id = ?")
                .param(plan.id())
                .query(rs -> {
                    groups.put(DistrictId.parse(rs.getString(1)), rs.getLong(2));
                });
        String sequence = jdbc.sql("select pg_get_serial_sequence('member', 'id')")
                .query(String.class)
                .single();
        Map<DistrictId, String> keyText = new HashMap<>();
        plan.districts().forEach(d -> keyText.put(d, d.toString()));
        // about 100 bytes a row in the lists we have seen; only sizes the key index
        long expectedRows = file.toFile().length() / 100;
        return new Run(
                runId,
                file,
                plan,
                new HashMap<>(groups),
                SupporterKeys.load(dataSource, runId, expectedRows),
                row.source(),
                row.join(),
                sequence,
                keyText);
    }
}
