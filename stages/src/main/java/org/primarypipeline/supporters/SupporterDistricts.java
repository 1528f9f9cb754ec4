package org.primarypipeline.supporters;

import java.util.Optional;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.geo.Assignment;
import org.primarypipeline.core.geo.AssignmentSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * One supporter's district on the current plan and the group that follows from it: members confirm
 * (or correct) a provisional district, staff set one, a supporter joins their district's group. A
 * member has at most one open membership per plan; it moves when their district changes.
 */
@Repository
public class SupporterDistricts {

    public record Current(
            String planId,
            DistrictId districtId,
            AssignmentSource source,
            boolean provisional,
            String reason,
            boolean joined) {}

    private final JdbcClient jdbc;

    public SupporterDistricts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Current> of(long memberId) {
        return jdbc.sql("""
                select district_plan_id, district_id, district_source, district_provisional, district_reason,
                       joined_at is not null or exists (select 1 from group_membership gm where gm.member_id = m.id and gm.left_at is null) as joined
                from member m where id = ?
                """)
                .param(memberId)
                .query((rs, n) -> new Current(
                        rs.getString(1),
                        rs.getString(2) == null ? null : DistrictId.parse(rs.getString(2)),
                        rs.getString(3) == null ? null : AssignmentSource.valueOf(rs.getString(3)),
                        rs.getBoolean(4),
                        rs.getString(5),
                        rs.getBoolean(6)))
                .optional();
    }

    /** The member says where they live; their word wins over anything computed on this plan. */
    @Transactional
    public void confirm(long memberId, DistrictId district) {
        set(memberId, Assignment.confirmedByMember(district));
    }

    /** Staff set the district, with the reason kept beside it. */
    @Transactional
    public void assignByStaff(long memberId, DistrictId district, String staff, String reason) {
        set(memberId, Assignment.byStaff(district, staff + ": " + reason));
    }

    /** The supporter asks to be in their district's group; without a district they join once they have one. */
    @Transactional
    public Optional<Long> join(long memberId) {
        jdbc.sql("update member set joined_at = coalesce(joined_at, now()) where id = ?")
                .param(memberId)
                .update();
        return syncMembership(memberId);
    }

    private void set(long memberId, Assignment assignment) {
        String plan = currentPlan();
        if (jdbc.sql("select count(*) from district where plan_id = ? and id = ?")
                        .params(plan, assignment.districtId().toString())
                        .query(Integer.class)
                        .single()
                == 0) {
            throw new IllegalArgumentException("no district " + assignment.districtId() + " in plan " + plan);
        }
        int updated = jdbc.sql("""
                update member set district_plan_id = ?, district_id = ?, district_source = ?, district_provisional = false,
                    district_reason = ?, district_assigned_at = now() where id = ?
                """)
                .params(
                        plan,
                        assignment.districtId().toString(),
                        assignment.source().name(),
                        assignment.reason(),
                        memberId)
                .update();
        if (updated == 0) {
            throw new IllegalArgumentException("no member " + memberId);
        }
        syncMembership(memberId);
    }

    /**
     * Puts a joined member with a district in that district's group of the current plan and closes any
     * other open membership they have on it; returns the group. Ballots and electorates are never touched.
     */
    Optional<Long> syncMembership(long memberId) {
        String plan = currentPlan();
        Optional<Long> group =
                jdbc.sql("""
                select g.id from member m join district_group g on g.plan_id = m.district_plan_id and g.district_id = m.district_id
                where m.id = ? and m.district_plan_id = ?
                  and (m.joined_at is not null or exists (select 1 from group_membership gm where gm.member_id = m.id and gm.left_at is null))
                """).params(memberId, plan).query(Long.class).optional();
        if (group.isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("""
                update group_membership gm set left_at = now()
                from district_group g where g.id = gm.group_id and gm.member_id = ? and gm.left_at is null and gm.group_id <> ?
                """).params(memberId, group.get()).update();
        jdbc.sql("""
                insert into group_membership (group_id, member_id) values (?, ?)
                on conflict (group_id, member_id) do update set left_at = null, joined_at = now()
                    where group_membership.left_at is not null
                """).params(group.get(), memberId).update();
        return group;
    }

    private String currentPlan() {
        return jdbc.sql("select id from district_plan where is_current")
                .query(String.class)
                .single();
    }
}
