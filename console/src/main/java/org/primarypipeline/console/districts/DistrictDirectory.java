package org.primarypipeline.console.districts;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primarypipeline.batch.prioritize.PriorityRanking;
import org.primarypipeline.console.web.Format;
import org.primarypipeline.core.priority.DistrictPriority;
import org.primarypipeline.core.priority.Path;
import org.primarypipeline.core.priority.PriorityModel;
import org.primarypipeline.core.priority.PublicDataFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The districts staff choose among: the loaded plan's districts with their sitting member, group size
 * and running cycle from PostgreSQL, ranked by the newest completed prioritization run (the
 * {@code prioritize} batch job). Before any run has completed (the job was switched off on start),
 * the ranking is computed here once from the bundled public data with the model's default weights and
 * no supporter figures, and the page says so.
 */
@Component
public class DistrictDirectory {

    public record Row(
            int rank,
            String district,
            String state,
            String member,
            String party,
            String path,
            String pathKey,
            double score,
            double winChance,
            String lean,
            String reason,
            long supporters,
            long groupMembers,
            String runningCycle) {}

    /** Where the ranking on the page comes from, in words for the page. */
    public record Source(boolean stored, String description) {}

    public record Filter(String state, String path, Double minScore, String text) {
        boolean accepts(Row r) {
            return (state == null || state.isBlank() || r.state().equalsIgnoreCase(state))
                    && (path == null || path.isBlank() || r.pathKey().equals(path))
                    && (minScore == null || r.score() >= minScore)
                    && (text == null
                            || text.isBlank()
                            || r.district().contains(text.trim().toUpperCase())
                            || (r.member() != null
                                    && r.member()
                                            .toLowerCase()
                                            .contains(text.trim().toLowerCase())));
        }
    }

    /** What the district page explains: the figures and each factor's term, from a stored run or the model. */
    public record Detail(
            Row row,
            String pathLabel,
            double primaryWin,
            double generalWin,
            long expectedCostDollars,
            Map<String, Double> contributions,
            List<String> gaps,
            String explanation) {}

    /** One district's verdict, from a stored run or the model. */
    private record Ranked(
            int rank,
            double score,
            String path,
            String pathKey,
            double winChance,
            String lean,
            String reason,
            long supporters) {}

    private final JdbcClient jdbc;
    private final PriorityRanking stored;
    private final Format format;
    private volatile Map<String, DistrictPriority> computed;

    public DistrictDirectory(JdbcClient jdbc, PriorityRanking stored, Format format) {
        this.jdbc = jdbc;
        this.stored = stored;
        this.format = format;
    }

    public Source source() {
        return stored.latestRun()
                .map(
                        run -> new Source(
                                true,
                                "Ranked by prioritization run #" + run + " of "
                                        + jdbc.sql("select completed_at from priority_run where id = ?")
                                                .param(run)
                                                .query(java.sql.Timestamp.class)
                                                .optional()
                                                .map(t -> format.when(t.toInstant()))
                                                .orElse("?")
                                        + ": expected progressive wins per $1M with our group sizes (see docs/prioritization.md)."))
                .orElseGet(
                        () -> new Source(
                                false,
                                "Ranked by expected progressive wins per $1M (see docs/prioritization.md). "
                                        + "No prioritization run has completed yet, so this ranking is computed by the app from the "
                                        + "bundled public data with the model's default weights and without our supporter figures."));
    }

