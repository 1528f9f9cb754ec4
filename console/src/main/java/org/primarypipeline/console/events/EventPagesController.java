package org.primarypipeline.console.events;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primarypipeline.campaigns.events.EventMessages;
import org.primarypipeline.campaigns.events.EventRecord;
import org.primarypipeline.campaigns.events.EventStore;
import org.primarypipeline.campaigns.events.RsvpRecord;
import org.primarypipeline.campaigns.events.UpcomingEvents;
import org.primarypipeline.campaigns.events.ZipDistances;
import org.primarypipeline.console.campaigns.RefcodeCookies;
import org.primarypipeline.console.events.EventPageModels.ConfirmPage;
import org.primarypipeline.console.events.EventPageModels.EventList;
import org.primarypipeline.console.events.EventPageModels.Listed;
import org.primarypipeline.console.web.PublicPageView;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.console.web.i18n.PageLanguage;
import org.primarypipeline.console.web.i18n.PageTexts;
import org.primarypipeline.core.supporter.InvalidField;
import org.primarypipeline.core.supporter.ZipCodes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The events' public pages, no account needed: the list by distance from a ZIP, an event with its shifts
 * and the RSVP form, and the RSVP's one-time link. Proposing and hosting need the member's session, so
 * {@code /events/new} and {@code /events/{id}/host} lead to their pages under {@code /me}.
 */
@Controller
public class EventPagesController {

    private static final int LIST_SIZE = 50;

    private final UpcomingEvents upcoming;
    private final EventStore store;
    private final EventPages pages;
    private final RsvpToShift rsvp;
    private final ConfirmRsvp confirm;

    public EventPagesController(
            UpcomingEvents upcoming, EventStore store, EventPages pages, RsvpToShift rsvp, ConfirmRsvp confirm) {
        this.upcoming = upcoming;
        this.store = store;
        this.pages = pages;
        this.rsvp = rsvp;
        this.confirm = confirm;
    }

    @GetMapping("/events")
    public ModelAndView list(@RequestParam(required = false) String zip, HttpServletRequest request) {
        Language language = PageLanguage.of(request, null);
        String typed = zip == null ? "" : zip.strip();
        String normal = null;
        String zipError = null;
        try {
            normal = ZipCodes.normalize(typed.length() > 10 ? typed.substring(0, 10) : typed);
            if (normal != null && ZipDistances.centroid(normal) == null) {
                zipError = PageTexts.text(language, "events.error.zip-unknown");
            }
        } catch (InvalidField notAZip) {
            zipError = PageTexts.text(language, "events.error.zip");
        }
        List<Listed> events = upcoming.near(zipError == null ? normal : null, LIST_SIZE).stream()
                .map(l -> new Listed(
                        l.event().id(),
                        l.event().title(),
                        EventPages.kind(language, l.event()),
                        EventMessages.when(l.event(), l.event().startsAt(), language.tag()),
                        l.event().online()
                                ? PageTexts.text(language, "events.online")
                                : l.event().where(),
                        l.miles() == null ? null : Math.round(l.miles()) + " mi",
                        l.placesLeft()))
                .toList();
        EventList page = new EventList(PageTexts.text(language, "events.list.title"), typed, zipError, events);
        return PublicPageView.personal(zipError == null ? HttpStatus.OK : HttpStatus.BAD_REQUEST, "events/list", page);
    }

    @GetMapping("/events/{id}")
    public ModelAndView event(@PathVariable String id, HttpServletRequest request) {
        Language language = PageLanguage.of(request, null);
        Optional<EventRecord> e = published(id);
        if (e.isEmpty()) {
            return EventPages.notice(HttpStatus.NOT_FOUND, language, "events.not-found");
        }
        return pages.event(HttpStatus.OK, e.get(), language, null, "", "", "", Map.of());
    }

    @PostMapping("/events/{id}/rsvp")
    public ModelAndView rsvp(
            @PathVariable String id,
            @RequestParam(required = false) String shift,
            @RequestParam(required = false) String fullName,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String phone,
            HttpServletRequest request) {
        Language language = PageLanguage.of(request, null);
        Optional<EventRecord> e = published(id);
        if (e.isEmpty()) {
            return EventPages.notice(HttpStatus.NOT_FOUND, language, "events.not-found");
        }
        try {
            rsvp.rsvp(e.get().id(), shift, fullName, email, phone, language.tag(), RefcodeCookies.touch(request));
        } catch (EventRefused refused) {
            return pages.event(
                    HttpStatus.BAD_REQUEST,
                    e.get(),
                    language,
                    shift,
                    cut(fullName),
                    cut(email),
                    cut(phone),
                    refused.keys());
        }
        return EventPages.notice(HttpStatus.OK, language, "events.rsvp-sent");
    }

    /** Opening the link changes nothing (mail scanners open links): it shows the button that confirms. */
    @GetMapping("/events/rsvp/{token}")
    public ModelAndView confirmPage(@PathVariable String token, HttpServletRequest request) {
        Language language = PageLanguage.of(request, null);
        Optional<RsvpRecord> r = confirm.find(token);
        if (r.isEmpty()) {
            return EventPages.notice(HttpStatus.NOT_FOUND, language, "events.link-unknown");
        }
        EventRecord e = store.find(r.get().eventId()).orElseThrow();
        if ("CONFIRMED".equals(r.get().status())) {
            return EventPages.notice(HttpStatus.OK, language, "events.confirmed");
        }
        return PublicPageView.personal(
                HttpStatus.OK,
                "events/confirm",
                new ConfirmPage(
                        PageTexts.text(language, "events.confirm.title"),
                        token,
                        e.title(),
                        EventMessages.when(e, e.startsAt(), language.tag())));
    }

    @PostMapping("/events/rsvp/{token}")
    public ModelAndView confirm(@PathVariable String token, HttpServletRequest request) {
        Language language = PageLanguage.of(request, null);
        if (confirm.confirm(token).isEmpty()) {
            return EventPages.notice(HttpStatus.NOT_FOUND, language, "events.link-unknown");
        }
        return EventPages.notice(HttpStatus.OK, language, "events.confirmed");
    }

    @GetMapping("/events/new")
    public ModelAndView propose() {
        return PublicPageView.seeOther("/me/events/new");
    }

    @GetMapping("/events/{id}/host")
    public ModelAndView host(@PathVariable String id) {
        return PublicPageView.seeOther(id.matches("\\d{1,18}") ? "/me/events/" + id + "/host" : "/me");
    }

    private Optional<EventRecord> published(String id) {
        if (id == null || !id.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return store.find(Long.parseLong(id)).filter(EventRecord::published);
    }

    private static String cut(String value) {
        if (value == null) {
            return "";
        }
        return value.length() > 200 ? value.substring(0, 200) : value;
    }
}
