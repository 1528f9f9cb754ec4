package org.primarypipeline.console.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.primarypipeline.campaigns.events.EventKind;
import org.primarypipeline.campaigns.events.EventSettings;
import org.primarypipeline.campaigns.events.EventStore;
import org.primarypipeline.console.events.EventPageModels.Choice;
import org.primarypipeline.console.events.EventPageModels.ProposePage;
import org.primarypipeline.console.events.EventPageModels.ShiftRow;
import org.primarypipeline.console.users.SignedInMember;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.console.web.i18n.PageTexts;
import org.springframework.stereotype.Component;

/** The proposal form's model: the kinds, what was typed, the refusals beside their fields, the review note. */
@Component
class ProposeFormPage {

    private final EventStore store;
    private final EventSettings settings;

    ProposeFormPage(EventStore store, EventSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    ProposePage page(SignedInMember me, Language language, ProposeEvent.Proposal p, Map<String, String> refused) {
        List<Choice> kinds = new ArrayList<>();
        for (EventKind k : EventKind.values()) {
            kinds.add(new Choice(
                    k.name(),
                    PageTexts.text(language, "events.kind." + k.key()),
                    k.name().equals(p.kind())));
        }
        List<ShiftRow> rows = new ArrayList<>();
        for (int slot = 1; slot <= HostPagesController.SHIFT_ROWS; slot++) {
            String[] row = slot <= p.shifts().size() ? p.shifts().get(slot - 1) : new String[] {"", "", ""};
            rows.add(new ShiftRow(
                    slot, v(row[0]), v(row[1]), v(row[2]), EventPages.text(language, refused.get("shift_" + slot))));
        }
        boolean trusted = store.trusted(me.memberId());
        return new ProposePage(
                PageTexts.text(language, "events.propose.title"),
                me.formKey(),
                kinds,
                v(p.title()),
                v(p.description()),
                v(p.date()),
                v(p.start()),
                v(p.end()),
                v(p.locationName()),
                v(p.address()),
                v(p.zip()),
                v(p.videoUrl()),
                rows,
                EventPages.text(language, refused.get("form")),
                EventPages.text(language, refused.get("kind")),
                EventPages.text(language, refused.get("title")),
                EventPages.text(language, refused.get("date")),
                EventPages.text(language, refused.get("start")),
                EventPages.text(language, refused.get("end")),
                EventPages.text(language, refused.get("address")),
                EventPages.text(language, refused.get("zip")),
                EventPages.text(language, refused.get("videoUrl")),
                trusted
                        ? PageTexts.text(language, "events.propose.trusted")
                        : PageTexts.text(language, "events.propose.review")
                                .replace(
                                        "{hours}",
                                        Long.toString(settings.review().toHours())));
    }

    private static String v(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 4000 ? s.substring(0, 4000) : s;
    }
}
