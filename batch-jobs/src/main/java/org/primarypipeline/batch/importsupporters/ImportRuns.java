package org.primarypipeline.batch.importsupporters;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code import_run} record of each import and its live progress. */
@Repository
public class ImportRuns {

    /** One import as staff see it; the counts are final once {@code status} is COMPLETED. */
    public record ImportRun(
            long id,
            String filePath,
            String planId,
            String status,
            Long totalRows,
            long rowsRead,
            long rowsRejected,
            long created,
            long matched,
            long duplicates,
            long joined,
            long provisional,
            long unassigned,
            String rejectsReport,
            Long jobExecutionId,
            Instant startedAt,
            Instant finishedAt) {}

    /**
     * Progress while the rows are read, from the committed chunks of every partition.
     *
     * @param eta null until there is a rate to go on
     */
    public record Progress(
            long runId,
            String status,
            Long totalRows,
            long read,
            long written,
            long rejected,
            Duration elapsed,
            Duration eta) {

        public String line() {
            String total = totalRows == null ? "?" : String.format("%,d", totalRows);
            return String.format(
                    "import %d: %s, %,d of %s rows read, %,d written, %,d rejected, %s elapsed%s",
                    runId,
                    status.toLowerCase(),
                    read,
                    total,
                    written,
                    rejected,
                    format(elapsed),
                    eta == null ? "" : ", about " + format(eta) + " to go");
        }

        private static String format(Duration d) {
            long s = d.toSeconds();
            return s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
        }
    }

    private final JdbcClient jdbc;

    public ImportRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long create(Path file, String fingerprint, String planId, String defaultSource, boolean joinByDefault) {
        return jdbc.sql("""
                insert into import_run (file_path, file_fingerprint, plan_id, default_source, join_by_default)
                values (?, ?, ?, ?, ?) returning id
                """)
                .params(file.toString(), fingerprint, planId, defaultSource, joinByDefault)
                .query(Long.class)
                .single();
    }

    /** The last failed import of the same file (same path, size and time), to restart where it stopped. */
    public Optional<Long> failedRunOf(Path file, String fingerprint) {
        return jdbc.sql("""
                select id from import_run where file_path = ? and file_fingerprint = ? and status = 'FAILED' and kind = 'SUPPORTERS'
                order by id desc limit 1
                """)
                .params(file.toString(), fingerprint)
                .query(Long.class)
                .optional();
    }

    /** The file a run reads. */
    public Path file(long runId) {
        return Path.of(jdbc.sql("select file_path from import_run where id = ?")
                .param(runId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("no import run " + runId)));
    }

    public void recordTotal(long runId, long rows) {
        jdbc.sql("update import_run set total_rows = ? where id = ?")
                .params(rows, runId)
                .update();
    }

    public void started(long runId, long jobExecutionId) {
        jdbc.sql("update import_run set job_execution_id = ?, status = 'RUNNING', finished_at = null where id = ?")
                .params(jobExecutionId, runId)
                .update();
    }

    public void failed(long runId) {
        jdbc.sql("update import_run set status = 'FAILED', finished_at = now() where id = ?")
                .param(runId)
                .update();
    }

    void completed(long runId, Counts counts, String rejectsReport) {
        jdbc.sql("""
                update import_run set status = 'COMPLETED', finished_at = now(), rows_read = ?, rows_rejected = ?,
                    supporters_created = ?, supporters_matched = ?, duplicates_in_file = ?, joined = ?, provisional = ?,
                    unassigned = ?, rejects_report = ?
                where id = ?
                """)
                .params(
                        counts.read(),
                        counts.rejected(),
                        counts.created(),
                        counts.matched(),
                        counts.duplicates(),
                        counts.joined(),
                        counts.provisional(),
                        counts.unassigned(),
                        rejectsReport,
                        runId)
                .update();
    }

    public Optional<ImportRun> find(long runId) {
        return jdbc.sql("select * from import_run where id = ?")
                .param(runId)
                .query((rs, n) -> new ImportRun(
                        rs.getLong("id"),
                        rs.getString("file_path"),
                        rs.getString("plan_id"),
                        rs.getString("status"),
                        (Long) rs.getObject("total_rows"),
                        rs.getLong("rows_read"),
                        rs.getLong("rows_rejected"),
                        rs.getLong("supporters_created"),
                        rs.getLong("supporters_matched"),
                        rs.getLong("duplicates_in_file"),
                        rs.getLong("joined"),
                        rs.getLong("provisional"),
                        rs.getLong("unassigned"),
                        rs.getString("rejects_report"),
                        (Long) rs.getObject("job_execution_id"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("finished_at") == null
                                ? null
                                : rs.getTimestamp("finished_at").toInstant()))
                .optional();
    }

    /** The latest imports, newest first. */
    public java.util.List<Long> recent(int limit) {
        return jdbc.sql("select id from import_run where kind = 'SUPPORTERS' order by id desc limit ?")
                .param(limit)
                .query(Long.class)
                .list();
    }

    /** Counts from the partitions' committed chunks ({@code import_progress}), so any process can watch. */
    public Optional<Progress> progress(long runId) {
        return jdbc.sql("""
                select r.status, r.total_rows, r.started_at, r.finished_at,
                       coalesce(sum(p.rows_read), 0) as read, coalesce(sum(p.rows_written), 0) as written,
                       coalesce(sum(p.rows_rejected), 0) as rejected
                from import_run r
                left join import_progress p on p.run_id = r.id
                where r.id = ?
                group by r.id
                """)
                .param(runId)
                .query((rs, n) -> {
                    Long total = (Long) rs.getObject("total_rows");
                    long read = rs.getLong("read");
                    Instant started = rs.getTimestamp("started_at").toInstant();
                    Instant until = rs.getTimestamp("finished_at") == null
                            ? Instant.now()
                            : rs.getTimestamp("finished_at").toInstant();
                    Duration elapsed = Duration.between(started, until);
                    Duration eta = null;
                    if (total != null && read > 0 && read < total && "RUNNING".equals(rs.getString("status"))) {
                        eta = Duration.ofMillis(elapsed.toMillis() * (total - read) / read);
                    }
                    return new Progress(
                            runId,
                            rs.getString("status"),
                            total,
                            read,
                            rs.getLong("written"),
                            rs.getLong("rejected"),
                            elapsed,
                            eta);
                })
                .optional();
    }

    /** What the partitions counted, summed. */
    public record Counts(
            long read,
            long rejected,
            long created,
            long matched,
            long duplicates,
            long joined,
            long provisional,
            long unassigned) {}
}
