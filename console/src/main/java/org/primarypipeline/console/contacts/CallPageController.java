package org.primarypipeline.console.contacts;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.primarypipeline.console.web.PublicPageView;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.console.web.i18n.PageLanguage;
import org.primarypipeline.console.web.i18n.PageTexts;
import org.primarypipeline.contacts.CallPacket;
import org.primarypipeline.contacts.PhoneBanks;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The phone bank for a volunteer signed in on the members' pages, or a guest caller by a one-time event link
 * (see {@link RedeemCallerLink}): {@code /me/call/{campaign}} shows one
 * contact at a time from the campaign's open packet (leased to this volunteer), the script with its merge
 * fields filled, the survey, the result codes and a {@code tel:} link; the form records the call through
 * {@link RecordCall} and the next contact follows. Plain HTML, no script, 390 px.
 */
@Controller
public class CallPageController {

    private final PhoneBanks phoneBanks;
    private final RecordCall recordCall;
    private final CallPages pages;
    private final BridgeCall bridge;

    public CallPageController(PhoneBanks phoneBanks, RecordCall recordCall, CallPages pages, BridgeCall bridge) {
        this.phoneBanks = phoneBanks;
        this.recordCall = recordCall;
        this.pages = pages;
        this.bridge = bridge;
    }

    @GetMapping("/me/call/{cycleId}")
    public ModelAndView call(
            @AuthenticationPrincipal Object principal,
            @PathVariable String cycleId,
            @RequestParam(required = false) String saved,
            @RequestParam(required = false) String lost,
            @RequestParam(required = false) String ringing,
            HttpServletRequest request) {
        Caller me = Caller.of(principal, cycleId);
        Language language = PageLanguage.of(request, pages.language(me));
        String notice = lost != null
                ? PageTexts.text(language, "call.error-lost")
                : ringing != null
                        ? PageTexts.text(language, "call.bridge-ringing")
                        : saved == null ? null : PageTexts.text(language, "call.saved");
        return PublicPageView.personal(
                HttpStatus.OK, "contacts/call", pages.next(me, cycleId, language, notice), pages.language(me));
    }

    @PostMapping("/me/call/{cycleId}")
    public ModelAndView record(
            @AuthenticationPrincipal Object principal,
            @PathVariable String cycleId,
            @RequestParam long contactId,
            @RequestParam(defaultValue = "") String result,
            @RequestParam(defaultValue = "") String notes,
            @RequestParam(defaultValue = "") String attemptId,
            @RequestParam Map<String, String> form,
            HttpServletRequest request) {
        Caller me = Caller.of(principal, cycleId);
        CallPacket packet = phoneBanks
                .openPacket(cycleId)
                .orElseThrow(() -> new IllegalArgumentException("no calls to make in this campaign now"));
        Map<String, String> answers = SurveyForm.answers(packet.questions(), form);
        try {
            recordCall.perform(me, packet, contactId, result, answers, notes, attemptId);
        } catch (RecordCall.Refused refused) {
            if ("call.error-lost".equals(refused.key())) {
                return PublicPageView.seeOther("/me/call/" + cycleId + "?lost=1");
            }
            Language language = PageLanguage.of(request, pages.language(me));
            String sentence = PageTexts.text(language, refused.key());
            CallPages.Typed typed = new CallPages.Typed(
                    contactId,
                    result,
                    notes,
                    answers,
                    "result".equals(refused.field()) ? sentence : null,
                    "notes".equals(refused.field()) ? sentence : null,
                    attemptId.isBlank() ? UUID.randomUUID().toString() : attemptId,
                    null,
                    null);
            return PublicPageView.personal(
                    HttpStatus.BAD_REQUEST,
                    "contacts/call",
                    pages.again(me, cycleId, packet, typed, language),
                    pages.language(me));
        }
        return PublicPageView.seeOther("/me/call/" + cycleId + "?saved=1");
    }

    /** "Call through us": Twilio rings the volunteer's phone and bridges it to the contact they hold. */
    @PostMapping("/me/call/{cycleId}/bridge")
    public ModelAndView bridge(
            @AuthenticationPrincipal Object principal,
            @PathVariable String cycleId,
            @RequestParam long contactId,
            @RequestParam(defaultValue = "") String phone,
            HttpServletRequest request) {
        Caller me = Caller.of(principal, cycleId);
        CallPacket packet = phoneBanks
                .openPacket(cycleId)
                .orElseThrow(() -> new IllegalArgumentException("no calls to make in this campaign now"));
        Language language = PageLanguage.of(request, pages.language(me));
        try {
            bridge.perform(me, packet, contactId, phone, PageTexts.text(language, "call.bridge-greeting"));
        } catch (RecordCall.Refused refused) {
            if ("call.error-lost".equals(refused.key())) {
                return PublicPageView.seeOther("/me/call/" + cycleId + "?lost=1");
            }
            CallPages.Typed typed = new CallPages.Typed(
                    contactId,
                    "",
                    "",
                    Map.of(),
                    null,
                    null,
                    UUID.randomUUID().toString(),
                    phone.length() > 40 ? phone.substring(0, 40) : phone,
                    PageTexts.text(language, refused.key()));
            return PublicPageView.personal(
                    HttpStatus.BAD_REQUEST,
                    "contacts/call",
                    pages.again(me, cycleId, packet, typed, language),
                    pages.language(me));
        }
        return PublicPageView.seeOther("/me/call/" + cycleId + "?ringing=1");
    }
}
