package org.primarypipeline.workflows.campaign;

import java.time.Instant;
import org.primarypipeline.core.campaign.CampaignStage;

/** A campaign's live state as its workflow holds it. */
public record CampaignView(
        String cycleId,
        CampaignStage stage,
        String electionKind,
        String electionDay,
        Instant gotvFrom,
        Instant wrapUpAt,
        int week,
        boolean endRequested) {}
