package org.primarypipeline.batch.assigndistricts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.primarypipeline.batch.copy.CopyRows;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.geo.Assignment;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamWriter;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rewrites a chunk of supporters' districts in the chunk's transaction: the new assignments are copied
 * into a temporary table and applied in one statement, leaving unchanged rows alone (re-running on the
 * same plan writes nothing). Counts what moved as it goes; the counts are saved with each chunk.
 */
public class ReassignWriter implements ItemStreamWriter<List<Reassigned>> {

    static final String COUNTS = "reassign-writer.";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final String planId;
    /** District keys as stored, formatted once rather than for every supporter. */
    private final Map<DistrictId, String> keys = new HashMap<>();

    private long supporters;
    private long moved;
    private long newlyAssigned;
    private long unassigned;
    private long provisional;

    public ReassignWriter(DataSource dataSource, JdbcClient jdbc, String planId) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.planId = planId;
    }

    @Override
    public void open(ExecutionContext context) {
        supporters = context.getLong(COUNTS + "supporters", 0);
        moved = context.getLong(COUNTS + "moved", 0);
        newlyAssigned = context.getLong(COUNTS + "newlyAssigned", 0);
        unassigned = context.getLong(COUNTS + "unassigned", 0);
        provisional = context.getLong(COUNTS + "provisional", 0);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(COUNTS + "supporters", supporters);
        context.putLong(COUNTS + "moved", moved);
        context.putLong(COUNTS + "newlyAssigned", newlyAssigned);
        context.putLong(COUNTS + "unassigned", unassigned);
        context.putLong(COUNTS + "provisional", provisional);
    }

    @Override
    public void write(Chunk<? extends List<Reassigned>> blocks) {
        List<Reassigned> chunk = new ArrayList<>();
        blocks.forEach(chunk::addAll);
        CopyRows rows = new CopyRows(chunk.size());
        long movedHere = 0;
        long newHere = 0;
        long noneHere = 0;
        long provisionalHere = 0;
        for (Reassigned r : chunk) {
            Assignment a = r.after();
            String after = a.assigned() ? keys.computeIfAbsent(a.districtId(), DistrictId::toString) : null;
            rows.add(r.memberId())
                    .add(after)
                    .add(a.source() == null ? null : a.source().name())
                    .add(a.provisional())
                    .add(a.reason())
                    .endRow();
            if (after == null) {
                noneHere++;
            } else if (r.before() == null) {
                newHere++;
            } else if (!after.equals(r.before())) {
                movedHere++;
            }
            if (a.provisional()) {
                provisionalHere++;
            }
        }
        jdbc.sql("""
                create temp table if not exists reassign_chunk (member_id bigint, district_id text, source text,
                    provisional boolean, reason text) on commit delete rows""").update();
        rows.copyInto(dataSource, "reassign_chunk (member_id, district_id, source, provisional, reason)");
        jdbc.sql("""
                update member m set district_plan_id = ?, district_id = s.district_id, district_source = s.source,
                    district_provisional = s.provisional, district_reason = s.reason, district_assigned_at = now()
                from reassign_chunk s
                where m.id = s.member_id
                  and (m.district_plan_id, m.district_id, m.district_source, m.district_provisional, m.district_reason)
                      is distinct from (?, s.district_id, s.source, s.provisional, s.reason)
                """).params(planId, planId).update();
        supporters += chunk.size();
        moved += movedHere;
        newlyAssigned += newHere;
        unassigned += noneHere;
        provisional += provisionalHere;
    }
}
