package org.primarypipeline.certification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Recount reports: one row per recount run, kept whatever the outcome. */
@Repository
public class RecountReports {

    public record Report(
            long id,
            String cycleId,
            Long jobExecutionId,
            String actor,
            Instant startedAt,
            Instant finishedAt,
            boolean matches,
            String summary,
            String detailsJson) {}

    private final JdbcClient jdbc;

    public RecountReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a report in a transaction of its own: a recount that fails loudly must still leave its
     * report behind, whatever happens to the caller's transaction.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long store(String cycleId, Long jobExecutionId, String actor, Instant startedAt, RecountFindings findings) {
        return jdbc.sql("""
                insert into recount_report (cycle_id, job_execution_id, actor, started_at, matches, summary, details)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb)) returning id
                """)
                .params(
                        cycleId,
                        jobExecutionId,
                        actor,
                        Timestamp.from(startedAt),
                        findings.matches(),
                        findings.summary(),
                        findings.detailsJson())
                .query(Long.class)
                .single();
    }

    public Optional<Report> latest(String cycleId) {
        return jdbc.sql(SELECT + " where cycle_id = ? order by id desc limit 1")
                .param(cycleId)
                .query(RecountReports::map)
                .optional();
    }

    public Optional<Report> ofJobExecution(long jobExecutionId) {
        return jdbc.sql(SELECT + " where job_execution_id = ? order by id desc limit 1")
                .param(jobExecutionId)
                .query(RecountReports::map)
                .optional();
    }

    private static final String SELECT = """
            select id, cycle_id, job_execution_id, actor, started_at, finished_at, matches, summary, details::text
            from recount_report""";

    private static Report map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Report(
                rs.getLong(1),
                rs.getString(2),
                rs.getObject(3, Long.class),
                rs.getString(4),
                rs.getTimestamp(5).toInstant(),
                rs.getTimestamp(6).toInstant(),
                rs.getBoolean(7),
                rs.getString(8),
                rs.getString(9));
    }
}
