package org.primarypipeline.campaigns.events;

import java.time.Instant;
import java.time.ZoneId;

/** One event as stored ({@code campaign_event}). */
public record EventRecord(
        long id,
        String cycleId,
        String districtId,
        long hostMemberId,
        String hostName,
        EventKind kind,
        String title,
        String description,
        Instant startsAt,
        Instant endsAt,
        ZoneId zone,
        String locationName,
        String address,
        String zip,
        Double latitude,
        Double longitude,
        String videoUrl,
        String status,
        Instant publishAt,
        String objectedBy,
        String objection,
        Integer attended,
        Integer callsMade,
        Integer doorsKnocked,
        Integer textsSent,
        Instant reportedAt,
        Instant followedUpAt) {

    public boolean published() {
        return "PUBLISHED".equals(status) || "REPORTED".equals(status);
    }

    public boolean online() {
        return videoUrl != null && !videoUrl.isBlank();
    }

    /** Where, as one line: the place and address, or "online". */
    public String where() {
        if (address == null || address.isBlank()) {
            return locationName == null ? "" : locationName;
        }
        return locationName == null || locationName.isBlank() ? address : locationName + ", " + address;
    }
}
