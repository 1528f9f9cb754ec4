package org.primarypipeline.batch.importcontacts;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.primarypipeline.batch.copy.CopyRows;
import org.primarypipeline.batch.importsupporters.ImportBlock;
import org.primarypipeline.batch.importsupporters.RejectRecorder;
import org.primarypipeline.core.supporter.SupporterRecord;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamWriter;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Copies a chunk's contacts into {@code contact} and its rejects into {@code import_reject}, and writes the
 * partition's progress, all in the chunk's transaction: a chunk that rolls back leaves nothing, and a
 * restarted partition carries on after its last committed chunk. Contacts are not members: no key index,
 * no consent, no group; a person listed twice is two contacts (a voter file has one row per voter).
 */
public class ContactWriter implements ItemStreamWriter<ContactBlock> {

    static final String COUNTS = "contacts.";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final long runId;
    private final String cycleId;
    private final String partition;
    private final RejectRecorder rejects;
    private long read;
    private long rejected;
    private long unassigned;

    public ContactWriter(DataSource dataSource, JdbcClient jdbc, long runId, String cycleId, String partition) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.runId = runId;
        this.cycleId = cycleId;
        this.partition = partition;
        this.rejects = new RejectRecorder(dataSource, runId);
    }

    @Override
    public void open(ExecutionContext context) {
        read = context.getLong(COUNTS + "read", 0);
        rejected = context.getLong(COUNTS + "rejected", 0);
        unassigned = context.getLong(COUNTS + "unassigned", 0);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(COUNTS + "read", read);
        context.putLong(COUNTS + "rejected", rejected);
        context.putLong(COUNTS + "unassigned", unassigned);
    }

    static long unassigned(ExecutionContext context) {
        return context.getLong(COUNTS + "unassigned", 0);
    }

    @Override
    public void write(Chunk<? extends ContactBlock> chunk) {
        List<ImportBlock.Reject> rejectedHere = new ArrayList<>();
        long readHere = 0;
        int rows = 0;
        for (ContactBlock block : chunk) {
            rows += block.rows().size();
        }
        CopyRows copy = new CopyRows(rows);
        for (ContactBlock block : chunk) {
            readHere += block.size();
            rejectedHere.addAll(block.rejects());
            for (ContactRow row : block.rows()) {
                SupporterRecord p = row.person();
                copy.add(cycleId)
                        .add(runId)
                        .add(p.line())
                        .add(p.fullName())
                        .add(p.email())
                        .add(p.phone());
                copy.add(p.street()).add(p.city()).add(p.state()).add(p.zip());
                if (p.hasCoordinates()) {
                    copy.add(p.latitude()).add(p.longitude());
                } else {
                    copy.add((String) null).add((String) null);
                }
                if (row.assignment().assigned()) {
                    copy.add(row.assignment().districtId().toString());
                } else {
                    copy.add((String) null);
                    unassigned++;
                }
                copy.add(row.precinct())
                        .add(row.party())
                        .add(row.age() == null ? null : row.age().longValue());
                copy.add("{" + String.join(",", row.tags()) + "}");
                copy.endRow();
            }
        }
        if (copy.rows() > 0) {
            copy.copyInto(dataSource, """
                    contact (cycle_id, import_run_id, line, full_name, email, phone, street, city, state, zip,
                        latitude, longitude, district_id, precinct, party, age, tags)""");
        }
        rejects.record(rejectedHere);
        read += readHere;
        rejected += rejectedHere.size();
        jdbc.sql("""
                insert into import_progress (run_id, partition, rows_read, rows_written, rows_rejected, updated_at)
                values (?, ?, ?, ?, ?, now())
                on conflict (run_id, partition) do update set rows_read = excluded.rows_read,
                    rows_written = excluded.rows_written, rows_rejected = excluded.rows_rejected, updated_at = now()
                """).params(runId, partition, read, read - rejected, rejected).update();
    }
}
