package org.primarypipeline.console.events;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.primarypipeline.campaigns.events.EventKind;
import org.primarypipeline.campaigns.events.EventMessages;
import org.primarypipeline.campaigns.events.EventRecord;
import org.primarypipeline.campaigns.events.EventStore;
import org.primarypipeline.campaigns.events.ShiftRecord;
import org.primarypipeline.console.events.EventPageModels.HostPage;
import org.primarypipeline.console.events.EventPageModels.RosterRow;
import org.primarypipeline.console.supporters.MemberHomePages;
import org.primarypipeline.console.users.SignedInMember;
import org.primarypipeline.console.web.PublicPageView;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.console.web.i18n.PageLanguage;
import org.primarypipeline.console.web.i18n.PageTexts;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * A signed-in member's event pages, under the members' chain: propose an event ({@code /me/events/new})
 * and host it ({@code /me/events/{id}/host}: roster, check-in, report). The member acts as themselves
 * (the id from the session); another member's event is "not found".
 */
@Controller
public class HostPagesController {

    static final int SHIFT_ROWS = 3;

    private final ProposeEvent propose;
    private final CheckInAttendee checkIn;
    private final ReportEvent report;
    private final HostedEvents hosted;
    private final EventStore store;
    private final MemberHomePages home;
    private final ProposeFormPage forms;

    public HostPagesController(
            ProposeEvent propose,
            CheckInAttendee checkIn,
            ReportEvent report,
            HostedEvents hosted,
            EventStore store,
            MemberHomePages home,
            ProposeFormPage forms) {
        this.propose = propose;
        this.checkIn = checkIn;
        this.report = report;
        this.hosted = hosted;
        this.store = store;
        this.home = home;
        this.forms = forms;
    }

