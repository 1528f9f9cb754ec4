package org.primarypipeline.districts;

import java.util.List;
import org.primarypipeline.core.district.District;
import org.primarypipeline.core.district.HouseMember;
import org.primarypipeline.core.district.PublicData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the current district plan, its district groups and the sitting House members from the data
 * bundled in the jar. Running it again changes nothing but what the data changed.
 */
@Component
public class PublicDataLoader {

    public record Loaded(String planId, int districts, int houseMembers) {}

    private final JdbcClient jdbc;

    public PublicDataLoader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Loaded load() {
        String plan = PublicData.CURRENT_PLAN;
        jdbc.sql("""
                insert into district_plan (id, name, is_current) values (?, ?, false)
                on conflict (id) do nothing
                """).params(plan, "2026 congressional districts").update();
        if (jdbc.sql("select count(*) from district_plan where is_current")
                        .query(Integer.class)
                        .single()
                == 0) {
            jdbc.sql("update district_plan set is_current = true where id = ?")
                    .param(plan)
                    .update();
        }
        List<District> districts = PublicData.districts2026();
        for (District d : districts) {
            jdbc.sql("""
                    insert into district (plan_id, id, state, number, population) values (?, ?, ?, ?, ?)
                    on conflict (plan_id, id) do update set population = excluded.population
                    """)
                    .params(plan, d.id().toString(), d.id().state(), d.id().number(), d.population())
                    .update();
            jdbc.sql("insert into district_group (plan_id, district_id) values (?, ?) on conflict do nothing")
                    .params(plan, d.id().toString())
                    .update();
        }
        List<HouseMember> members = PublicData.houseMembers();
        for (HouseMember m : members) {
            jdbc.sql("""
                    insert into house_member (bioguide_id, district_id, full_name, party, fec_ids, phone, url)
                    values (?, ?, ?, ?, ?, ?, ?)
                    on conflict (bioguide_id) do update set district_id = excluded.district_id,
                        full_name = excluded.full_name, party = excluded.party, fec_ids = excluded.fec_ids,
                        phone = excluded.phone, url = excluded.url, loaded_at = now()
                    """)
                    .params(
                            m.bioguideId(),
                            m.district().toString(),
                            m.fullName(),
                            m.party(),
                            m.fecIds().toArray(String[]::new),
                            m.phone(),
                            m.url())
                    .update();
        }
        // members who left the House since the last load leave the table with them
        jdbc.sql("delete from house_member where bioguide_id <> all (?)")
                .param(members.stream().map(HouseMember::bioguideId).toArray(String[]::new))
                .update();
        return new Loaded(plan, districts.size(), members.size());
    }

    public String currentPlan() {
        return jdbc.sql("select id from district_plan where is_current")
                .query(String.class)
                .single();
    }
}
