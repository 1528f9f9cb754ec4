package org.primarypipeline.console.events;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.primarypipeline.campaigns.events.EventMessages;
import org.primarypipeline.campaigns.events.EventRecord;
import org.primarypipeline.campaigns.events.EventStore;
import org.primarypipeline.campaigns.events.RsvpRecord;
import org.primarypipeline.campaigns.events.ShiftRecord;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.outreach.Outbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The RSVP's link was followed and its button pressed: the place is confirmed and the confirmation (with
 * the event's {@code .ics}) is sent. Pressing again changes nothing and sends nothing.
 */
@Service
public class ConfirmRsvp {

    private final EventStore store;
    private final EventMessages messages;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    public ConfirmRsvp(EventStore store, EventMessages messages, Outbox outbox, AuditLog audit, Clock clock) {
        this.store = store;
        this.messages = messages;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** The RSVP the token names, if any (opening the link changes nothing). */
    public Optional<RsvpRecord> find(String token) {
        return token == null || token.length() > 64 ? Optional.empty() : store.byTokenHash(RsvpToShift.sha256(token));
    }

    /** Confirms; empty when the token names no RSVP. */
    @Transactional
    public Optional<RsvpRecord> confirm(String token) {
        Optional<RsvpRecord> found = find(token);
        if (found.isEmpty()) {
            return found;
        }
        RsvpRecord r = found.get();
        if (store.confirm(r.id(), clock.instant())) {
            EventRecord event = store.find(r.eventId()).orElseThrow();
            ShiftRecord shift = store.shifts(r.eventId()).stream()
                    .filter(s -> s.id() == r.shiftId())
                    .findFirst()
                    .orElseThrow();
            outbox.enqueue(messages.confirmed(event, r, shift, clock.instant()));
            audit.record(
                    "public",
                    null,
                    "event.rsvp-confirmed",
                    r.eventId() + "/" + r.shiftId(),
                    Outcome.DONE,
                    "place confirmed by its link",
                    Map.of("status", r.status()),
                    Map.of("status", "CONFIRMED", "rsvp", r.id()));
        }
        return store.rsvp(r.id());
    }
}
