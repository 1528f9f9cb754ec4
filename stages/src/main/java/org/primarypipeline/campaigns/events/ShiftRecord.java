package org.primarypipeline.campaigns.events;

import java.time.Instant;

/** A shift of an event, with how many of its places are taken (pending and confirmed RSVPs). */
public record ShiftRecord(long id, long eventId, Instant startsAt, Instant endsAt, int capacity, int taken) {

    public boolean full() {
        return taken >= capacity;
    }

    public int left() {
        return Math.max(0, capacity - taken);
    }
}
