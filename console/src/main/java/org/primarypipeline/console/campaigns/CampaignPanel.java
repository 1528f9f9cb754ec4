package org.primarypipeline.console.campaigns;

/**
 * The campaign panel of the cycle page ({@code cycle.mustache}): null before a winner's campaign exists.
 * {@code steer}: the buttons to extend or end it are shown (STEER_CYCLES, campaign not yet wrapping up).
 */
public record CampaignPanel(
        String cycleId, String stage, String election, String wrapUpOn, String endedBy, boolean steer) {}
