package org.primarypipeline.console.events;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primarypipeline.campaigns.events.EventKind;
import org.primarypipeline.campaigns.events.EventSettings;
import org.primarypipeline.campaigns.events.EventStore;
import org.primarypipeline.campaigns.events.EventStore.NewShift;
import org.primarypipeline.campaigns.events.ZipDistances;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.core.supporter.ZipCodes;
import org.primarypipeline.core.time.RecipientTimeZones;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A signed-in member proposes an event for the campaign of their district: checks every field, stores the
 * event and its shifts (published at once for a trusted host, else after the review window), audits it
 * and starts its workflow. The host is the member of the session, never one named by the form.
 */
@Service
public class ProposeEvent {

    /** The form as typed; {@code shifts} rows are start time, end time and capacity (blank rows ignored). */
    public record Proposal(
            String kind,
            String title,
            String description,
            String date,
            String start,
            String end,
            String locationName,
            String address,
            String zip,
            String videoUrl,
            List<String[]> shifts) {}

    static final int MAX_CAPACITY = 500;

    private final EventStore store;
    private final EventSettings settings;
    private final AuditLog audit;
    private final EventWorkflows workflows;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public ProposeEvent(
            EventStore store,
            EventSettings settings,
            AuditLog audit,
            EventWorkflows workflows,
            TransactionTemplate transaction,
            Clock clock) {
        this.store = store;
        this.settings = settings;
        this.audit = audit;
        this.workflows = workflows;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Returns the new event's id; refuses with a sentence key per field. */
    public long propose(long memberId, Proposal p) {
        String[] place =
                store.memberPlace(memberId).orElseThrow(() -> EventRefused.of("form", "events.error.no-district"));
        String district = place[0];
        String cycleId =
                store.campaignOf(district).orElseThrow(() -> EventRefused.of("form", "events.error.no-campaign"));
        ZoneId zone = RecipientTimeZones.ofDistrictOrEastern(district);
        Map<String, String> problems = new LinkedHashMap<>();
        EventKind kind = EventKind.parse(p.kind());
        if (kind == null) {
            problems.put("kind", "events.error.kind");
        }
        String title = clean(p.title(), 120);
        if (title == null) {
            problems.put("title", "events.error.title");
        }
        LocalDate day = date(p.date());
        LocalTime start = time(p.start());
        LocalTime end = time(p.end());
        Instant now = clock.instant();
        Instant startsAt = null;
        Instant endsAt = null;
        if (day == null) {
            problems.put("date", "events.error.date");
        } else if (start == null) {
            problems.put("start", "events.error.time");
        } else if (end == null || !end.isAfter(start)) {
            problems.put("end", "events.error.end");
        } else {
            startsAt = day.atTime(start).atZone(zone).toInstant();
            endsAt = day.atTime(end).atZone(zone).toInstant();
            if (!startsAt.isAfter(now)) {
                problems.put("date", "events.error.past");
            }
        }
        String video = clean(p.videoUrl(), 500);
        if (video != null && !video.matches("https://[^\\s\"<>]+")) {
            problems.put("videoUrl", "events.error.video");
        }
        String address = clean(p.address(), 300);
        String zip = null;
        try {
            zip = ZipCodes.normalize(p.zip());
        } catch (org.primarypipeline.core.supporter.InvalidField notAZip) {
            problems.put("zip", "events.error.zip");
        }
        double[] centroid = ZipDistances.centroid(zip);
        if (zip != null && centroid == null && !problems.containsKey("zip")) {
            problems.put("zip", "events.error.zip");
        }
        if (video == null && (address == null || zip == null) && !problems.containsKey("zip")) {
            problems.put("address", "events.error.place");
        }
        List<NewShift> shifts = shifts(p.shifts(), day, zone, startsAt, endsAt, kind, problems);
        if (!problems.isEmpty()) {
            throw new EventRefused(problems);
        }
        boolean trusted = store.trusted(memberId);
        EventStore.NewEvent event = new EventStore.NewEvent(
                cycleId,
                district,
                memberId,
                kind,
                title,
                clean(p.description(), 4000) == null ? "" : clean(p.description(), 4000),
                startsAt,
                endsAt,
                zone,
                clean(p.locationName(), 200),
                address,
                zip,
                centroid == null ? null : centroid[0],
                centroid == null ? null : centroid[1],
                video,
                shifts);
        Instant publishAt = trusted ? now : now.plus(settings.review());
        long id = transaction.execute(tx -> {
            long created = store.create(event, trusted ? "PUBLISHED" : "IN_REVIEW", publishAt);
            audit.record(
                    "member " + memberId,
                    "MEMBER",
                    "event.proposed",
                    Long.toString(created),
                    Outcome.DONE,
                    kind + " in " + district
                            + (trusted ? ", published at once (trusted host)" : ", in review until " + publishAt),
                    null,
                    Map.of("title", title, "startsAt", event.startsAt().toString(), "shifts", shifts.size()));
            return created;
        });
        workflows.start(id);
        return id;
    }

    private List<NewShift> shifts(
            List<String[]> rows,
            LocalDate day,
            ZoneId zone,
            Instant startsAt,
            Instant endsAt,
            EventKind kind,
            Map<String, String> problems) {
        List<NewShift> shifts = new ArrayList<>();
        if (startsAt == null) {
            return shifts;
        }
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            if (row.length < 3 || (blank(row[0]) && blank(row[1]) && blank(row[2]))) {
                continue;
            }
            Integer capacity = number(row[2]);
            if (blank(row[0]) && blank(row[1])) {
                // times left blank: one shift over the whole event, with the capacity typed
                if (capacity == null || capacity < 1 || capacity > MAX_CAPACITY) {
                    problems.put("shift_" + (i + 1), "events.error.capacity");
                } else {
                    shifts.add(new NewShift(startsAt, endsAt, capacity));
                }
                continue;
            }
            LocalTime from = time(row[0]);
            LocalTime to = time(row[1]);
            if (from == null || to == null || !to.isAfter(from)) {
                problems.put("shift_" + (i + 1), "events.error.shift-time");
                continue;
            }
            Instant s = day.atTime(from).atZone(zone).toInstant();
            Instant e = day.atTime(to).atZone(zone).toInstant();
            if (s.isBefore(startsAt) || e.isAfter(endsAt)) {
                problems.put("shift_" + (i + 1), "events.error.shift-time");
            } else if (capacity == null || capacity < 1 || capacity > MAX_CAPACITY) {
                problems.put("shift_" + (i + 1), "events.error.capacity");
            } else {
                shifts.add(new NewShift(s, e, capacity));
            }
        }
        if (shifts.isEmpty() && problems.keySet().stream().noneMatch(k -> k.startsWith("shift_")) && kind != null) {
            shifts.add(new NewShift(startsAt, endsAt, kind.usualCapacity()));
        }
        return shifts;
    }

    static String clean(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        return s.length() > max ? s.substring(0, max) : s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static LocalDate date(String s) {
        try {
            return blank(s) ? null : LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalTime time(String s) {
        try {
            return blank(s) ? null : LocalTime.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Integer number(String s) {
        return s != null && s.strip().matches("\\d{1,6}") ? Integer.valueOf(s.strip()) : null;
    }
}
