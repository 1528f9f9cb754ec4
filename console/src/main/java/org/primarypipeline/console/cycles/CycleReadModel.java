package org.primarypipeline.console.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the cycle page reads from PostgreSQL besides the cycle row and timeline: turnout, result, fundraiser, sending. */
@Component
public class CycleReadModel {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Turnout(int electorate, List<Day> days) {
        public int ballots() {
            return days.isEmpty() ? 0 : days.get(days.size() - 1).cumulative();
        }
    }

    public record Day(LocalDate day, int ballots, int cumulative) {
    }

    public record Result(String method, String policy, long seed, int electorate, BigDecimal exercisedUnits,
                         BigDecimal totalUnits, boolean quorumMet, Long winner, Long runnerUp, Double marginShare,
                         JsonNode document) {
    }


    private final JdbcClient jdbc;
    private final Format format;
    private final Clock clock;

    public CycleReadModel(JdbcClient jdbc, Format format, Clock clock) {
        this.jdbc = jdbc;
        this.format = format;
        this.clock = clock;
    }

    public Turnout turnout(String cycleId) {
        int electorate = jdbc.sql("select count(*) from electorate where cycle_id = ?").param(cycleId)
                .query(Integer.class).single();
        List<Day> days = new ArrayList<>();
        int[] running = {0};
        jdbc.sql("""
                select (cast_at at time zone cast(? as text))::date as day, count(*) as n from ballot where cycle_id = ?
                group by 1 order by 1
                """).params(format.zone().getId(), cycleId)
                .query((rs, n) -> {
                    running[0] += rs.getInt("n");
                    return days.add(new Day(rs.getObject("day", LocalDate.class), rs.getInt("n"), running[0]));
                }).list();
        return new Turnout(electorate, days);
    }

    public Optional<Result> result(String cycleId) {
        return jdbc.sql("select * from cycle_result where cycle_id = ?").param(cycleId).query((rs, n) -> {
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
            return new Result(rs.getString("method"), rs.getString("policy"), rs.getLong("seed"), rs.getInt("electorate"),
                    rs.getBigDecimal("exercised_units"), rs.getBigDecimal("total_units"), rs.getBoolean("quorum_met"),
                    noWinner ? null : winner, noRunnerUp ? null : runnerUp, noMargin ? null : margin, doc);
        }).optional();
    }

    /** The rounds of a stored result: per round the units behind each candidacy id, the exhausted units, who went out. */
    public static List<Map<String, Object>> rounds(JsonNode document) {
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (JsonNode round : document.path("rounds")) {
            Map<String, BigDecimal> tallies = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = round.path("tallies").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                tallies.put(f.getKey(), new BigDecimal(f.getValue().asText()));
            }
            List<String> eliminated = new ArrayList<>();
            round.path("eliminated").forEach(e -> eliminated.add(e.asText()));
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("tallies", tallies);
            r.put("exhausted", new BigDecimal(round.path("exhausted").asText("0")));
            r.put("eliminated", eliminated);
            rounds.add(r);
        }
        return rounds;
    }

    /** The fundraiser launched for the cycle's winner, if any (figures come from the finance reports). */
    public Optional<Long> fundraiserOf(String cycleId) {
        return jdbc.sql("select id from fundraiser where cycle_id = ?").param(cycleId).query(Long.class).optional();
    }

    /** Messages the cycle queued (invitations, ballot links, results), per kind, as progress bars. */
    public List<Progress> sending(String cycleId) {
        Instant now = clock.instant();
        return jdbc.sql("""
                select template, count(*) as total,
                       count(*) filter (where status = 'SENT') as sent,
                       count(*) filter (where status in ('DEAD', 'SUPPRESSED')) as failed,
                       min(created_at) as started, max(sent_at) as last_sent
                from outbox_message where dedup_key like ? group by template order by min(created_at)
                """).param("cycle:" + cycleId + ":%")
                .query((rs, n) -> {
                    Timestamp started = rs.getTimestamp("started");
                    Timestamp last = rs.getTimestamp("last_sent");
                    return Progress.of(rs.getString("template"), label(rs.getString("template")), rs.getLong("sent"), rs.getLong("failed"),
                            rs.getLong("total"), started == null ? null : started.toInstant(),
                            last == null ? null : last.toInstant(), now);
                }).list();
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