    public List<Row> rows(Filter filter) {
        Map<String, Ranked> ranked = ranking();
        Map<String, String[]> members = new HashMap<>();
        jdbc.sql("select district_id, full_name, party from house_member order by full_name")
                .query((rs, n) -> members.putIfAbsent(
                        rs.getString("district_id"), new String[] {rs.getString("full_name"), rs.getString("party")}))
                .list();
        Map<String, Long> groups = new HashMap<>();
        jdbc.sql("""
                select g.district_id, count(gm.member_id) as n from district_group g
                join district_plan p on p.id = g.plan_id and p.is_current
                left join group_membership gm on gm.group_id = g.id and gm.left_at is null
                group by g.district_id
                """)
                .query((rs, n) -> groups.put(rs.getString("district_id"), rs.getLong("n")))
                .list();
        Map<String, String> running = new HashMap<>();
        jdbc.sql("select district_id, id from cycle where status = 'RUNNING'")
                .query((rs, n) -> running.put(rs.getString("district_id"), rs.getString("id")))
                .list();
        return jdbc
                .sql("""
                        select d.id, d.state from district d join district_plan p on p.id = d.plan_id and p.is_current
                        """)
                .query((rs, n) -> {
                    String id = rs.getString("id");
                    Ranked p = ranked.get(id);
                    String[] member = members.get(id);
                    return new Row(
                            p == null ? 0 : p.rank(),
                            id,
                            rs.getString("state"),
                            member == null ? null : member[0],
                            member == null ? null : member[1],
                            p == null ? "not ranked" : p.path(),
                            p == null ? "" : p.pathKey(),
                            p == null ? 0 : p.score(),
                            p == null ? 0 : p.winChance(),
                            p == null ? "" : p.lean(),
                            p == null ? "" : p.reason(),
                            p == null ? 0 : p.supporters(),
                            groups.getOrDefault(id, 0L),
                            running.get(id));
                })
                .list()
                .stream()
                .filter(filter::accepts)
                .sorted(Comparator.comparingInt((Row r) -> r.rank() == 0 ? Integer.MAX_VALUE : r.rank())
                        .thenComparing(Row::district))
                .toList();
    }

    public Optional<Row> find(String district) {
        return rows(new Filter(null, null, null, null)).stream()
                .filter(r -> r.district().equals(district))
                .findFirst();
    }

    private Map<String, Ranked> ranking() {
        if (stored.latestRun().isPresent()) {
            Map<String, Ranked> byId = new HashMap<>();
            for (PriorityRanking.Row r : stored.top(1000, 0)) {
                byId.put(
                        r.districtId(),
                        new Ranked(
                                r.rank(),
                                r.score(),
                                r.path(),
                                pathKey(r.path()),
                                r.primaryWin() * r.generalWin(),
                                r.lean(),
                                r.pathReason(),
                                r.supporters()));
            }
            return byId;
        }
        Map<String, Ranked> byId = new HashMap<>();
        modelRanking()
                .forEach((id, p) -> byId.put(
                        id,
                        new Ranked(
                                p.rank(),
                                p.score(),
                                p.path().label(),
                                p.path().name(),
                                p.winChance(),
                                p.lean(),
                                p.pathReason(),
                                0)));
        return byId;
    }

    public Optional<Detail> detail(String district) {
        Optional<Row> row = find(district);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        if (stored.latestRun().isPresent()) {
            return stored.detail(district)
                    .map(d -> new Detail(
                            row.get(),
                            d.row().path(),
                            d.row().primaryWin(),
                            d.row().generalWin(),
                            d.row().expectedCostDollars(),
                            d.contributions(),
                            d.gaps(),
                            d.row().explanation()));
        }
        DistrictPriority p = modelRanking().get(district);
        return p == null
                ? Optional.empty()
                : Optional.of(new Detail(
                        row.get(),
                        p.path().label(),
                        p.primaryWin(),
                        p.generalWin(),
                        p.expectedCostDollars(),
                        p.contributions(),
                        p.gaps(),
                        p.explanation()));
    }

    /** The model's ranking from the bundled data, computed once (only until a prioritization run completes). */
    private Map<String, DistrictPriority> modelRanking() {
        Map<String, DistrictPriority> built = computed;
        if (built == null) {
            synchronized (this) {
                if (computed == null) {
                    Map<String, DistrictPriority> byId = new HashMap<>();
                    for (DistrictPriority p : PriorityModel.withDefaults().rank(PublicDataFacts.plan2026(), Map.of())) {
                        byId.put(p.district().toString(), p);
                    }
                    computed = Map.copyOf(byId);
                }
                built = computed;
            }
        }
        return built;
    }

    /** Stored runs keep the path's label; filters use the enum's name. */
    private static String pathKey(String label) {
        for (Path p : Path.values()) {
            if (p.label().equals(label)) {
                return p.name();
            }
        }
        return "";
    }
}
