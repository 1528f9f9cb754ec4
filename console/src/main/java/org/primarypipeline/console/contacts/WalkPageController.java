package org.primarypipeline.console.contacts;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.primarypipeline.console.supporters.MemberHomePages;
import org.primarypipeline.console.users.SignedInMember;
import org.primarypipeline.console.web.PublicPageView;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.console.web.i18n.PageLanguage;
import org.primarypipeline.console.web.i18n.PageTexts;
import org.primarypipeline.contacts.Turfs;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The walk list for the member a turf is checked out to: {@code /me/walk/{turf}} (under {@code /me} like
 * the phone bank, where the members' session cookie reaches). The doors in walking order, the script, and
 * for each person a plain form (result, survey, notes) that {@link RecordDoor} records. Without script the
 * form posts and the page comes back at that door; with {@code /console/walk.js} the answers are queued in
 * the page and sent when there is a connection (header {@code X-Walk-Queue}: answered 204, no page).
 */
@Controller
public class WalkPageController {

    static final String QUEUE_HEADER = "X-Walk-Queue";

    private final Turfs turfs;
    private final RecordDoor recordDoor;
    private final WalkPages pages;
    private final MemberHomePages members;

    public WalkPageController(Turfs turfs, RecordDoor recordDoor, WalkPages pages, MemberHomePages members) {
        this.turfs = turfs;
        this.recordDoor = recordDoor;
        this.pages = pages;
        this.members = members;
    }

    @GetMapping("/me/walk")
    public ModelAndView mine(@AuthenticationPrincipal SignedInMember me, HttpServletRequest request) {
        Language mine = members.language(me.memberId());
        Language language = PageLanguage.of(request, mine);
        WalkPageModels.Mine page = new WalkPageModels.Mine(
                PageTexts.text(language, "walk.title"),
                turfs.ofMember(me.memberId()).stream()
                        .map(t -> new WalkPageModels.MyTurf(
                                "/me/walk/" + t.id(), t.cutName(), t.number(), t.doors(), t.districtId()))
                        .toList());
        return PublicPageView.personal(HttpStatus.OK, "contacts/walk-list", page, mine);
    }

    @GetMapping("/me/walk/{turfId}")
    public ModelAndView walk(
            @AuthenticationPrincipal SignedInMember me,
            @PathVariable long turfId,
            @RequestParam(required = false) String saved,
            HttpServletRequest request) {
        Language mine = members.language(me.memberId());
        Language language = PageLanguage.of(request, mine);
        Turfs.Turf turf = turf(turfId);
        String notice = saved == null ? null : PageTexts.text(language, "walk.saved");
        return PublicPageView.personalWithOwnScript(
                HttpStatus.OK, "contacts/walk", pages.page(me, turf, language, notice, null), mine);
    }

    @PostMapping("/me/walk/{turfId}")
    public ModelAndView record(
            @AuthenticationPrincipal SignedInMember me,
            @PathVariable long turfId,
            @RequestParam long contactId,
            @RequestParam(defaultValue = "") String result,
            @RequestParam(defaultValue = "") String notes,
            @RequestParam(defaultValue = "") String attemptId,
            @RequestParam Map<String, String> form,
            @RequestHeader(name = QUEUE_HEADER, required = false) String queued,
            HttpServletRequest request) {
        Turfs.Turf turf = turf(turfId);
        Map<String, String> answers = SurveyForm.answers(turf.questions(), form);
        try {
            recordDoor.perform(me, turf, contactId, result, answers, notes, attemptId);
        } catch (RecordCall.Refused refused) {
            Language mine = members.language(me.memberId());
            Language language = PageLanguage.of(request, mine);
            String sentence = PageTexts.text(language, refused.key());
            WalkPages.Typed typed = new WalkPages.Typed(
                    contactId,
                    result,
                    notes,
                    answers,
                    "result".equals(refused.field()) ? sentence : null,
                    "notes".equals(refused.field()) ? sentence : null,
                    attemptId.isBlank() ? UUID.randomUUID().toString() : attemptId);
            return PublicPageView.personalWithOwnScript(
                    HttpStatus.BAD_REQUEST, "contacts/walk", pages.page(me, turf, language, null, typed), mine);
        }
        if (queued != null) {
            return new ModelAndView(new NoContent());
        }
        int position = position(turfId, contactId);
        return PublicPageView.seeOther("/me/walk/" + turfId + "?saved=1#door-" + position);
    }

    private int position(long turfId, long contactId) {
        return turfs.residents(turfId).stream()
                .filter(r -> r.contactId() == contactId)
                .mapToInt(Turfs.Resident::position)
                .findFirst()
                .orElse(1);
    }

    private Turfs.Turf turf(long turfId) {
        return turfs.turf(turfId).orElseThrow(() -> new IllegalArgumentException("no such turf"));
    }

    /** The queue's answer: stored (or stored before), nothing to show. */
    private static final class NoContent implements org.springframework.web.servlet.View {
        @Override
        public void render(
                Map<String, ?> model, HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
            response.setStatus(HttpStatus.NO_CONTENT.value());
        }
    }
}
