package org.primarypipeline.campaigns.events;

import java.time.Instant;

/** One RSVP ({@code event_rsvp}). */
public record RsvpRecord(
        long id,
        long eventId,
        long shiftId,
        Long memberId,
        String fullName,
        String email,
        String phone,
        String locale,
        String status,
        Instant confirmedAt,
        Instant checkedInAt) {}
