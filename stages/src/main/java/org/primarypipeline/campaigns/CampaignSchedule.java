package org.primarypipeline.campaigns;

import java.time.Instant;
import org.primarypipeline.core.campaign.CampaignStage;

/**
 * A campaign as PostgreSQL records it, with the instants its workflow waits for: get out the vote, the
 * start of election day, the wrap-up (the start of {@code ends_on}), all in the district's time zone.
 * {@code electionDay} is an ISO date.
 */
public record CampaignSchedule(
        String cycleId,
        String districtId,
        CampaignStage stage,
        String electionKind,
        String electionDay,
        Instant gotvFrom,
        Instant electionStarts,
        Instant wrapUpAt) {}
