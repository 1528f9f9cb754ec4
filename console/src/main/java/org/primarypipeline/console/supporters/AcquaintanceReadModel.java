package org.primarypipeline.console.supporters;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What "People I trust" reads about finding people and knowing each other: the members of my group who
 * let me find them by name, the asks waiting for my answer and mine waiting for theirs, and the names of
 * those who named me as a proxy and let me see it. Member ids stay on the server side of the pages.
 */
@Repository
public class AcquaintanceReadModel {

    /** A member found by name, and where the two of us stand. */
    public record Found(long memberId, String name, boolean connected, boolean askedByMe, boolean askedMe) {}

    public record Person(long memberId, String name) {}

    private static final String MY_GROUP =
            "select group_id from group_membership where member_id = :me and left_at is null";

    /** Who may find a member by name: anyone of the group, or the people connected to them. */
    private static final String FINDABLE_TO_ME =
            "(m.findable = 'GROUP' or (m.findable = 'CONNECTED' and m.id in" + " (select other from linked)))";

    private final JdbcClient jdbc;

    public AcquaintanceReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Members of my open group whose name holds {@code text} and who let me find them (up to 20). */
    public List<Found> search(long memberId, String text) {
        String pattern =
                "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                with linked as (%s)
                select m.id, m.full_name, m.id in (select other from linked),
                       exists (select 1 from acquaintance a
                               where a.asker_id = :me and a.asked_id = m.id and a.confirmed_at is null),
                       exists (select 1 from acquaintance a
                               where a.asker_id = m.id and a.asked_id = :me and a.confirmed_at is null)
                from member m join group_membership gm on gm.member_id = m.id and gm.left_at is null
                where gm.group_id in (%s) and m.id <> :me and %s
                  and m.full_name ilike :pattern escape '\\'
                order by m.full_name, m.id limit 20
                """.formatted(TrustReadModel.LINKED, MY_GROUP, FINDABLE_TO_ME))
                .param("me", memberId)
                .param("pattern", pattern)
                .query((rs, n) ->
                        new Found(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5)))
                .list();
    }

    /** Whether {@code otherId} is in my open group and lets me find them (so I may ask them). */
    public boolean findableTo(long memberId, long otherId) {
        return jdbc.sql("""
                        with linked as (%s)
                        select count(*) from member m
                        join group_membership gm on gm.member_id = m.id and gm.left_at is null
                        where m.id = :other and m.id <> :me and gm.group_id in (%s) and %s
                        """.formatted(TrustReadModel.LINKED, MY_GROUP, FINDABLE_TO_ME))
                        .param("me", memberId)
                        .param("other", otherId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Whether the two are in the same open group. */
    public boolean sameGroup(long memberId, long otherId) {
        return jdbc.sql("""
                        select count(*) from group_membership gm
                        where gm.member_id = :other and gm.left_at is null and gm.group_id in (%s)
                        """.formatted(MY_GROUP))
                        .param("me", memberId)
                        .param("other", otherId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Members of my group who asked me to confirm that we know each other, not yet answered. */
    public List<Person> askedMe(long memberId) {
        return people("""
                select m.id, m.full_name from acquaintance a join member m on m.id = a.asker_id
                join group_membership gm on gm.member_id = m.id and gm.left_at is null
                where a.asked_id = :me and a.confirmed_at is null and gm.group_id in (%s)
                order by a.asked_at, a.id
                """.formatted(MY_GROUP), memberId);
    }

    /** Members of my group I asked, who have not confirmed yet. */
    public List<Person> askedByMe(long memberId) {
        return people("""
                select m.id, m.full_name from acquaintance a join member m on m.id = a.asked_id
                join group_membership gm on gm.member_id = m.id and gm.left_at is null
                where a.asker_id = :me and a.confirmed_at is null and gm.group_id in (%s)
                order by a.asked_at, a.id
                """.formatted(MY_GROUP), memberId);
    }

    /** The names of members of my group who have me on their standing list and let me see it. */
    public List<String> namedMeShowingName(long memberId) {
        return people("""
                select distinct m.id, m.full_name from proxy_assignment pa
                join member m on m.id = pa.member_id
                join group_membership gm on gm.group_id = pa.group_id and gm.member_id = pa.member_id
                     and gm.left_at is null
                where pa.proxy_member_id = :me and pa.cycle_id is null and m.name_shown_to_proxies
                order by m.full_name, m.id
                """, memberId).stream().map(Person::name).toList();
    }

    private List<Person> people(String sql, long memberId) {
        return jdbc.sql(sql)
                .param("me", memberId)
                .query((rs, n) -> new Person(rs.getLong(1), rs.getString(2)))
                .list();
    }
}
