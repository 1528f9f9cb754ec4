package org.primarypipeline.batch.importsupporters;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.primarypipeline.activities.supporter.DistrictPlanStore;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.geo.DistrictPlan;
import org.primarypipeline.core.geo.DistrictPlans;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the partitions of one import share: the plan and its groups, the run's settings and the key
 * index of who is on the list. Built once per run and process (a restart builds it afresh from the
 * database, which then holds what the committed chunks wrote), dropped when the job ends.
 */
@Component
public class ImportRunContext {

    /** One run's shared state. */
    public record Run(long id, Path file, DistrictPlan plan, Map<DistrictId, Long> groups, SupporterKeys keys,
                      String defaultSource, boolean joinByDefault, String memberSequence, Map<DistrictId, String> keyText) {

        /** The district's key as stored ({@code TX-07}), without formatting it again for every row. */
        String key(DistrictId district) {
            return keyText.get(district);
        }
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final DistrictPlanStore plans;
    private final Map<Long, Run> runs = new ConcurrentHashMap<>();

    public ImportRunContext(JdbcClient jdbc, DataSource dataSource, DistrictPlanStore plans) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.plans = plans;
    }

    public Run of(long runId) {
        return runs.computeIfAbsent(runId, this::load);
    }

    public void release(long runId) {
        runs.remove(runId);
    }

    private Run load(long runId) {
        record Row(String path, String plan, String source, boolean join) {
        }
        Row row = jdbc.sql("select file_path, plan_id, default_source, join_by_default from import_run where id = ?")
                .param(runId).query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .optional().orElseThrow(() -> new IllegalArgumentException("no import run " + runId));
        DistrictPlan plan = DistrictPlans.load(row.plan());
        plans.ensure(plan);
        Map<DistrictId, Long> groups = new HashMap<>();
        jdbc.sql("select district_id, id from district_group where plan_id = ?").param(plan.id())
                .query(rs -> {
                    groups.put(DistrictId.parse(rs.getString(1)), rs.getLong(2));
                });
        String sequence = jdbc.sql("select pg_get_serial_sequence('member', 'id')").query(String.class).single();
        Map<DistrictId, String> keyText = new HashMap<>();
        plan.districts().forEach(d -> keyText.put(d, d.toString()));
        Path file = Path.of(row.path());
        // about 100 bytes a row in the lists we have seen; only sizes the key index
        long expectedRows = file.toFile().length() / 100;
        return new Run(runId, file, plan, new HashMap<>(groups), SupporterKeys.load(dataSource, expectedRows), row.source(),
                row.join(), sequence, keyText);
    }
}
