package org.primarypipeline.console.events;

import java.util.List;
import java.util.Map;
import org.primarypipeline.campaigns.events.EventMessages;
import org.primarypipeline.campaigns.events.EventRecord;
import org.primarypipeline.campaigns.events.EventStore;
import org.primarypipeline.campaigns.events.ShiftRecord;
import org.primarypipeline.console.events.EventPageModels.EventPage;
import org.primarypipeline.console.events.EventPageModels.Notice;
import org.primarypipeline.console.events.EventPageModels.Shift;
import org.primarypipeline.console.web.PublicPageView;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.console.web.i18n.PageTexts;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/** Builds the event page's model (shared by the page and its refused RSVP form) and the short notices. */
@Component
class EventPages {

    private final EventStore store;

    EventPages(EventStore store) {
        this.store = store;
    }

    /** The event page, with what was typed and the refusals ({@code fields} to bundle keys) when there are. */
    ModelAndView event(
            HttpStatus status,
            EventRecord e,
            Language language,
            String chosen,
            String name,
            String email,
            String phone,
            Map<String, String> refused) {
        List<Shift> shifts = store.shifts(e.id()).stream()
                .map(s -> new Shift(
                        s.id(),
                        EventMessages.when(e, s.startsAt(), language.tag()) + " – "
                                + EventMessages.when(e, s.endsAt(), language.tag()),
                        s.left(),
                        s.full(),
                        Long.toString(s.id()).equals(chosen)))
                .toList();
        EventPage page = new EventPage(
                e.title(),
                e.id(),
                e.title(),
                kind(language, e),
                e.description(),
                EventMessages.when(e, e.startsAt(), language.tag()),
                e.online() ? PageTexts.text(language, "events.online") : e.where(),
                e.videoUrl(),
                e.hostName(),
                e.published() && e.reportedAt() == null,
                shifts,
                name,
                email,
                phone,
                text(language, refused.get("form")),
                text(language, refused.get("fullName")),
                text(language, refused.get("email")),
                text(language, refused.get("phone")),
                text(language, refused.get("shift")));
        return PublicPageView.personal(status, "events/event", page);
    }

    static ModelAndView notice(HttpStatus status, Language language, String key) {
        return PublicPageView.personal(
                status,
                "events/notice",
                new Notice(
                        PageTexts.text(language, key + ".title"),
                        PageTexts.text(language, key + ".title"),
                        PageTexts.text(language, key + ".body"),
                        "/events",
                        PageTexts.text(language, "events.back")));
    }

    static String kind(Language language, EventRecord e) {
        return PageTexts.text(language, "events.kind." + e.kind().key());
    }

    static String text(Language language, String key) {
        return key == null ? null : PageTexts.text(language, key);
    }

    static int placesLeft(List<ShiftRecord> shifts) {
        return shifts.stream().mapToInt(ShiftRecord::left).sum();
    }
}
