package org.primarypipeline.campaigns;

import io.temporal.activity.ActivityInterface;
import org.primarypipeline.core.campaign.CampaignStage;

/**
 * Every effect of a candidate's campaign: its row in PostgreSQL, the messages to the group and hosts,
 * the weekly digests and ladder sweep. Each is one transaction (or a few) keyed for retries, and bulk
 * work (a whole group, every host) is one call whatever the numbers. Their types are prefixed
 * {@code Campaign} (the ledger has an {@code EnterStage} and a {@code Finish} of its own).
 */
@ActivityInterface(namePrefix = "Campaign")
public interface CampaignActivities {

    /**
     * Starts the campaign's workflow ({@code campaign:{cycleId}}) unless it runs or ran: the cycle calls
     * this once its fundraiser is launched. Returns whether it was started now; retried, it starts none twice.
     */
    boolean start(String cycleId, long candidacyId, Long fundraiserId);

    /** Records the campaign once (election day from the shipped calendar) and returns it as stored. */
    CampaignSchedule open(String cycleId, long candidacyId, Long fundraiserId);

    /** Moves the recorded stage on (never back) and returns the campaign as stored. */
    CampaignSchedule enterStage(String cycleId, CampaignStage stage);

    /** Tells the group the campaign has begun and asks its members to host; returns the messages queued. */
    int kickoff(String cycleId);

    /** Week {@code week}'s digests to hosts of upcoming events, then the campaign's ladder sweep. */
    int weekly(String cycleId, int week);

    /** Tells the group get out the vote has begun; returns the messages queued. */
    int gotv(String cycleId);

    /** Moves the wrap-up {@code days} later ({@code actor} recorded); returns the campaign as stored. */
    CampaignSchedule extend(String cycleId, int days, String actor, String reason);

    /** Thanks the group with the campaign's results; the group itself stays. Returns the messages queued. */
    int wrapUp(String cycleId);

    /** Records the campaign as ended ({@code endedBy} null when it ran its course). */
    void finish(String cycleId, String endedBy, String reason);
}
