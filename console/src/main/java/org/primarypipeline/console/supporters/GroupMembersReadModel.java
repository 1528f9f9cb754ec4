package org.primarypipeline.console.supporters;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The members of one district group of the current plan, for staff: newest first, searchable. */
@Repository
public class GroupMembersReadModel {

    /** One member; {@code provisional}: their district is not confirmed yet (with why). */
    public record Member(
            long id, String name, String email, String phone, Instant joined, boolean provisional, String reason) {}

    private static final String FROM = """
            from group_membership gm join district_group g on g.id = gm.group_id
            join district_plan p on p.id = g.plan_id and p.is_current join member m on m.id = gm.member_id
            where g.district_id = :district and gm.left_at is null
              and (:q = '' or m.full_name ilike :like or coalesce(m.email, '') ilike :like or coalesce(m.phone, '') like :like)
            """;

    private final JdbcClient jdbc;

    public GroupMembersReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int count(String district, String query) {
        return jdbc.sql("select count(*) " + FROM)
                .params(params(district, query))
                .query(Integer.class)
                .single();
    }

    public List<Member> page(String district, String query, int offset, int limit) {
        return jdbc.sql(
                        "select m.id, m.full_name, m.email, m.phone, gm.joined_at, m.district_provisional, m.district_reason "
                                + FROM + " order by gm.joined_at desc, m.id desc offset :offset limit :limit")
                .params(params(district, query))
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, n) -> {
                    Timestamp joined = rs.getTimestamp(5);
                    return new Member(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            joined == null ? null : joined.toInstant(),
                            rs.getBoolean(6),
                            rs.getString(7));
                })
                .list();
    }

    private static java.util.Map<String, String> params(String district, String query) {
        String q = query == null ? "" : query.strip();
        return java.util.Map.of(
                "district",
                district,
                "q",
                q,
                "like",
                "%" + q.replace("%", "\\%").replace("_", "\\_") + "%");
    }
}