    @GetMapping("/me/events/new")
    public ModelAndView form(
            @AuthenticationPrincipal SignedInMember me,
            @RequestParam(required = false) String kind,
            HttpServletRequest request) {
        Language own = home.language(me.memberId());
        Language language = PageLanguage.of(request, own);
        EventKind k = EventKind.parse(kind) == null ? EventKind.PHONE_BANK : EventKind.parse(kind);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"", "", Integer.toString(k.usualCapacity())});
        ProposeEvent.Proposal blank = new ProposeEvent.Proposal(
                k.name(), PageTexts.text(language, "events.kind." + k.key()), "", "", "", "", "", "", "", "", rows);
        return PublicPageView.personal(HttpStatus.OK, "events/propose", forms.page(me, language, blank, Map.of()), own);
    }

    @PostMapping("/me/events/new")
    public ModelAndView propose(
            @AuthenticationPrincipal SignedInMember me,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request) {
        List<String[]> rows = new ArrayList<>();
        for (int slot = 1; slot <= SHIFT_ROWS; slot++) {
            rows.add(new String[] {
                form.getFirst("shift_" + slot + "_start"),
                form.getFirst("shift_" + slot + "_end"),
                form.getFirst("shift_" + slot + "_capacity")
            });
        }
        ProposeEvent.Proposal p = new ProposeEvent.Proposal(
                form.getFirst("kind"),
                form.getFirst("name"),
                form.getFirst("description"),
                form.getFirst("date"),
                form.getFirst("start"),
                form.getFirst("end"),
                form.getFirst("locationName"),
                form.getFirst("address"),
                form.getFirst("zip"),
                form.getFirst("videoUrl"),
                rows);
        try {
            long id = propose.propose(me.memberId(), p);
            return PublicPageView.seeOther("/me/events/" + id + "/host?proposed=yes");
        } catch (EventRefused refused) {
            Language own = home.language(me.memberId());
            Language language = PageLanguage.of(request, own);
            return PublicPageView.personal(
                    HttpStatus.BAD_REQUEST, "events/propose", forms.page(me, language, p, refused.keys()), own);
        }
    }

    @GetMapping("/me/events/{id}/host")
    public ModelAndView host(
            @AuthenticationPrincipal SignedInMember me,
            @PathVariable long id,
            @RequestParam(required = false) String proposed,
            HttpServletRequest request) {
        return hostPage(
                me, id, request, proposed == null ? null : "events.host.proposed", HttpStatus.OK, Map.of(), null);
    }

    @PostMapping("/me/events/{id}/check-in")
    public ModelAndView checkIn(
            @AuthenticationPrincipal SignedInMember me,
            @PathVariable long id,
            @RequestParam(required = false) String rsvp,
            HttpServletRequest request) {
        Integer rsvpId = ProposeEvent.number(rsvp);
        try {
            if (rsvpId != null) {
                checkIn.perform(me.memberId(), id, rsvpId);
            }
        } catch (EventRefused refused) {
            return hostPage(me, id, request, null, HttpStatus.BAD_REQUEST, refused.keys(), null);
        }
        return PublicPageView.seeOther("/me/events/" + id + "/host");
    }

    @PostMapping("/me/events/{id}/report")
    public ModelAndView report(
            @AuthenticationPrincipal SignedInMember me,
            @PathVariable long id,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request) {
        String[] typed = {
            form.getFirst("attended"), form.getFirst("calls"), form.getFirst("doors"), form.getFirst("texts")
        };
        try {
            report.perform(me.memberId(), id, typed[0], typed[1], typed[2], typed[3]);
        } catch (EventRefused refused) {
            return hostPage(me, id, request, null, HttpStatus.BAD_REQUEST, refused.keys(), typed);
        }
        return PublicPageView.seeOther("/me/events/" + id + "/host?reported=yes");
    }

    private ModelAndView hostPage(
            SignedInMember me,
            long id,
            HttpServletRequest request,
            String notice,
            HttpStatus status,
            Map<String, String> refused,
            String[] typed) {
        Language own = home.language(me.memberId());
        Language language = PageLanguage.of(request, own);
        EventRecord e;
        try {
            e = hosted.of(me.memberId(), id);
        } catch (HostedEvents.NotYours notYours) {
            return EventPages.notice(HttpStatus.NOT_FOUND, language, "events.not-found");
        }
        Map<Long, ShiftRecord> shifts = new java.util.HashMap<>();
        store.shifts(id).forEach(s -> shifts.put(s.id(), s));
        List<RosterRow> roster = store.roster(id).stream()
                .map(r -> new RosterRow(
                        r.id(),
                        r.fullName(),
                        EventMessages.when(e, shifts.get(r.shiftId()).startsAt(), language.tag()),
                        PageTexts.text(
                                language, "events.rsvp-status." + r.status().toLowerCase(java.util.Locale.ROOT)),
                        r.checkedInAt() != null))
                .toList();
        long checkedIn = roster.stream().filter(RosterRow::checkedIn).count();
        String[] shown = typed != null
                ? typed
                : new String[] {
                    e.attended() == null
                            ? Long.toString(checkedIn)
                            : e.attended().toString(),
                    e.callsMade() == null ? "" : e.callsMade().toString(),
                    e.doorsKnocked() == null ? "" : e.doorsKnocked().toString(),
                    e.textsSent() == null ? "" : e.textsSent().toString()
                };
        HostPage page = new HostPage(
                e.title(),
                me.formKey(),
                id,
                e.title(),
                EventMessages.when(e, e.startsAt(), language.tag()),
                PageTexts.text(language, "events.status." + e.status().toLowerCase(java.util.Locale.ROOT)),
                notice == null ? null : PageTexts.text(language, notice),
                roster,
                e.published(),
                shown[0],
                shown[1],
                shown[2],
                shown[3],
                EventPages.text(language, refused.get("form")),
                EventPages.text(language, refused.get("attended")),
                EventPages.text(language, refused.get("calls")),
                EventPages.text(language, refused.get("doors")),
                EventPages.text(language, refused.get("texts")),
                e.kind() == EventKind.PHONE_BANK && e.cycleId() != null);
        return PublicPageView.personal(status, "events/host", page, own);
    }
}
