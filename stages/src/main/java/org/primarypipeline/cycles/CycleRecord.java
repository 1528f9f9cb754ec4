package org.primarypipeline.cycles;

import java.time.Instant;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.cycle.CycleStatus;

/** A cycle as PostgreSQL records it: the system of record that a restarted app resumes from. */
public record CycleRecord(
        String id,
        String planId,
        String districtId,
        int sequence,
        CycleStatus status,
        CycleStage stage,
        Instant stageDeadline,
        int extensions,
        CycleSettings settings,
        String failureReason,
        String createdBy,
        Instant createdAt) {}
