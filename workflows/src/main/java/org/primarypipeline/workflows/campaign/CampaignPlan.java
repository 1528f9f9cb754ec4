package org.primarypipeline.workflows.campaign;

import java.time.Instant;

/**
 * What a campaign's workflow run starts from: the cycle, its certified winner and fundraiser, and what a
 * previous run of the same campaign hands on when it continues as new (the week count, when the next
 * digest is due, an end staff asked for). Stage and dates are PostgreSQL's, read by the first activity.
 */
public record CampaignPlan(
        String cycleId,
        long candidacyId,
        Long fundraiserId,
        int week,
        Instant nextDigest,
        String endedBy,
        String endReason) {

    public static CampaignPlan fresh(String cycleId, long candidacyId, Long fundraiserId) {
        return new CampaignPlan(cycleId, candidacyId, fundraiserId, 0, null, null, null);
    }

    /** The id of a campaign's workflow: one per certified winner, named by the cycle that chose them. */
    public static String workflowId(String cycleId) {
        return "campaign:" + cycleId;
    }
}
