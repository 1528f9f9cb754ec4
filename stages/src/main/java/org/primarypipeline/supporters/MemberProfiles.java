package org.primarypipeline.supporters;

import java.util.Optional;
import org.primarypipeline.core.district.DistrictId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a member changes about themselves on their home page: contact details, language, address (and
 * with it their district: a move under the one-group rule), and leaving their group.
 */
@Repository
public class MemberProfiles {

    private final JdbcClient jdbc;
    private final SupporterDistricts districts;

    public MemberProfiles(JdbcClient jdbc, SupporterDistricts districts) {
        this.jdbc = jdbc;
        this.districts = districts;
    }

    /** Whether another member already has this email or phone (each finds one person). */
    public boolean takenByAnother(long memberId, String email, String phone) {
        return jdbc.sql("""
                        select count(*) from member where id <> ?
                          and ((cast(? as text) is not null and lower(email) = ?) or (cast(? as text) is not null and phone = ?))
                        """)
                        .params(memberId, email, email, phone, phone)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public void contact(long memberId, String email, String phone) {
        jdbc.sql("update member set email = ?, phone = ? where id = ?")
                .params(email, phone, memberId)
                .update();
    }

    public void locale(long memberId, String locale) {
        jdbc.sql("update member set locale = ? where id = ?")
                .params(locale, memberId)
                .update();
    }

    /** The district of the member's open group on the current plan, if any. */
    public Optional<String> openDistrict(long memberId) {
        return jdbc.sql("""
                select g.district_id from group_membership gm join district_group g on g.id = gm.group_id
                where gm.member_id = ? and gm.left_at is null
                """).param(memberId).query(String.class).optional();
    }

    /**
     * The member's new address: the district they live in is their word (member-confirmed), and a member
     * in a group moves to that district's group (the old membership closes; one open membership per person).
     */
    @Transactional
    public void address(long memberId, String street, String zip, String district) {
        jdbc.sql("select id from member where id = ? for update")
                .param(memberId)
                .query(Long.class)
                .single();
        jdbc.sql("update member set street = ?, zip = ? where id = ?")
                .params(street, zip, memberId)
                .update();
        districts.confirm(memberId, DistrictId.parse(district));
    }

    /** Leaves the open group; the member stays on the list and may join again by the join page's link. */
    @Transactional
    public Optional<String> leave(long memberId) {
        Optional<String> left = openDistrict(memberId);
        jdbc.sql("update group_membership set left_at = now() where member_id = ? and left_at is null")
                .param(memberId)
                .update();
        // not "joined" any more, so a later change of address does not put them back in a group
        jdbc.sql("update member set joined_at = null where id = ?")
                .param(memberId)
                .update();
        return left;
    }
}
