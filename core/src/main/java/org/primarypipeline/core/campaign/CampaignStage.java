package org.primarypipeline.core.campaign;

/** The stages of a candidate's campaign, in order (the {@code campaign.stage} column). */
public enum CampaignStage {
    KICKOFF,
    ORGANIZING,
    GOTV,
    ELECTION,
    WRAP_UP,
    ENDED;

    public boolean isAfter(CampaignStage other) {
        return ordinal() > other.ordinal();
    }
}
