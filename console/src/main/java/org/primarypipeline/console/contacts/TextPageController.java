package org.primarypipeline.console.contacts;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.primarypipeline.console.supporters.MemberHomePages;
import org.primarypipeline.console.users.SignedInMember;
import org.primarypipeline.console.web.PublicPageView;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.console.web.i18n.PageLanguage;
import org.primarypipeline.console.web.i18n.PageTexts;
import org.primarypipeline.contacts.TextBanks;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.outreach.ConsentRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Peer-to-peer texting for a volunteer signed in on the members' pages: {@code /me/text/{campaign}} lists the
 * contacts they hold (take more with one button; each initial message is its own one-click form), and
 * {@code /me/text/{campaign}/{contact}} is the conversation, replies from the Twilio inbound route included.
 */
@Controller
public class TextPageController {

    private final TextBanks texts;
    private final TakeTexts take;
    private final SendText send;
    private final MemberHomePages members;
    private final ConsentRegistry consent;
    private final RecordTextResult recordResult;

    public TextPageController(
            TextBanks texts,
            TakeTexts take,
            SendText send,
            MemberHomePages members,
            ConsentRegistry consent,
            RecordTextResult recordResult) {
        this.recordResult = recordResult;
        this.texts = texts;
        this.take = take;
        this.send = send;
        this.members = members;
        this.consent = consent;
    }

    @GetMapping("/me/text/{cycleId}")
    public ModelAndView list(
            @AuthenticationPrincipal SignedInMember me,
            @PathVariable String cycleId,
            @RequestParam(required = false) String taken,
            HttpServletRequest request) {
        Language own = members.language(me.memberId());
        Language language = PageLanguage.of(request, own);
        TextBanks.TextBank bank = texts.openBank(cycleId).orElse(null);
        String title = PageTexts.text(language, "text.title");
        if (bank == null) {
            return PublicPageView.personal(
                    HttpStatus.OK,
                    "contacts/text",
                    new TextPageModels.Texts(title, cycleId, null, me.formKey(), null, List.of(), List.of(), true),
                    own);
        }
        List<TextBanks.Assignment> mine = texts.assignments(bank.id(), me.memberId());
        List<TextPageModels.Row> toSend = mine.stream()
                .filter(a -> a.sentAt() == null)
                .map(a -> new TextPageModels.Row(a.contactId(), a.fullName(), a.phone(), bank.initialMessage()))
                .toList();
        List<TextPageModels.Row> sent = mine.stream()
                .filter(a -> a.sentAt() != null)
                .map(a -> new TextPageModels.Row(a.contactId(), a.fullName(), a.phone(), null))
                .toList();
        String notice =
                taken == null ? null : PageTexts.text(language, "text.taken").replace("{{n}}", taken);
        return PublicPageView.personal(
                HttpStatus.OK,
                "contacts/text",
                new TextPageModels.Texts(title, cycleId, bank.name(), me.formKey(), notice, toSend, sent, false),
                own);
    }

    @PostMapping("/me/text/{cycleId}/take")
    public ModelAndView take(@AuthenticationPrincipal SignedInMember me, @PathVariable String cycleId) {
        int n = take.perform(me, cycleId);
        return PublicPageView.seeOther("/me/text/" + cycleId + "?taken=" + n);
    }

    @PostMapping("/me/text/{cycleId}/send")
    public ModelAndView send(
            @AuthenticationPrincipal SignedInMember me, @PathVariable String cycleId, @RequestParam long contactId) {
        send.initial(me, cycleId, contactId);
        return PublicPageView.seeOther("/me/text/" + cycleId);
    }

    @GetMapping("/me/text/{cycleId}/{contactId}")
    public ModelAndView conversation(
            @AuthenticationPrincipal SignedInMember me,
            @PathVariable String cycleId,
            @PathVariable long contactId,
            HttpServletRequest request) {
        return conversationPage(me, cycleId, contactId, request, "", null, HttpStatus.OK);
    }

    @PostMapping("/me/text/{cycleId}/{contactId}")
    public ModelAndView reply(
            @AuthenticationPrincipal SignedInMember me,
            @PathVariable String cycleId,
            @PathVariable long contactId,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "") String replyKey,
            HttpServletRequest request) {
        try {
            send.reply(
                    me,
                    cycleId,
                    contactId,
                    body,
                    replyKey.isBlank() ? UUID.randomUUID().toString() : replyKey);
        } catch (RecordCall.Refused refused) {
            Language language = PageLanguage.of(request, members.language(me.memberId()));
            return conversationPage(
                    me,
                    cycleId,
                    contactId,
                    request,
                    body.length() > 640 ? body.substring(0, 640) : body,
                    PageTexts.text(language, refused.key()),
                    HttpStatus.BAD_REQUEST);
        }
        return PublicPageView.seeOther("/me/text/" + cycleId + "/" + contactId);
    }

    @PostMapping("/me/text/{cycleId}/{contactId}/result")
    public ModelAndView result(
            @AuthenticationPrincipal SignedInMember me,
            @PathVariable String cycleId,
            @PathVariable long contactId,
            @RequestParam Map<String, String> form,
            HttpServletRequest request) {
        TextBanks.TextBank bank = TextingCommands.open(texts, cycleId);
        Map<String, String> answers = SurveyForm.answers(bank.questions(), form);
        try {
            recordResult.perform(
                    me, cycleId, contactId, form.get("result"), answers, form.get("notes"), form.get("attemptId"));
        } catch (RecordCall.Refused refused) {
            Language language = PageLanguage.of(request, members.language(me.memberId()));
            return conversationPage(
                    me,
                    cycleId,
                    contactId,
                    request,
                    "",
                    null,
                    HttpStatus.BAD_REQUEST,
                    PageTexts.text(language, refused.key()));
        }
        return PublicPageView.seeOther("/me/text/" + cycleId + "/" + contactId + "?recorded");
    }

    private ModelAndView conversationPage(
            SignedInMember me,
            String cycleId,
            long contactId,
            HttpServletRequest request,
            String body,
            String error,
            HttpStatus status) {
        return conversationPage(me, cycleId, contactId, request, body, error, status, null);
    }

    private ModelAndView conversationPage(
            SignedInMember me,
            String cycleId,
            long contactId,
            HttpServletRequest request,
            String body,
            String error,
            HttpStatus status,
            String resultError) {
        Language own = members.language(me.memberId());
        Language language = PageLanguage.of(request, own);
        TextBanks.TextBank bank = TextingCommands.open(texts, cycleId);
        TextBanks.Assignment held = texts.assignments(bank.id(), me.memberId()).stream()
                .filter(a -> a.contactId() == contactId)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("this conversation is not one of yours"));
        String you = PageTexts.text(language, "text.you");
        List<TextPageModels.Line> lines = texts.conversation(bank, contactId).stream()
                .map(m -> new TextPageModels.Line(m.fromContact() ? held.fullName() : you, m.body(), m.fromContact()))
                .toList();
        return PublicPageView.personal(
                status,
                "contacts/conversation",
                new TextPageModels.Conversation(
                        PageTexts.text(language, "text.title"),
                        cycleId,
                        contactId,
                        held.fullName(),
                        me.formKey(),
                        lines,
                        bank.canned(),
                        body,
                        error,
                        UUID.randomUUID().toString(),
                        consent.isOptedOut(Channel.SMS, held.phone()),
                        TextResultForm.questions(bank),
                        TextResultForm.results(language),
                        UUID.randomUUID().toString(),
                        resultError,
                        request.getParameter("recorded") == null ? null : PageTexts.text(language, "text.recorded")),
                own);
    }
}
