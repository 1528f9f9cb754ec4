package org.primarypipeline.activities.fundraiser;

import org.primarypipeline.activities.cycle.CycleRecord;
import org.primarypipeline.activities.cycle.CycleRepository;
import org.primarypipeline.core.cycle.CycleStage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
public class FundraiserActivitiesImpl implements FundraiserActivities {

    private final JdbcClient jdbc;
    private final CycleRepository cycles;

    public FundraiserActivitiesImpl(JdbcClient jdbc, CycleRepository cycles) {
        this.jdbc = jdbc;
        this.cycles = cycles;
    }

    @Override
    @Transactional
    public long launch(String cycleId, long candidacyId) {
        CycleRecord cycle = cycles.find(cycleId).orElseThrow();
        jdbc.sql("""
                insert into fundraiser (cycle_id, candidacy_id, status, goal_cents) values (?, ?, 'LAUNCHED', ?)
                on conflict (cycle_id) do nothing
                """).params(cycleId, candidacyId, cycle.settings().fundraiserGoalCents()).update();
        long id = jdbc.sql("select id from fundraiser where cycle_id = ?").param(cycleId).query(Long.class).single();
        cycles.record(cycleId, CycleStage.FUNDRAISER_LAUNCH, "FUNDRAISER_LAUNCHED",
                "fundraiser #" + id + " launched, goal $" + cycle.settings().fundraiserGoalCents() / 100, "system",
                "fundraiser-launched");
        return id;
    }

    @Override
    @Transactional
    public void deactivate(String cycleId, String reason) {
        int changed = jdbc.sql("update fundraiser set status = 'DEACTIVATED' where cycle_id = ? and status = 'LAUNCHED'")
                .param(cycleId).update();
        if (changed > 0) {
            cycles.record(cycleId, CycleStage.FUNDRAISER_LAUNCH, "FUNDRAISER_DEACTIVATED", reason, "system",
                    "fundraiser-deactivated");
        }
    }
}
