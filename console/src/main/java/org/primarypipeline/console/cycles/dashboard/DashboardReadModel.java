package org.primarypipeline.console.cycles.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primarypipeline.core.cycle.CycleStage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dashboard's SQL: counts and short lists across the stages, each capped. The certification
 * approvals are read through {@code CertificationApprovals}, not here.
 */
@Component
public class DashboardReadModel {

    public record Due(String id, String districtId, CycleStage stage, Instant deadline) {}

    public record Review(String cycleId, String name) {}

    public record Run(long id, Instant finished) {}

    public record ExceptionCount(String kind, Long fundraiserId, int count) {}

    /** Candidacies with the current pledge signed whose vetting decision is pending, in running cycles. */
    private static final String AWAITING_REVIEW = """
            from candidacy c join candidate k on k.id = c.candidate_id join cycle y on y.id = c.cycle_id
            where y.status = 'RUNNING' and y.stage in ('PLEDGE_VETTING', 'NOMINATION_WINDOW')
              and c.status in ('INVITED', 'ACCEPTED', 'INFO_REQUESTED')
              and exists (select 1 from pledge_signature s where s.candidate_id = c.candidate_id
                          and s.withdrawn_at is null
                          and s.pledge_version_id = (select id from pledge_version order by version desc limit 1))
            """;

    private final JdbcClient jdbc;

    public DashboardReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Running cycles per stage name. */
    public Map<String, Integer> runningByStage() {
        Map<String, Integer> running = new LinkedHashMap<>();
        jdbc.sql("select stage, count(*) as n from cycle where status = 'RUNNING' group by stage")
                .query((rs, n) -> running.put(rs.getString("stage"), rs.getInt("n")))
                .list();
        return running;
    }

    /** Ended cycles per status name, in status order. */
    public Map<String, Integer> endedByStatus() {
        Map<String, Integer> ended = new LinkedHashMap<>();
        jdbc.sql("select status, count(*) as n from cycle where status <> 'RUNNING' group by status order by status")
                .query((rs, n) -> ended.put(rs.getString("status"), rs.getInt("n")))
                .list();
        return ended;
    }

    /** Running cycles whose window closes before {@code until} (overdue ones included), soonest first. */
    public List<Due> due(Instant until, int limit) {
        return jdbc.sql("""
                select id, district_id, stage, stage_deadline from cycle
                where status = 'RUNNING' and stage_deadline is not null and stage_deadline <= ?
                order by stage_deadline, id limit ?
                """)
                .params(Timestamp.from(until), limit)
                .query((rs, n) -> new Due(
                        rs.getString("id"),
                        rs.getString("district_id"),
                        CycleStage.valueOf(rs.getString("stage")),
                        rs.getTimestamp("stage_deadline").toInstant()))
                .list();
    }

    /** Those waiting longest for a vetting decision. */
    public List<Review> awaitingReview(int limit) {
        return jdbc.sql("select c.cycle_id, k.full_name " + AWAITING_REVIEW + " order by c.updated_at, c.id limit ?")
                .param(limit)
                .query((rs, n) -> new Review(rs.getString("cycle_id"), rs.getString("full_name")))
                .list();
    }

    public int awaitingReviewCount() {
        return jdbc.sql("select count(*) " + AWAITING_REVIEW)
                .query(Integer.class)
                .single();
    }

    /** A cycle that failed and has not been launched again in its district: staff decide what next. */
    public record Failed(String cycleId, String districtId, String reason) {}

    public List<Failed> failedUnanswered(int limit) {
        return jdbc.sql("""
                select c.id, c.district_id, coalesce(c.failure_reason, '') from cycle c where c.status = 'FAILED'
                and not exists (select 1 from cycle n where n.district_id = c.district_id and n.created_at > c.created_at)
                order by c.updated_at desc limit ?""")
                .param(limit)
                .query((rs, n) -> new Failed(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    public int deadLetters() {
        return jdbc.sql("select count(*) from outbox_message where status = 'DEAD'")
                .query(Integer.class)
                .single();
    }

    /** The latest finished reconciliation run with Stripe: its id and when it finished. */
    public Optional<Run> lastReconciliation() {
        return jdbc.sql("""
                select id, finished_at from reconciliation_run where finished_at is not null order by id desc limit 1
                """)
                .query((rs, n) ->
                        new Run(rs.getLong("id"), rs.getTimestamp("finished_at").toInstant()))
                .optional();
    }

    /** A run's items that did not match, counted per kind and fundraiser, the most frequent first. */
    public List<ExceptionCount> exceptions(long runId, int limit) {
        return jdbc.sql("""
                select i.kind, i.fundraiser_id, count(*) as n from reconciliation_item i
                where i.run_id = ? and not i.ok group by i.kind, i.fundraiser_id order by count(*) desc, i.kind limit ?
                """)
                .params(runId, limit)
                .query((rs, n) -> {
                    long fundraiser = rs.getLong("fundraiser_id");
                    return new ExceptionCount(rs.getString("kind"), rs.wasNull() ? null : fundraiser, rs.getInt("n"));
                })
                .list();
    }
}
