package org.primarypipeline.activities.ballot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.primarypipeline.core.vote.Ballot;
import org.primarypipeline.core.vote.FlowPolicy;
import org.primarypipeline.core.vote.ProxyShare;
import org.primarypipeline.core.vote.TallyMethod;
import org.primarypipeline.core.vote.VoteInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The electorate, proxy lists and ballots of a cycle, as the vote engine takes them. */
@Repository
public class BallotBox {

    private final JdbcClient jdbc;

    public BallotBox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Freezes the electorate from the district group's current members; a second call adds nobody. */
    public int freezeElectorate(String cycleId) {
        if (jdbc.sql("select count(*) from electorate where cycle_id = ?").param(cycleId).query(Integer.class).single() == 0) {
            jdbc.sql("""
                    insert into electorate (cycle_id, member_id)
                    select c.id, gm.member_id
                    from cycle c
                    join district_group g on g.plan_id = c.plan_id and g.district_id = c.district_id
                    join group_membership gm on gm.group_id = g.id and gm.left_at is null
                    where c.id = ?
                    on conflict do nothing
                    """).param(cycleId).update();
        }
        return electorateSize(cycleId);
    }

    public int electorateSize(String cycleId) {
        return jdbc.sql("select count(*) from electorate where cycle_id = ?").param(cycleId).query(Integer.class).single();
    }

    /** The seed is drawn once and then kept: a retried activity publishes the same one. */
    public long publishSeed(String cycleId, long candidate) {
        return jdbc.sql("update cycle set vote_seed = coalesce(vote_seed, ?) where id = ? returning vote_seed")
                .params(candidate, cycleId).query(Long.class).single();
    }

    public boolean inElectorate(String cycleId, long memberId) {
        return jdbc.sql("select count(*) from electorate where cycle_id = ? and member_id = ?")
                .params(cycleId, memberId).query(Integer.class).single() > 0;
    }

    /** Casts or replaces a member's ballot. */
    public void cast(String cycleId, long memberId, List<Long> ranking) {
        jdbc.sql("""
                insert into ballot (cycle_id, member_id, ranking) values (?, ?, ?)
                on conflict (cycle_id, member_id) do update set ranking = excluded.ranking, cast_at = now()
                """).params(cycleId, memberId, ranking.toArray(Long[]::new)).update();
    }

    /**
     * The engine's input for a cycle. A proxy list that names someone outside the frozen electorate
     * (they left the group) is set aside whole, since its shares no longer sum to 10; that member's
     * units then follow the no-proxy rule. {@link #setAsideProxyLists} counts them for the timeline.
     */
    public VoteInput input(String cycleId, String policy, String method, long seed) {
        List<String> members = electorateIds(cycleId);
        Set<String> electorate = new HashSet<>(members);
        Map<String, List<ProxyShare>> lists = proxyLists(cycleId);
        List<ProxyShare> proxies = new ArrayList<>();
        lists.forEach((member, shares) -> {
            if (electorate.contains(member) && shares.stream().allMatch(s -> electorate.contains(s.proxyId()))) {
                proxies.addAll(shares);
            }
        });
        List<Ballot> ballots = jdbc.sql("""
                        select b.member_id, b.ranking from ballot b
                        join electorate e on e.cycle_id = b.cycle_id and e.member_id = b.member_id
                        where b.cycle_id = ? order by b.member_id
                        """).param(cycleId)
                .query((rs, n) -> new Ballot(Long.toString(rs.getLong(1)),
                        Arrays.stream((Long[]) rs.getArray(2).getArray()).map(String::valueOf).toList()))
                .list();
        return new VoteInput(members, proxies, ballots, FlowPolicy.parse(policy), TallyMethod.parse(method), seed);
    }

    public int setAsideProxyLists(String cycleId) {
        Set<String> electorate = new HashSet<>(electorateIds(cycleId));
        return (int) proxyLists(cycleId).entrySet().stream()
                .filter(e -> electorate.contains(e.getKey()))
                .filter(e -> !e.getValue().stream().allMatch(s -> electorate.contains(s.proxyId())))
                .count();
    }

    private List<String> electorateIds(String cycleId) {
        return jdbc.sql("select member_id from electorate where cycle_id = ? order by member_id").param(cycleId)
                .query((rs, n) -> Long.toString(rs.getLong(1))).list();
    }

    /** Each member's list for this cycle: the cycle's override where there is one, else the standing list. */
    private Map<String, List<ProxyShare>> proxyLists(String cycleId) {
        Map<String, List<ProxyShare>> lists = new HashMap<>();
        jdbc.sql("""
                select p.member_id, p.proxy_member_id, p.units
                from proxy_assignment p
                join cycle c on c.id = ?
                join district_group g on g.id = p.group_id and g.plan_id = c.plan_id and g.district_id = c.district_id
                where (p.cycle_id = c.id)
                   or (p.cycle_id is null and not exists (
                        select 1 from proxy_assignment o where o.cycle_id = c.id and o.member_id = p.member_id))
                order by p.member_id, p.position
                """).param(cycleId)
                .query((rs, n) -> new ProxyShare(Long.toString(rs.getLong(1)), Long.toString(rs.getLong(2)), rs.getInt(3)))
                .list()
                .forEach(s -> lists.computeIfAbsent(s.memberId(), k -> new ArrayList<>()).add(s));
        return lists;
    }
}
