package org.primarypipeline.batch.assigndistricts;

import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.primarypipeline.batch.copy.CopyRows;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.geo.Assignment;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;

/** Copies a chunk of new assignments into the run's staging table, in the chunk's transaction. */
public class ReassignWriter implements ItemWriter<Reassigned> {

    private final DataSource dataSource;
    private final String stagingTable;
    /** District keys as stored, formatted once rather than for every supporter. */
    private final Map<DistrictId, String> keys = new HashMap<>();

    public ReassignWriter(DataSource dataSource, String stagingTable) {
        this.dataSource = dataSource;
        this.stagingTable = stagingTable;
    }

    @Override
    public void write(Chunk<? extends Reassigned> chunk) {
        CopyRows rows = new CopyRows(chunk.size());
        for (Reassigned r : chunk) {
            Assignment a = r.after();
            rows.add(r.memberId()).add(r.before()).add(a.assigned() ? keys.computeIfAbsent(a.districtId(), DistrictId::toString) : null)
                    .add(a.source() == null ? null : a.source().name()).add(a.provisional()).add(a.reason()).endRow();
        }
        rows.copyInto(dataSource, stagingTable + " (member_id, before, district_id, source, provisional, reason)");
    }
}
