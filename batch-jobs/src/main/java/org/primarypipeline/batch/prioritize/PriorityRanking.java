package org.primarypipeline.batch.prioritize;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ranking of the newest completed prioritization run, as staff read it. */
@Repository
public class PriorityRanking {

    public record Row(
            int rank,
            String districtId,
            double score,
            String path,
            String pathReason,
            double primaryWin,
            double generalWin,
            long expectedCostDollars,
            String lean,
            long supporters,
            long groupMembers,
            String explanation) {}

    /** Everything the run stored about one district: the figures, each factor's term, the data gaps. */
    public record Detail(long run, Row row, Map<String, Double> contributions, List<String> gaps) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Double>> TERMS = new TypeReference<>() {};

    private final JdbcClient jdbc;

    public PriorityRanking(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Long> latestRun() {
        return jdbc.sql(
                        "select id from priority_run where completed_at is not null order by completed_at desc, id desc limit 1")
                .query(Long.class)
                .optional();
    }

    public List<Row> top(int limit, int offset) {
        return latestRun()
                .map(run -> jdbc.sql("""
                        select rank, district_id, score, path, path_reason, primary_win, general_win,
                               expected_cost_dollars, lean, supporters, group_members, explanation
                        from district_priority where run_id = ? order by rank limit ? offset ?
                        """)
                        .params(run, limit, offset)
                        .query((rs, n) -> new Row(
                                rs.getInt("rank"),
                                rs.getString("district_id"),
                                rs.getDouble("score"),
                                rs.getString("path"),
                                rs.getString("path_reason"),
                                rs.getDouble("primary_win"),
                                rs.getDouble("general_win"),
                                rs.getLong("expected_cost_dollars"),
                                rs.getString("lean"),
                                rs.getLong("supporters"),
                                rs.getLong("group_members"),
                                rs.getString("explanation")))
                        .list())
                .orElse(List.of());
    }

    public Optional<Detail> detail(String districtId) {
        return latestRun()
                .flatMap(run -> jdbc.sql("""
                        select rank, district_id, score, path, path_reason, primary_win, general_win,
                               expected_cost_dollars, lean, group_members, explanation, supporters,
                               contributions::text as contributions, gaps
                        from district_priority where run_id = ? and district_id = ?
                        """)
                        .params(run, districtId)
                        .query((rs, n) -> new Detail(
                                run,
                                new Row(
                                        rs.getInt("rank"),
                                        rs.getString("district_id"),
                                        rs.getDouble("score"),
                                        rs.getString("path"),
                                        rs.getString("path_reason"),
                                        rs.getDouble("primary_win"),
                                        rs.getDouble("general_win"),
                                        rs.getLong("expected_cost_dollars"),
                                        rs.getString("lean"),
                                        rs.getLong("supporters"),
                                        rs.getLong("group_members"),
                                        rs.getString("explanation")),
                                terms(rs.getString("contributions")),
                                strings(rs.getArray("gaps"))))
                        .optional());
    }

    private static Map<String, Double> terms(String json) {
        try {
            return JSON.readValue(json, TERMS);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable contributions in district_priority", e);
        }
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
