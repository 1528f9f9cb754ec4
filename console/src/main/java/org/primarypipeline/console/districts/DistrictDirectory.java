package org.primarypipeline.console.districts;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primarypipeline.core.priority.CaucusStanding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The districts staff choose among: the loaded plan's districts with their sitting member, group size
 * and running cycle from PostgreSQL, ranked by the {@link DistrictRanking} (the newest completed
 * prioritization run, or the model's default ranking until one has completed, and the page says so).
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
            String explanation,
            CaucusStanding incumbent) {}

    private final JdbcClient jdbc;
    private final DistrictRanking ranking;

    public DistrictDirectory(JdbcClient jdbc, DistrictRanking ranking) {
        this.jdbc = jdbc;
        this.ranking = ranking;
    }

    public Source source() {
        return ranking.source();
    }

    public List<Row> rows(Filter filter) {
        Map<String, DistrictRanking.Ranked> ranked = ranking.byDistrict();
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
                    DistrictRanking.Ranked p = ranked.get(id);
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

    public Optional<Detail> detail(String district) {
        return find(district).flatMap(ranking::detail);
    }
}
