package org.primarypipeline.console.cycles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.primarypipeline.console.web.Format;
import org.primarypipeline.console.web.Progress;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.cycle.CycleStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the cycle pages and the cycle API read from PostgreSQL besides the cycle row and its timeline
 * (those are {@code CycleRepository}'s): the filtered list, the sitting member, turnout, the stored
 * result, the fundraiser and the messages sent. The package's SQL lives here and nowhere else.
 */
@Component
public class CycleReadModel {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The list's filters; null means any. */
    public record Filter(CycleStatus status, CycleStage stage, String text) {}

    public record Listed(
            String id,
            String districtId,
            CycleStatus status,
            CycleStage stage,
            Instant deadline,
            String createdBy,
            Instant createdAt) {}

    public record Turnout(int electorate, List<Day> days) {
        public int ballots() {
            return days.isEmpty() ? 0 : days.get(days.size() - 1).cumulative();
        }
    }

    public record Day(LocalDate day, int ballots, int cumulative) {}

    public record Result(
            String method,
            String policy,
            long seed,
            int electorate,
            BigDecimal exercisedUnits,
            BigDecimal totalUnits,
            boolean quorumMet,
            Long winner,
            Long runnerUp,
            Double marginShare,
            JsonNode document) {}

    private static final String WHERE = """
            (cast(:status as text) is null or status = cast(:status as text))
            and (cast(:stage as text) is null or stage = cast(:stage as text))
            and (cast(:q as text) is null or id ilike '%' || cast(:q as text) || '%')
            """;

    private final JdbcClient jdbc;
    private final Format format;
    private final Clock clock;

    public CycleReadModel(JdbcClient jdbc, Format format, Clock clock) {
        this.jdbc = jdbc;
        this.format = format;
        this.clock = clock;
    }

    public int count(Filter filter) {
        return filtered(jdbc.sql("select count(*) from cycle where " + WHERE), filter)
                .query(Integer.class)
                .single();
    }

    /** One page of the cycles the filter lets through, newest first. */
    public List<Listed> list(Filter filter, int limit, int offset) {
        return filtered(
                        jdbc.sql("select * from cycle where " + WHERE
                                + " order by created_at desc, id limit :limit offset :offset"),
                        filter)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> {
                    Timestamp deadline = rs.getTimestamp("stage_deadline");
                    return new Listed(
                            rs.getString("id"),
                            rs.getString("district_id"),
                            CycleStatus.valueOf(rs.getString("status")),
                            CycleStage.valueOf(rs.getString("stage")),
                            deadline == null ? null : deadline.toInstant(),
                            rs.getString("created_by"),
                            rs.getTimestamp("created_at").toInstant());
                })
                .list();
    }

    private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec statement, Filter filter) {
        return statement
                .param(
                        "status",
                        filter.status() == null ? null : filter.status().name())
                .param("stage", filter.stage() == null ? null : filter.stage().name())
                .param("q", filter.text());
    }

    /** "Name (party)" of the district's sitting member, if the seat is filled. */
    public Optional<String> sittingMember(String districtId) {
        return jdbc.sql("select full_name || ' (' || party || ')' from house_member where district_id = ? limit 1")
                .param(districtId)
                .query(String.class)
                .optional();
    }

    public Turnout turnout(String cycleId) {
        int electorate = jdbc.sql("select count(*) from electorate where cycle_id = ?")
                .param(cycleId)
                .query(Integer.class)
                .single();
        List<Day> days = new ArrayList<>();
        int[] running = {0};
        jdbc.sql("""
                select (cast_at at time zone cast(? as text))::date as day, count(*) as n from ballot where cycle_id = ?
                group by 1 order by 1
                """)
                .params(format.zone().getId(), cycleId)
                .query((rs, n) -> {
                    running[0] += rs.getInt("n");
                    return days.add(new Day(rs.getObject("day", LocalDate.class), rs.getInt("n"), running[0]));
                })
                .list();
        return new Turnout(electorate, days);
    }

    public Optional<Result> result(String cycleId) {
        return jdbc.sql("select * from cycle_result where cycle_id = ?")
                .param(cycleId)
                .query((rs, n) -> {
                    long winner = rs.getLong("winner");
                    boolean noWinner = rs.wasNull();
                    long runnerUp = rs.getLong("runner_up");
                    boolean noRunnerUp = rs.wasNull();
                    double margin = rs.getDouble("margin_share");
                    boolean noMargin = rs.wasNull();
                    JsonNode doc;
                    try {
                        doc = JSON.readTree(rs.getString("result"));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("unreadable stored result of " + cycleId, e);
                    }
                    return new Result(
                            rs.getString("method"),
                            rs.getString("policy"),
                            rs.getLong("seed"),
                            rs.getInt("electorate"),
                            rs.getBigDecimal("exercised_units"),
                            rs.getBigDecimal("total_units"),
                            rs.getBoolean("quorum_met"),
                            noWinner ? null : winner,
                            noRunnerUp ? null : runnerUp,
                            noMargin ? null : margin,
                            doc);
                })
                .optional();
    }

    /** The stored result as the API shows it: the row's figures and the rounds as stored (JSON text). */
    public Optional<CycleDetails.StoredResult> storedResult(String cycleId) {
        return jdbc.sql("""
                select winner, runner_up, quorum_met, exercised_units, total_units, margin_share, result::text as rounds
                from cycle_result where cycle_id = ?
                """)
                .param(cycleId)
                .query((rs, n) -> new CycleDetails.StoredResult(
                        rs.getObject("winner", Long.class),
                        rs.getObject("runner_up", Long.class),
                        rs.getBoolean("quorum_met"),
                        rs.getBigDecimal("exercised_units"),
                        rs.getBigDecimal("total_units"),
                        rs.getBigDecimal("margin_share"),
                        rs.getString("rounds")))
                .optional();
    }

    /** The fundraiser launched for the cycle's winner, if any (figures come from the finance reports). */
    public Optional<Long> fundraiserOf(String cycleId) {
        return jdbc.sql("select id from fundraiser where cycle_id = ?")
                .param(cycleId)
                .query(Long.class)
                .optional();
    }

    /**
     * Messages the cycle queued (invitations, ballot links, results), per kind, as progress bars. The
     * outbox has no cycle column: its senders key a cycle's messages {@code cycle:<id>:...}.
     */
    public List<Progress> sending(String cycleId) {
        Instant now = clock.instant();
        return jdbc.sql("""
                select template, count(*) as total,
                       count(*) filter (where status = 'SENT') as sent,
                       count(*) filter (where status in ('DEAD', 'SUPPRESSED')) as failed,
                       min(created_at) as started, max(sent_at) as last_sent
                from outbox_message where dedup_key like ? or dedup_key in (select x.dedup_key
                    from candidate_message x left join candidacy k on k.id = x.candidacy_id
                    left join nomination n on n.id = x.nomination_id where k.cycle_id = ? or n.cycle_id = ?)
                group by template order by min(created_at)
                """)
                .params("cycle:" + cycleId + ":%", cycleId, cycleId)
                .query((rs, n) -> {
                    Timestamp started = rs.getTimestamp("started");
                    Timestamp last = rs.getTimestamp("last_sent");
                    return Progress.of(
                            rs.getString("template"),
                            label(rs.getString("template")),
                            rs.getLong("sent"),
                            rs.getLong("failed"),
                            rs.getLong("total"),
                            started == null ? null : started.toInstant(),
                            last == null ? null : last.toInstant(),
                            now);
                })
                .list();
    }

    private static String label(String template) {
        return switch (template) {
            case "ballot-link" -> "Ballot links";
            case "vetting-invitation" -> "Pledge invitations";
            case "voting-reminder" -> "Voting reminders";
            case "cycle-result" -> "Result announcements";
            case "candidate-certified" -> "Certification notice";
            default -> template.replace('-', ' ');
        };
    }
}
