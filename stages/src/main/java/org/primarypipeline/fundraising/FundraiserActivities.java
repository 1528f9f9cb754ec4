package org.primarypipeline.fundraising;

import io.temporal.activity.ActivityInterface;

/** Effects of the fundraiser launch, and its compensation when a cycle is cancelled. */
@ActivityInterface
public interface FundraiserActivities {

    /** Creates the certified candidate's fundraiser (once) and announces it; returns its id. */
    long launch(String cycleId, long candidacyId);

    /** Deactivates what a launch created; nothing to do when nothing was launched. */
    void deactivate(String cycleId, String reason);
}
