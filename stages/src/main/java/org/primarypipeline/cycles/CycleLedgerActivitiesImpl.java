package org.primarypipeline.cycles;

import java.time.Instant;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.cycle.CycleStatus;
import org.springframework.stereotype.Component;

@Component
public class CycleLedgerActivitiesImpl implements CycleLedgerActivities {

    private final CycleRepository cycles;

    public CycleLedgerActivitiesImpl(CycleRepository cycles) {
        this.cycles = cycles;
    }

    @Override
    public void enterStage(String cycleId, CycleStage stage, Instant deadline, int extensions, String detail) {
        String key = "stage:" + stage + ":" + extensions + ":" + (deadline == null ? "-" : deadline.toEpochMilli());
        cycles.enterStage(cycleId, stage, deadline, extensions, detail, key);
    }

    @Override
    public void note(String cycleId, CycleStage stage, String kind, String detail, String actor, String dedupKey) {
        cycles.record(cycleId, stage, kind, detail, actor, dedupKey);
    }

    @Override
    public void finish(String cycleId, CycleStatus status, String reason) {
        cycles.finish(cycleId, status, reason);
    }
}
