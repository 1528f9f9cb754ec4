package org.primarypipeline.campaigns.events;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Published events still to come: for a candidate's page (those of one campaign) and for {@code /events}
 * (by distance from a ZIP's centroid; online events and events without a place come after the near ones).
 */
@Service
public class UpcomingEvents {

    /** An event as a list shows it; {@code miles} is null when there is no ZIP to measure from or to. */
    public record Listed(EventRecord event, Double miles, int placesLeft) {}

    private static final int SCAN = 500;

    private final EventStore store;
    private final Clock clock;

    public UpcomingEvents(EventStore store, ObjectProvider<Clock> clock) {
        this.store = store;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** The campaign's published events still to come, soonest first. */
    public List<Listed> ofCampaign(String cycleId, int limit) {
        return store.upcoming(now(), cycleId, limit).stream()
                .map(e -> new Listed(e, null, placesLeft(e.id())))
                .toList();
    }

    /** Every published event still to come, nearest the ZIP first (soonest first without a ZIP). */
    public List<Listed> near(String zip, int limit) {
        double[] from = ZipDistances.centroid(zip);
        List<Listed> listed = new ArrayList<>();
        for (EventRecord e : store.upcoming(now(), null, SCAN)) {
            Double miles = null;
            if (from != null && e.latitude() != null && e.longitude() != null) {
                miles = ZipDistances.miles(from[0], from[1], e.latitude(), e.longitude());
            }
            listed.add(new Listed(e, miles, -1));
        }
        listed.sort(Comparator.comparing((Listed l) -> l.miles() == null ? Double.MAX_VALUE : l.miles())
                .thenComparing(l -> l.event().startsAt()));
        return listed.subList(0, Math.min(limit, listed.size())).stream()
                .map(l -> new Listed(l.event(), l.miles(), placesLeft(l.event().id())))
                .toList();
    }

    private int placesLeft(long eventId) {
        return store.shifts(eventId).stream().mapToInt(ShiftRecord::left).sum();
    }

    private Instant now() {
        return clock.instant();
    }
}
