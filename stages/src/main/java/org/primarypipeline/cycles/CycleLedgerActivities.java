package org.primarypipeline.cycles;

import io.temporal.activity.ActivityInterface;
import java.time.Instant;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.cycle.CycleStatus;

/** Writes the cycle's transitions to PostgreSQL, the record a restarted app resumes from. */
@ActivityInterface
public interface CycleLedgerActivities {

    /** The cycle is now in {@code stage}, with its window closing at {@code deadline} (null: no window). */
    void enterStage(String cycleId, CycleStage stage, Instant deadline, int extensions, String detail);

    /** A staff action or outcome worth a line in the timeline; the key makes a retry write it once. */
    void note(String cycleId, CycleStage stage, String kind, String detail, String actor, String dedupKey);

    void finish(String cycleId, CycleStatus status, String reason);
}
