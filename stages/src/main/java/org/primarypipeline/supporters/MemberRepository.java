package org.primarypipeline.supporters;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Members, their district group and their standing proxy lists. */
@Repository
public class MemberRepository {

    public record ProxyChoice(long proxyMemberId, int units) {}

    private final JdbcClient jdbc;

    public MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a member whose joining is already confirmed (see {@link JoinRequests}: the link followed, or
     * staff entering someone they know), found by email, then phone, or created, to the group of a
     * district of the current plan. A person has one open membership: one in another group is closed (a
     * move), and joining the group they are in changes nothing.
     */
    @Transactional
    public long join(String districtId, String fullName, String email, String phone) {
        return join(districtId, fullName, email, phone, "STAFF");
    }

    /** As {@link #join(String, String, String, String)}, recording how the joining was confirmed. */
    @Transactional
    public long join(String districtId, String fullName, String email, String phone, String joinedVia) {
        Long groupId = jdbc.sql("""
                select g.id from district_group g join district_plan p on p.id = g.plan_id and p.is_current
                where g.district_id = ?
                """)
                .param(districtId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("no district " + districtId + " in the current plan"));
        Optional<Long> existing = email == null
                ? Optional.empty()
                : jdbc.sql("select id from member where lower(email) = lower(?)")
                        .param(email)
                        .query(Long.class)
                        .optional();
        if (existing.isEmpty() && phone != null) {
            existing = jdbc.sql("select id from member where phone = ?")
                    .param(phone)
                    .query(Long.class)
                    .optional();
        }
        long memberId = existing.orElseGet(
                () -> jdbc.sql("insert into member (full_name, email, phone) values (?, ?, ?) returning id")
                        .params(fullName, email, phone)
                        .query(Long.class)
                        .single());
        // one person's joins are taken one at a time, so two at once cannot both keep a membership open
        jdbc.sql("select id from member where id = ? for update")
                .param(memberId)
                .query(Long.class)
                .single();
        // the unconfirmed mark goes once the person has confirmed; an earlier confirmation's way stays
        jdbc.sql("""
                update member set joined_via = case when joined_via is null or joined_via = 'UNCONFIRMED' then ? else joined_via end
                where id = ?
                """).params(joinedVia, memberId).update();
        jdbc.sql(
                        "update group_membership set left_at = now() where member_id = ? and left_at is null and group_id <> ?")
                .params(memberId, groupId)
                .update();
        jdbc.sql("""
                insert into group_membership (group_id, member_id) values (?, ?)
                on conflict (group_id, member_id) do update set left_at = null, joined_at = now()
                    where group_membership.left_at is not null
                """).params(groupId, memberId).update();
        return memberId;
    }

    /** The email addresses of the members who hold a phone number (stored normalised, as {@code +15551234567}). */
    public List<String> emailsByPhone(String normalizedPhone) {
        return jdbc.sql("select email from member where phone = ? and email is not null")
                .param(normalizedPhone)
                .query(String.class)
                .list();
    }

    /** The member's own language ({@code member.locale}: en or es), English when none is set. */
    public String locale(long memberId) {
        return jdbc.sql("select coalesce(locale, 'en') from member where id = ?")
                .param(memberId)
                .query(String.class)
                .optional()
                .orElse("en");
    }

    public Optional<String> fullName(long memberId) {
        return jdbc.sql("select full_name from member where id = ?")
                .param(memberId)
                .query(String.class)
                .optional();
    }

    /**
     * The member's one open group (the database keeps at most one open membership per person; the latest
     * joined is taken all the same, so that a history written before that rule cannot fail a save).
     */
    public Optional<Long> groupOf(long memberId) {
        return jdbc.sql("""
                select gm.group_id from group_membership gm
                join district_group g on g.id = gm.group_id join district_plan p on p.id = g.plan_id and p.is_current
                where gm.member_id = ? and gm.left_at is null
                order by gm.joined_at desc, gm.group_id desc limit 1
                """).param(memberId).query(Long.class).optional();
    }

    /** Replaces a member's standing proxy list (reused across cycles). */
    @Transactional
    public void replaceStandingProxies(long groupId, long memberId, List<ProxyChoice> proxies) {
        jdbc.sql("delete from proxy_assignment where group_id = ? and member_id = ? and cycle_id is null")
                .params(groupId, memberId)
                .update();
        int position = 0;
        for (ProxyChoice p : proxies) {
            jdbc.sql("""
                    insert into proxy_assignment (group_id, member_id, proxy_member_id, units, position)
                    values (?, ?, ?, ?, ?)
                    """)
                    .params(groupId, memberId, p.proxyMemberId(), p.units(), position++)
                    .update();
        }
    }

    public boolean inGroup(long groupId, long memberId) {
        return jdbc.sql(
                                "select count(*) from group_membership where group_id = ? and member_id = ? and left_at is null")
                        .params(groupId, memberId)
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
