package org.primarypipeline.batch.prioritize;

import java.util.HashMap;
import java.util.Map;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.priority.SupporterStrength;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Our own strength per district of the current plan: members of its group, from the database. */
@Repository
public class SupporterStrengths {

    private final JdbcClient jdbc;

    public SupporterStrengths(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<DistrictId, SupporterStrength> ofCurrentPlan() {
        Map<DistrictId, SupporterStrength> strengths = new HashMap<>();
        jdbc.sql("""
                select g.district_id, count(gm.member_id) as members
                from district_group g join district_plan p on p.id = g.plan_id and p.is_current
                left join group_membership gm on gm.group_id = g.id and gm.left_at is null
                group by g.district_id
                """)
                .query((rs, n) -> {
                    long members = rs.getLong("members");
                    // every member of a group is a supporter; supporters not (yet) in a group are counted
                    // once the supporters import records them
                    strengths.put(
                            DistrictId.parse(rs.getString("district_id")), new SupporterStrength(members, members));
                    return null;
                })
                .list();
        return strengths;
    }
}
