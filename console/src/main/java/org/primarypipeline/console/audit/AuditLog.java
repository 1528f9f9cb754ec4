package org.primarypipeline.console.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only record of staff actions ({@code audit_log}; the database refuses updates and
 * deletes). Services write one entry per action attempt, whatever its outcome.
 */
@Repository
public class AuditLog {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

    /** Filters of the audit page and endpoint; null or blank means any. */
    public record Filter(String actor, String action, String target, Outcome outcome) {
        public static final Filter ALL = new Filter(null, null, null, null);
    }

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long record(
            String actor,
            String actorRole,
            String action,
            String target,
            Outcome outcome,
            String detail,
            Object before,
            Object after) {
        return jdbc.sql("""
                insert into audit_log (actor, actor_role, action, target, outcome, detail, before_state, after_state, remote_addr)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?) returning id
                """)
                .params(
                        actor,
                        actorRole,
                        action,
                        target == null ? "" : target,
                        outcome.name(),
                        detail == null ? "" : truncate(detail),
                        json(before),
                        json(after),
                        remoteAddress())
                .query(Long.class)
                .single();
    }

    public List<AuditEntry> page(Filter filter, int limit, int offset) {
        return jdbc.sql("select * from audit_log where " + WHERE + " order by id desc limit :limit offset :offset")
                .param("actor", blank(filter.actor()))
                .param("action", blank(filter.action()))
                .param("target", blank(filter.target()))
                .param(
                        "outcome",
                        filter.outcome() == null ? null : filter.outcome().name())
                .param("limit", limit)
                .param("offset", offset)
                .query(AuditLog::map)
                .list();
    }

    public int count(Filter filter) {
        return jdbc.sql("select count(*) from audit_log where " + WHERE)
                .param("actor", blank(filter.actor()))
                .param("action", blank(filter.action()))
                .param("target", blank(filter.target()))
                .param(
                        "outcome",
                        filter.outcome() == null ? null : filter.outcome().name())
                .query(Integer.class)
                .single();
    }

    private static final String WHERE = """
            (cast(:actor as text) is null or lower(actor) = lower(cast(:actor as text)))
            and (cast(:action as text) is null or action like cast(:action as text) || '%')
            and (cast(:target as text) is null or target ilike '%' || cast(:target as text) || '%')
            and (cast(:outcome as text) is null or outcome = cast(:outcome as text))
            """;

    static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write audit state", e);
        }
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String truncate(String detail) {
        return detail.length() > 2000 ? detail.substring(0, 2000) + "..." : detail;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static AuditEntry map(ResultSet rs, int n) throws SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                rs.getTimestamp("at").toInstant(),
                rs.getString("actor"),
                rs.getString("actor_role"),
                rs.getString("action"),
                rs.getString("target"),
                Outcome.valueOf(rs.getString("outcome")),
                rs.getString("detail"),
                rs.getString("before_state"),
                rs.getString("after_state"),
                rs.getString("remote_addr"));
    }
}
