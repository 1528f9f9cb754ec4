package org.primarypipeline.console.supporters;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.primarypipeline.console.users.SignedInMember;
import org.primarypipeline.console.web.PublicPageView;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.console.web.i18n.PageLanguage;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The forms about knowing each other and privacy: asking someone found by name ({@code /me/proxies/ask}),
 * confirming someone's ask ({@code /me/proxies/confirm}), and who may find me and see my name
 * ({@code /me/privacy}, on the home page). Each maps the form to its command for the signed-in member and
 * answers 303 back to the page, or the page again with a sentence beside what was refused (400).
 */
@Controller
public class AcquaintanceController {

    private final AskWeKnowEachOther ask;
    private final ConfirmWeKnowEachOther confirm;
    private final ChangeMyPrivacy privacy;
    private final TrustPages trust;
    private final MemberHomePages home;

    public AcquaintanceController(
            AskWeKnowEachOther ask,
            ConfirmWeKnowEachOther confirm,
            ChangeMyPrivacy privacy,
            TrustPages trust,
            MemberHomePages home) {
        this.ask = ask;
        this.confirm = confirm;
        this.privacy = privacy;
        this.trust = trust;
        this.home = home;
    }

    @PostMapping("/me/proxies/ask")
    public ModelAndView ask(
            @AuthenticationPrincipal SignedInMember me,
            @RequestParam(defaultValue = "") String person,
            @RequestParam(defaultValue = "") String q,
            HttpServletRequest request) {
        String query = TrustPages.cut(q.strip());
        try {
            ask.ask(me.memberId(), id(person, "search", "trust.error.not-findable"));
        } catch (NameMyProxies.Refused refused) {
            return again(me, request, refused.keys(), query);
        }
        return PublicPageView.seeOther(
                "/me/proxies?saved=asked&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "#find");
    }

    @PostMapping("/me/proxies/confirm")
    public ModelAndView confirm(
            @AuthenticationPrincipal SignedInMember me,
            @RequestParam(defaultValue = "") String person,
            HttpServletRequest request) {
        try {
            confirm.confirm(me.memberId(), id(person, "asks", "trust.error.no-ask"));
        } catch (NameMyProxies.Refused refused) {
            return again(me, request, refused.keys(), null);
        }
        return PublicPageView.seeOther("/me/proxies?saved=confirmed#mine");
    }

    @PostMapping("/me/privacy")
    public ModelAndView privacy(
            @AuthenticationPrincipal SignedInMember me,
            @RequestParam(defaultValue = "") String findable,
            @RequestParam(required = false) String showName,
            HttpServletRequest request) {
        try {
            privacy.change(me.memberId(), findable, showName != null);
        } catch (NameMyProxies.Refused refused) {
            Language language = PageLanguage.of(request, home.language(me.memberId()));
            return PublicPageView.personal(
                    HttpStatus.BAD_REQUEST,
                    "members/home",
                    home.home(
                            me,
                            language,
                            MemberHomePages.Edits.privacyRefused(refused.keys().get("findable"))),
                    home.language(me.memberId()));
        }
        return PublicPageView.seeOther("/me?saved=privacy#privacy");
    }

    private ModelAndView again(SignedInMember me, HttpServletRequest request, Map<String, String> keys, String query) {
        Language own = home.language(me.memberId());
        Language language = PageLanguage.of(request, own);
        return PublicPageView.personal(
                HttpStatus.BAD_REQUEST,
                "members/proxies",
                trust.page(me, language, null, trust.rows(me.memberId()), keys, query),
                own);
    }

    /** A member id from a hidden field; anything else is refused as the field's sentence says. */
    private static long id(String person, String field, String key) {
        if (!person.matches("\\d{1,18}")) {
            throw new NameMyProxies.Refused(Map.of(field, key));
        }
        return Long.parseLong(person);
    }
}
