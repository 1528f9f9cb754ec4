package org.primarypipeline.fundraising;

import io.temporal.activity.ActivityInterface;

/** The conduit's clock: one tick forwards, reverses and warns, and says when to tick next. */
@ActivityInterface
public interface ConduitActivities {

    /**
     * @param finished      the fundraiser is over and nothing is held: the clock can stop
     * @param sleepSeconds  until the next deadline warning is due, at most an hour (new gifts, a connection)
     */
    record Tick(boolean finished, long sleepSeconds, int forwarded, int reversed, int escalated) {}

    Tick tick(long fundraiserId);
}
