package org.primarypipeline.console.supporters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What "People I trust" reads: the members of my open group I am connected to (an accepted invitation
 * either way), my standing list, and how many members named me on theirs.
 */
@Repository
public class TrustReadModel {

    /** A person I may name: their member id stays on the server side of the page (never shown). */
    public record Person(long memberId, String name) {}

    /** Units members gave me directly in a counted round, as the count froze their lists. */
    public record Flow(String cycleId, int units) {}

    /**
     * The members connected to {@code :me} (column {@code other}): an accepted invitation either way, or
     * an ask that the other confirmed, either way ("we both confirmed that we know each other").
     */
    static final String LINKED = """
            select invitee_member_id as other from invitation
            where inviter_member_id = :me and status = 'ACCEPTED' and invitee_member_id is not null
            union
            select inviter_member_id from invitation
            where invitee_member_id = :me and status = 'ACCEPTED'
            union
            select asked_id from acquaintance where asker_id = :me and confirmed_at is not null
            union
            select asker_id from acquaintance where asked_id = :me and confirmed_at is not null""";

    private final JdbcClient jdbc;

    public TrustReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Members of my open group joined to me by an accepted invitation, by name. */
    public List<Person> connected(long memberId) {
        return jdbc.sql("""
                with mine as (
                    select gm.group_id from group_membership gm where gm.member_id = :me and gm.left_at is null),
                linked as (%s)
                select distinct m.id, m.full_name from linked l
                join member m on m.id = l.other
                join group_membership gm on gm.member_id = m.id and gm.left_at is null
                where gm.group_id in (select group_id from mine) and m.id <> :me
                order by m.full_name, m.id
                """.formatted(LINKED))
                .param("me", memberId)
                .query((rs, n) -> new Person(rs.getLong(1), rs.getString(2)))
                .list();
    }

    /** My standing list: proxy's member id to units, in my order. */
    public Map<Long, Integer> standing(long memberId) {
        Map<Long, Integer> shares = new LinkedHashMap<>();
        jdbc.sql("""
                select pa.proxy_member_id, pa.units from proxy_assignment pa
                join group_membership gm on gm.group_id = pa.group_id and gm.member_id = pa.member_id
                     and gm.left_at is null
                where pa.member_id = ? and pa.cycle_id is null order by pa.position
                """)
                .param(memberId)
                .query((rs, n) -> shares.put(rs.getLong(1), rs.getInt(2)))
                .list();
        return shares;
    }

    /** How many members of my open group have me on their standing list. */
    public int namedMe(long memberId) {
        return jdbc.sql("""
                select count(distinct pa.member_id) from proxy_assignment pa
                join group_membership gm on gm.group_id = pa.group_id and gm.member_id = pa.member_id
                     and gm.left_at is null
                where pa.proxy_member_id = ? and pa.cycle_id is null
                """).param(memberId).query(Integer.class).single();
    }

    /**
     * The counted rounds in which members' lists, as frozen at the tally ({@code cycle_proxy}), gave me
     * units directly, newest first: the standing list may have changed since, the frozen one did not.
     */
    public List<Flow> flowedToMe(long memberId) {
        return jdbc.sql("""
                select cp.cycle_id, sum(cp.units) from cycle_proxy cp join cycle c on c.id = cp.cycle_id
                where cp.proxy_member_id = ? group by cp.cycle_id, c.sequence
                order by c.sequence desc, cp.cycle_id limit 20
                """)
                .param(memberId)
                .query((rs, n) -> new Flow(rs.getString(1), rs.getInt(2)))
                .list();
    }
}
