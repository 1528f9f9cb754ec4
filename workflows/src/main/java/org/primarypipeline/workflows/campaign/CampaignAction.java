package org.primarypipeline.workflows.campaign;

/** A staff member's end or extension of a campaign ({@code days} only for an extension). */
public record CampaignAction(String actor, String reason, int days) {

    public static CampaignAction end(String actor, String reason) {
        return new CampaignAction(actor, reason, 0);
    }

    public static CampaignAction extend(String actor, int days, String reason) {
        return new CampaignAction(actor, reason, days);
    }
}
