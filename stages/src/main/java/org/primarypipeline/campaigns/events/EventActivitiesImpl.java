package org.primarypipeline.campaigns.events;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.outreach.Outbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link EventActivities} on PostgreSQL and the outbox. */
@Component
public class EventActivitiesImpl implements EventActivities {

    private final EventStore store;
    private final EventMessages messages;
    private final EventSettings settings;
    private final Outbox outbox;
    private final Clock clock;

    public EventActivitiesImpl(
            EventStore store,
            EventMessages messages,
            EventSettings settings,
            Outbox outbox,
            ObjectProvider<Clock> clock) {
        this.store = store;
        this.messages = messages;
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public EventTimes times(long eventId) {
        EventRecord e = event(eventId);
        return new EventTimes(
                e.status(),
                e.publishAt().toEpochMilli(),
                e.startsAt().toEpochMilli(),
                e.endsAt().toEpochMilli(),
                e.startsAt().minus(settings.emailBefore()).toEpochMilli(),
                e.startsAt().minus(settings.smsBefore()).toEpochMilli(),
                e.followedUpAt() != null);
    }

    @Override
    @Transactional
    public boolean publishIfDue(long eventId) {
        store.publishIfDue(eventId, clock.instant());
        return event(eventId).published();
    }

    @Override
    @Transactional
    public int inviteNearby(long eventId) {
        EventRecord e = event(eventId);
        List<String> zips = e.latitude() == null || e.longitude() == null
                ? List.of()
                : ZipDistances.within(e.latitude(), e.longitude(), settings.inviteMiles());
        List<OutboundMessage> invitations = new ArrayList<>();
        for (EventStore.Invitee who : store.invitees(e.districtId(), zips)) {
            if (who.memberId() != e.hostMemberId() && (who.email() != null || who.phone() != null)) {
                invitations.add(messages.invitation(e, who));
            }
        }
        return outbox.enqueueAll(invitations);
    }

    @Override
    @Transactional
    public int remindByEmail(long eventId) {
        EventRecord e = event(eventId);
        Map<Long, ShiftRecord> shifts = shifts(eventId);
        Instant now = clock.instant();
        List<OutboundMessage> reminders = new ArrayList<>();
        for (RsvpRecord r : store.confirmed(eventId)) {
            if (r.email() != null) {
                reminders.add(messages.emailReminder(e, r, shifts.get(r.shiftId()), now));
            }
        }
        return outbox.enqueueAll(reminders);
    }

    @Override
    @Transactional
    public int remindBySms(long eventId) {
        EventRecord e = event(eventId);
        Map<Long, ShiftRecord> shifts = shifts(eventId);
        List<OutboundMessage> reminders = new ArrayList<>();
        for (RsvpRecord r : store.confirmed(eventId)) {
            if (r.phone() != null) {
                reminders.add(messages.smsReminder(e, r, shifts.get(r.shiftId())));
            }
        }
        return outbox.enqueueAll(reminders);
    }

    @Override
    @Transactional
    public int followUp(long eventId) {
        EventRecord e = event(eventId);
        List<OutboundMessage> asks = new ArrayList<>();
        for (RsvpRecord r : store.attendees(eventId)) {
            if (r.memberId() == null || r.memberId() != e.hostMemberId()) {
                asks.add(messages.followUp(e, r));
            }
        }
        int queued = outbox.enqueueAll(asks);
        store.followedUp(eventId, clock.instant());
        return queued;
    }

    private Map<Long, ShiftRecord> shifts(long eventId) {
        return store.shifts(eventId).stream().collect(Collectors.toMap(ShiftRecord::id, Function.identity()));
    }

    private EventRecord event(long eventId) {
        return store.find(eventId).orElseThrow(() -> new IllegalArgumentException("no event " + eventId));
    }
}
