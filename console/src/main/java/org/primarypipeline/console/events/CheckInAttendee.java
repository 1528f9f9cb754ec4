package org.primarypipeline.console.events;

import java.time.Clock;
import java.util.Map;
import org.primarypipeline.campaigns.events.EventRecord;
import org.primarypipeline.campaigns.events.EventStore;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The host checks someone in on their event's roster (once; a second press changes nothing). */
@Service
public class CheckInAttendee {

    private final HostedEvents hosted;
    private final EventStore store;
    private final AuditLog audit;
    private final Clock clock;

    public CheckInAttendee(HostedEvents hosted, EventStore store, AuditLog audit, Clock clock) {
        this.hosted = hosted;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public boolean perform(long hostMemberId, long eventId, long rsvpId) {
        EventRecord event = hosted.of(hostMemberId, eventId);
        if (!event.published()) {
            throw EventRefused.of("form", "events.error.not-open");
        }
        boolean done = store.checkIn(eventId, rsvpId, clock.instant());
        if (done) {
            audit.record(
                    "member " + hostMemberId,
                    "MEMBER",
                    "event.checked-in",
                    Long.toString(eventId),
                    Outcome.DONE,
                    "RSVP " + rsvpId + " checked in by the host",
                    null,
                    Map.of("rsvp", rsvpId));
        }
        return done;
    }
}
