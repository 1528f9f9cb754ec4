package org.primarypipeline.supporters;

import java.util.Optional;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.geo.DistrictPlan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A plan's rows in the database: the plan, its districts and one group per district. Loading a plan
 * that is already there changes nothing; which plan is current is a separate, explicit step.
 */
@Repository
public class DistrictPlanStore {

    private final JdbcClient jdbc;

    public DistrictPlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void ensure(DistrictPlan plan) {
        jdbc.sql("insert into district_plan (id, name, is_current) values (?, ?, false) on conflict (id) do nothing")
                .params(plan.id(), plan.name())
                .update();
        for (DistrictId d : plan.districts()) {
            jdbc.sql("insert into district (plan_id, id, state, number) values (?, ?, ?, ?) on conflict do nothing")
                    .params(plan.id(), d.toString(), d.state(), d.number())
                    .update();
            jdbc.sql("insert into district_group (plan_id, district_id) values (?, ?) on conflict do nothing")
                    .params(plan.id(), d.toString())
                    .update();
        }
    }

    /** Makes the plan the one groups, cycles and new members follow. */
    @Transactional
    public void makeCurrent(String planId) {
        jdbc.sql("update district_plan set is_current = false where is_current and id <> ?")
                .param(planId)
                .update();
        int updated = jdbc.sql("update district_plan set is_current = true where id = ?")
                .param(planId)
                .update();
        if (updated == 0) {
            throw new IllegalArgumentException("no plan " + planId + " in the database");
        }
    }

    public Optional<String> currentPlan() {
        return jdbc.sql("select id from district_plan where is_current")
                .query(String.class)
                .optional();
    }

    public Optional<Long> groupOf(String planId, String districtId) {
        return jdbc.sql("select id from district_group where plan_id = ? and district_id = ?")
                .params(planId, districtId)
                .query(Long.class)
                .optional();
    }
}
