package org.primarypipeline.console.supporters;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.primarypipeline.console.supporters.MemberHomeModels.Address;
import org.primarypipeline.console.supporters.MemberHomeModels.Choice;
import org.primarypipeline.console.supporters.MemberHomeModels.Contact;
import org.primarypipeline.console.users.SignedInMember;
import org.primarypipeline.console.web.PublicPageView;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.console.web.i18n.PageLanguage;
import org.primarypipeline.console.web.i18n.PageTexts;
import org.primarypipeline.supporters.RefusedFields;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The forms of the member's home page: contact details and consent, language, address. Each maps the
 * form to {@link ChangeMyMembership} for the signed-in member and answers 303 back to the page, or the
 * page again with what was typed and a sentence beside each refused field (400).
 */
@Controller
public class MemberChangesController {

    private final ChangeMyMembership change;
    private final MemberHomePages pages;

    public MemberChangesController(ChangeMyMembership change, MemberHomePages pages) {
        this.change = change;
        this.pages = pages;
    }

    @PostMapping("/me/contact")
    public ModelAndView contact(
            @AuthenticationPrincipal SignedInMember me,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String phone,
            @RequestParam(required = false) String emailOk,
            @RequestParam(required = false) String smsOk,
            HttpServletRequest request) {
        try {
            change.contact(me.memberId(), email, phone, emailOk != null, smsOk != null);
        } catch (RefusedFields refused) {
            Language language = language(me, request);
            Map<String, String> f = refused.fields();
            Contact typed = new Contact(
                    cut(email, 254),
                    cut(phone, 32),
                    emailOk != null,
                    smsOk != null,
                    sentence(language, "email", f.get("email")),
                    sentence(language, "phone", f.get("phone")));
            return again(me, language, new MemberHomePages.Edits(null, typed, null));
        }
        return PublicPageView.seeOther("/me?saved=contact#contact");
    }

    @PostMapping("/me/language")
    public ModelAndView language(
            @AuthenticationPrincipal SignedInMember me, @RequestParam(defaultValue = "en") String locale) {
        change.language(me.memberId(), locale);
        // the page switch (?lang=) follows, so a browser that had switched shows the new language at once
        return PublicPageView.seeOther(
                "/me?saved=language&lang=" + Language.of(locale).tag() + "#language");
    }

    @PostMapping("/me/address")
    public ModelAndView address(
            @AuthenticationPrincipal SignedInMember me,
            @RequestParam(defaultValue = "") String street,
            @RequestParam(defaultValue = "") String zip,
            @RequestParam(required = false) String district,
            HttpServletRequest request) {
        Language language = language(me, request);
        ChangeMyMembership.AddressResult result;
        try {
            result = change.address(me.memberId(), street, zip, district);
        } catch (RefusedFields refused) {
            Map<String, String> f = refused.fields();
            Address typed = new Address(
                    cut(street, 200),
                    cut(zip, 10),
                    sentence(language, "street", f.get("street")),
                    sentence(language, "zip", f.get("zip")),
                    List.of(),
                    null);
            return again(me, language, new MemberHomePages.Edits(null, null, typed));
        }
        if (result.needsChoice()) {
            List<Choice> choices = result.choices().stream()
                    .map(d -> new Choice(d, "district-" + d))
                    .toList();
            Address pick = new Address(cut(street, 200), cut(zip, 10), null, null, choices, null);
            return again(me, language, new MemberHomePages.Edits(null, null, pick));
        }
        boolean moved = result.before() != null && !result.before().equals(result.district());
        return PublicPageView.seeOther("/me?saved=" + (moved ? "moved" : "address") + "#group");
    }

    private ModelAndView again(SignedInMember me, Language language, MemberHomePages.Edits edits) {
        return PublicPageView.personal(
                HttpStatus.BAD_REQUEST, "members/home", pages.home(me, language, edits), pages.language(me.memberId()));
    }

    private Language language(SignedInMember me, HttpServletRequest request) {
        return PageLanguage.of(request, pages.language(me.memberId()));
    }

    /** The page's sentence for a refused field, in the page's language; null when the field is fine. */
    static String sentence(Language language, String field, String reason) {
        if (reason == null) {
            return null;
        }
        String key = reason.contains("by text alone")
                ? "sms-only"
                : reason.contains("another member")
                        ? "taken"
                        : reason.contains("is needed") && !field.equals("zip")
                                ? "contact-needed"
                                : reason.contains("cannot place") ? "zip-unknown" : field;
        return PageTexts.text(language, "me.error." + key);
    }

    private static String cut(String typed, int max) {
        return typed.length() > max ? typed.substring(0, max) : typed;
    }
}
