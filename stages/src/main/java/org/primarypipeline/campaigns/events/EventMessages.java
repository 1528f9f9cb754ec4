package org.primarypipeline.campaigns.events;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.platform.links.PublicLinks;
import org.springframework.stereotype.Component;

/**
 * The messages of an event, each with its deduplication key ({@code event:{id}:{step}:rsvp:{rsvp}} or
 * {@code :member:{member}}), so a retried activity or a second click queues nothing twice: the link that
 * confirms an RSVP, the confirmation, the invitation, the two reminders and the follow-up. Email goes to
 * the address when there is one, else a text to the phone, counted in the event's time zone for quiet hours.
 */
@Component
public class EventMessages {

    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("EEE, MMM d, h:mm a z", Locale.US);
    private static final DateTimeFormatter ES =
            DateTimeFormatter.ofPattern("EEE d 'de' MMMM, HH:mm z", Locale.forLanguageTag("es"));

    private final PublicLinks links;

    public EventMessages(PublicLinks links) {
        this.links = links;
    }

    public String eventUrl(long eventId) {
        return links.url("/events/" + eventId);
    }

    /** When the shift starts, in the event's zone and the reader's language. */
    public static String when(EventRecord e, Instant at, String locale) {
        ZonedDateTime local = at.atZone(e.zone());
        return ("es".equals(locale) ? ES : EN).format(local);
    }

    public OutboundMessage confirmLink(EventRecord e, RsvpRecord r, Instant shiftStart, String token) {
        Map<String, Object> model = model(e, r, shiftStart);
        model.put("confirmUrl", links.url("/events/rsvp/" + token));
        return to(e, r, "rsvp-link", "event-rsvp-confirm", model)
                .asTransactional()
                .withSecrets("confirmUrl");
    }

    public OutboundMessage confirmed(EventRecord e, RsvpRecord r, ShiftRecord shift, Instant now) {
        return withCalendar(
                to(e, r, "confirmed", "event-confirmed", model(e, r, shift.startsAt()))
                        .asTransactional(),
                e,
                r,
                shift,
                now);
    }

    public OutboundMessage emailReminder(EventRecord e, RsvpRecord r, ShiftRecord shift, Instant now) {
        OutboundMessage m = OutboundMessage.email(
                key(e, "reminder-email", r), r.email(), "event-reminder", model(e, r, shift.startsAt()));
        return withCalendar(m.asTransactional(), e, r, shift, now);
    }

    public OutboundMessage smsReminder(EventRecord e, RsvpRecord r, ShiftRecord shift) {
        return OutboundMessage.sms(
                        key(e, "reminder-sms", r), r.phone(), "event-reminder", model(e, r, shift.startsAt()))
                .asTransactional()
                .inZone(e.zone());
    }

    public OutboundMessage followUp(EventRecord e, RsvpRecord r) {
        Map<String, Object> model = model(e, r, e.startsAt());
        model.put("hostUrl", links.url("/events/new"));
        return to(e, r, "follow-up", "event-follow-up", model);
    }

    public OutboundMessage invitation(EventRecord e, EventStore.Invitee who) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("fullName", who.fullName());
        model.put("locale", who.locale());
        fill(model, e, e.startsAt(), who.locale());
        String key = "event:" + e.id() + ":invitation:member:" + who.memberId();
        if (who.email() != null) {
            return OutboundMessage.email(key, who.email(), "event-invitation", model);
        }
        return OutboundMessage.sms(key, who.phone(), "event-invitation", model).inZone(e.zone());
    }

    private OutboundMessage withCalendar(
            OutboundMessage m, EventRecord e, RsvpRecord r, ShiftRecord shift, Instant now) {
        if (m.channel() != org.primarypipeline.outreach.Channel.EMAIL) {
            return m;
        }
        String location = e.online() ? e.videoUrl() : e.where();
        String ics = IcsCalendar.event(
                "event-" + e.id() + "-shift-" + shift.id() + "-rsvp-" + r.id() + "@primarypipeline",
                shift.startsAt(),
                shift.endsAt(),
                e.title(),
                e.description(),
                location,
                eventUrl(e.id()),
                now);
        return m.withAttachment("event-" + e.id() + ".ics", "text/calendar", ics);
    }

    private OutboundMessage to(EventRecord e, RsvpRecord r, String step, String template, Map<String, Object> model) {
        if (r.email() != null) {
            return OutboundMessage.email(key(e, step, r), r.email(), template, model);
        }
        return OutboundMessage.sms(key(e, step, r), r.phone(), template, model).inZone(e.zone());
    }

    private static String key(EventRecord e, String step, RsvpRecord r) {
        return "event:" + e.id() + ":" + step + ":rsvp:" + r.id();
    }

    private Map<String, Object> model(EventRecord e, RsvpRecord r, Instant shiftStart) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("fullName", r.fullName());
        model.put("locale", r.locale());
        fill(model, e, shiftStart, r.locale());
        return model;
    }

    private void fill(Map<String, Object> model, EventRecord e, Instant at, String locale) {
        model.put("eventTitle", e.title());
        model.put("hostName", e.hostName());
        model.put("when", when(e, at, locale));
        model.put("where", e.online() ? e.videoUrl() : e.where());
        model.put("eventUrl", eventUrl(e.id()));
    }
}
