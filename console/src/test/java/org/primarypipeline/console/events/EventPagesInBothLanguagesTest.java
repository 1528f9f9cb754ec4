package org.primarypipeline.console.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.primarypipeline.console.events.EventPageModels.Choice;
import org.primarypipeline.console.events.EventPageModels.ConfirmPage;
import org.primarypipeline.console.events.EventPageModels.EventList;
import org.primarypipeline.console.events.EventPageModels.EventPage;
import org.primarypipeline.console.events.EventPageModels.HostPage;
import org.primarypipeline.console.events.EventPageModels.Listed;
import org.primarypipeline.console.events.EventPageModels.Notice;
import org.primarypipeline.console.events.EventPageModels.ProposePage;
import org.primarypipeline.console.events.EventPageModels.RosterRow;
import org.primarypipeline.console.events.EventPageModels.Shift;
import org.primarypipeline.console.events.EventPageModels.ShiftRow;
import org.primarypipeline.console.web.PublicPage;
import org.primarypipeline.console.web.PublicPageView;
import org.primarypipeline.console.web.i18n.Language;

/** Every events template rendered from sample data, every part shown, in English and Spanish with no key left. */
class EventPagesInBothLanguagesTest {

    static Map<String, PublicPage> samples() {
        Map<String, PublicPage> pages = new LinkedHashMap<>();
        pages.put(
                "list",
                new EventList(
                        "Events",
                        "4810",
                        "Type a ZIP code of 5 digits.",
                        List.of(new Listed(
                                7, "Phone bank", "Phone bank", "Sat, Oct 3, 10:00 AM EDT", "12 Main St", "3 mi", 8))));
        pages.put(
                "event",
                new EventPage(
                        "Phone bank",
                        7,
                        "Phone bank",
                        "Phone bank",
                        "Calls.",
                        "Sat, Oct 3",
                        "12 Main St",
                        null,
                        "Lee Host",
                        true,
                        List.of(
                                new Shift(1, "10:00 – 11:00", 0, true, false),
                                new Shift(2, "11:00 – 12:00", 3, false, true)),
                        "Ann",
                        "ann@example.org",
                        "",
                        "Refused.",
                        "Name refused.",
                        "Email refused.",
                        "Phone refused.",
                        "Shift refused."));
        pages.put("notice", new Notice("Sent", "Sent", "Check your mail.", "/events", "All events"));
        pages.put("confirm", new ConfirmPage("Confirm", "TOKEN", "Phone bank", "Sat, Oct 3"));
        pages.put(
                "propose",
                new ProposePage(
                        "Host",
                        "KEY",
                        List.of(new Choice("PHONE_BANK", "Phone bank", true)),
                        "Title",
                        "Desc",
                        "2026-10-03",
                        "10:00",
                        "12:00",
                        "Room",
                        "12 Main St",
                        "48104",
                        "",
                        List.of(
                                new ShiftRow(1, "10:00", "11:00", "5", "Shift refused."),
                                new ShiftRow(2, "", "", "", null)),
                        "Form refused.",
                        "Kind refused.",
                        "Title refused.",
                        "Date refused.",
                        "Start refused.",
                        "End refused.",
                        "Address refused.",
                        "ZIP refused.",
                        "Video refused.",
                        "Published after 24 hours."));
        pages.put(
                "host",
                new HostPage(
                        "Phone bank",
                        "KEY",
                        7,
                        "Phone bank",
                        "Sat, Oct 3",
                        "published",
                        "Saved.",
                        List.of(
                                new RosterRow(1, "Ann", "10:00", "confirmed", false),
                                new RosterRow(2, "Bo", "10:00", "confirmed", true)),
                        true,
                        "1",
                        "30",
                        "0",
                        "0",
                        "Form refused.",
                        "Attended refused.",
                        "Calls refused.",
                        "Doors refused.",
                        "Texts refused.",
                        true));
        return pages;
    }

    @Test
    void everyPageRendersInEnglishAndInSpanishWithNoKeyLeft() {
        for (Map.Entry<String, PublicPage> page : samples().entrySet()) {
            String en = PublicPageView.html("events/" + page.getKey(), page.getValue(), Language.EN);
            String es = PublicPageView.html("events/" + page.getKey(), page.getValue(), Language.ES);
            assertThat(en)
                    .as(page.getKey())
                    .doesNotContain("events.", "<script")
                    .contains("lang=\"en\"");
            assertThat(es)
                    .as(page.getKey())
                    .doesNotContain("events.", "<script")
                    .contains("lang=\"es\"");
            assertThat(es).as(page.getKey()).isNotEqualTo(en);
        }
        assertThat(PublicPageView.html("events/event", samples().get("event"), Language.ES))
                .contains("Elige un turno", "completo", "id=\"shift-error\">Shift refused.");
        assertThat(PublicPageView.html("events/host", samples().get("host"), Language.EN))
                .contains("name=\"formKey\" value=\"KEY\"", "Checked in", "id=\"calls-error\">Calls refused.");
    }
}
