package org.primarypipeline.workflows.campaign;

/** How a campaign ended: after its election ({@code endedBy} null) or by staff. */
public record CampaignOutcome(String cycleId, int weeks, String endedBy, String reason) {}
