package org.primarypipeline.console.supporters;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the member's home page reads about them, their group, its rounds and their invitations. */
@Repository
public class MemberHomeReadModel {

    /** The member's own row. */
    public record Me(long id, String fullName, String email, String phone, String street, String zip, String locale) {}

    /** The member's open group: its district, when they joined it, how many members, who launched its rounds. */
    public record Group(String districtId, Instant joinedAt, int size, List<String> organizers) {}

    /** One round of the group, newest first; {@code inElectorate} and {@code voted} are the member's own. */
    public record Round(
            String cycleId,
            String stage,
            String status,
            Instant startedAt,
            Instant stageDeadline,
            Instant updatedAt,
            boolean inElectorate,
            boolean voted) {}

    /** An invitation the member sent. */
    public record Sent(String inviteeName, String status, Instant sentAt) {}

    private final JdbcClient jdbc;

    public MemberHomeReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Me> me(long memberId) {
        return jdbc.sql("select id, full_name, email, phone, street, zip, locale from member where id = ?")
                .param(memberId)
                .query((rs, n) -> new Me(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6) == null ? null : rs.getString(6).strip(),
                        rs.getString(7)))
                .optional();
    }

    public Optional<Group> group(long memberId) {
        return jdbc.sql("""
                select g.id, g.district_id, gm.joined_at,
                       (select count(*) from group_membership o where o.group_id = g.id and o.left_at is null)
                from group_membership gm join district_group g on g.id = gm.group_id
                join district_plan p on p.id = g.plan_id and p.is_current
                where gm.member_id = ? and gm.left_at is null
                order by gm.joined_at desc limit 1
                """)
                .param(memberId)
                .query((rs, n) -> new Group(
                        rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getInt(4), organizers(rs.getString(2))))
                .optional();
    }

    /** Who launched the group's rounds: the organisers a member can write to through the organisation. */
    private List<String> organizers(String districtId) {
        return jdbc.sql("""
                select distinct c.created_by from cycle c join district_plan p on p.id = c.plan_id and p.is_current
                where c.district_id = ? order by 1
                """).param(districtId).query(String.class).list();
    }

    public List<Round> rounds(String districtId, long memberId) {
        return jdbc.sql("""
                select c.id, c.stage, c.status, c.created_at, c.stage_deadline, c.updated_at,
                       exists (select 1 from electorate e where e.cycle_id = c.id and e.member_id = ?),
                       exists (select 1 from ballot b where b.cycle_id = c.id and b.member_id = ?)
                from cycle c join district_plan p on p.id = c.plan_id and p.is_current
                where c.district_id = ? order by c.sequence desc limit 20
                """)
                .params(memberId, memberId, districtId)
                .query((rs, n) -> new Round(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6).toInstant(),
                        rs.getBoolean(7),
                        rs.getBoolean(8)))
                .list();
    }

    public List<Sent> invitationsSent(long memberId) {
        return jdbc.sql("""
                select coalesce(invitee_name, ''), status, created_at from invitation
                where inviter_member_id = ? order by created_at desc limit 50
                """)
                .param(memberId)
                .query((rs, n) -> new Sent(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** Who invited the member, when they joined by an accepted invitation. */
    public Optional<String> invitedBy(long memberId) {
        return jdbc.sql("""
                select m.full_name from invitation i join member m on m.id = i.inviter_member_id
                where i.invitee_member_id = ? and i.status = 'ACCEPTED' order by i.answered_at limit 1
                """).param(memberId).query(String.class).optional();
    }
}
