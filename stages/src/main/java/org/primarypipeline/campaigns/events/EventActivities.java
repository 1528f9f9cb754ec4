package org.primarypipeline.campaigns.events;

import io.temporal.activity.ActivityInterface;

/**
 * What {@code EventWorkflow} does to the world, one short transaction each. Bulk sends (invitations,
 * reminders, the follow-up) are one activity over every recipient, keyed per recipient in the outbox, so
 * a retry queues nothing twice and the workflow's history stays a few dozen events whatever the turnout.
 */
@ActivityInterface
public interface EventActivities {

    /** The event's dates and state, and when its reminders go. */
    EventTimes times(long eventId);

    /** Publishes the event if its review window passed and nobody objected; true if it is published. */
    boolean publishIfDue(long eventId);

    /** Invites the members of its district and those of neighbouring districts living near it; how many. */
    int inviteNearby(long eventId);

    /** Emails each confirmed RSVP with an email address a reminder (with the .ics); how many. */
    int remindByEmail(long eventId);

    /** Texts each confirmed RSVP with a phone a reminder (consent and quiet hours as the outbox keeps them). */
    int remindBySms(long eventId);

    /** Asks everyone who attended to host an event of their own, and marks the event done; how many. */
    int followUp(long eventId);
}
