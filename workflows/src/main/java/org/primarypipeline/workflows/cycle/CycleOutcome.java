package org.primarypipeline.workflows.cycle;

import org.primarypipeline.core.cycle.CycleStatus;

/** How a cycle ended: completed with a launched fundraiser, failed with a reason, or cancelled. */
public record CycleOutcome(CycleStatus status, Long winnerCandidacyId, Long fundraiserId, String reason) {}
