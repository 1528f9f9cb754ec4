package org.primarypipeline.voting;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.primarypipeline.core.vote.IndexedVoteInput;
import org.primarypipeline.supporters.MemberRepository;
import org.primarypipeline.supporters.MemberRepository.ProxyChoice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's proxy lists: the standing one, which belongs to the member and their district group and
 * is reused by every cycle of the group, and an override for one cycle, which replaces it for that
 * cycle only (an empty override means "nobody this time": the member's units stay their own). Lists
 * are checked here, whoever writes them: at most 10 proxies, each a different member of the group and
 * not the member, whole units of at least 1 summing to 10.
 */
@Repository
public class ProxyLists {

    public record Lists(List<ProxyChoice> standing, Optional<List<ProxyChoice>> override) {

        /** The list the cycle would count if it were counted now. */
        public List<ProxyChoice> effective() {
            return override.orElse(standing);
        }
    }

    private final JdbcClient jdbc;
    private final MemberRepository members;

    public ProxyLists(JdbcClient jdbc, MemberRepository members) {
        this.jdbc = jdbc;
        this.members = members;
    }

    @Transactional
    public void replaceStanding(long memberId, List<ProxyChoice> proxies) {
        long group = groupOf(memberId);
        check(group, memberId, proxies);
        members.replaceStandingProxies(group, memberId, proxies);
    }

    /** Replaces the member's list for this cycle only; the cycle must belong to the member's group. */
    @Transactional
    public void overrideForCycle(String cycleId, long memberId, List<ProxyChoice> proxies) {
        long group = groupOf(memberId);
        long cycleGroup = cycleGroup(cycleId);
        if (group != cycleGroup) {
            throw new IllegalArgumentException("cycle " + cycleId + " is not in member " + memberId + "'s district");
        }
        check(group, memberId, proxies);
        jdbc.sql("delete from proxy_assignment where cycle_id = ? and member_id = ?")
                .params(cycleId, memberId)
                .update();
        jdbc.sql("""
                insert into proxy_override (cycle_id, member_id, group_id) values (?, ?, ?)
                on conflict (cycle_id, member_id) do update set set_at = now()
                """).params(cycleId, memberId, group).update();
        int position = 0;
        for (ProxyChoice p : proxies) {
            jdbc.sql("""
                    insert into proxy_assignment (group_id, member_id, proxy_member_id, cycle_id, units, position)
                    values (?, ?, ?, ?, ?, ?)
                    """)
                    .params(group, memberId, p.proxyMemberId(), cycleId, p.units(), position++)
                    .update();
        }
    }

    /**
     * Checks a list as {@link #replaceStanding} and {@link #overrideForCycle} would, without storing it:
     * for an assisted entry, refused when staff enter it rather than when the member confirms.
     */
    public void validate(long memberId, List<ProxyChoice> proxies) {
        check(groupOf(memberId), memberId, proxies);
    }

    /** Back to the standing list for this cycle. */
    @Transactional
    public void clearOverride(String cycleId, long memberId) {
        jdbc.sql("delete from proxy_assignment where cycle_id = ? and member_id = ?")
                .params(cycleId, memberId)
                .update();
        jdbc.sql("delete from proxy_override where cycle_id = ? and member_id = ?")
                .params(cycleId, memberId)
                .update();
    }

    public Lists of(String cycleId, long memberId) {
        // by the member's groups: the standing lists' index leads with the group, and without it every
        // ballot page scanned all the standing lists (300,000 rows for 100,000 members; pp bench ballots)
        List<ProxyChoice> standing = jdbc.sql("""
                select proxy_member_id, units from proxy_assignment
                where group_id in (select group_id from group_membership where member_id = ?)
                  and member_id = ? and cycle_id is null
                order by position""")
                .params(memberId, memberId)
                .query((rs, n) -> new ProxyChoice(rs.getLong(1), rs.getInt(2)))
                .list();
        boolean overridden =
                jdbc.sql("""
                select count(*) from proxy_override where cycle_id = ? and member_id = ?
                """).params(cycleId, memberId).query(Integer.class).single() > 0
                        || jdbc.sql("select count(*) from proxy_assignment where cycle_id = ? and member_id = ?")
                                        .params(cycleId, memberId)
                                        .query(Integer.class)
                                        .single()
                                > 0;
        Optional<List<ProxyChoice>> override = overridden
                ? Optional.of(jdbc.sql("""
                        select proxy_member_id, units from proxy_assignment where member_id = ? and cycle_id = ?
                        order by position""")
                        .params(memberId, cycleId)
                        .query((rs, n) -> new ProxyChoice(rs.getLong(1), rs.getInt(2)))
                        .list())
                : Optional.empty();
        return new Lists(standing, override);
    }

    /** Splits 10 units equally over the named proxies, the remainder to the first named. */
    public static List<ProxyChoice> equalShares(List<Long> proxyIds) {
        if (proxyIds.isEmpty()) {
            return List.of();
        }
        int each = IndexedVoteInput.UNITS_PER_MEMBER / proxyIds.size();
        int remainder = IndexedVoteInput.UNITS_PER_MEMBER - each * proxyIds.size();
        List<ProxyChoice> shares = new java.util.ArrayList<>();
        for (int i = 0; i < proxyIds.size(); i++) {
            shares.add(new ProxyChoice(proxyIds.get(i), each + (i == 0 ? remainder : 0)));
        }
        return shares;
    }

    private long groupOf(long memberId) {
        return members.groupOf(memberId)
                .orElseThrow(() -> new IllegalArgumentException("member " + memberId + " is not in a district group"));
    }

    private long cycleGroup(String cycleId) {
        return jdbc.sql("""
                select g.id from cycle c join district_group g on g.plan_id = c.plan_id and g.district_id = c.district_id
                where c.id = ?""")
                .param(cycleId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("no cycle " + cycleId));
    }

    private void check(long group, long memberId, List<ProxyChoice> proxies) {
        require(proxies.size() <= IndexedVoteInput.MAX_PROXIES, "at most " + IndexedVoteInput.MAX_PROXIES + " proxies");
        Set<Long> seen = new HashSet<>();
        int units = 0;
        for (ProxyChoice p : proxies) {
            require(p.proxyMemberId() != memberId, "a member cannot be their own proxy");
            require(seen.add(p.proxyMemberId()), "proxy " + p.proxyMemberId() + " is named twice");
            require(p.units() >= 1, "each proxy gets at least one unit");
            require(
                    members.inGroup(group, p.proxyMemberId()),
                    "proxy " + p.proxyMemberId() + " is not in your district group");
            units += p.units();
        }
        require(
                proxies.isEmpty() || units == IndexedVoteInput.UNITS_PER_MEMBER,
                "proxy shares must sum to " + IndexedVoteInput.UNITS_PER_MEMBER + ", not " + units);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
