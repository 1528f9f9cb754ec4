package org.primarypipeline.console.supporters;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.primarypipeline.console.users.MemberSessionFilter;
import org.primarypipeline.console.users.SignedInMember;
import org.primarypipeline.console.web.PublicPageView;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.console.web.i18n.PageLanguage;
import org.primarypipeline.console.web.i18n.PageTexts;
import org.primarypipeline.supporters.MemberProfiles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The signed-in member's home page ({@code /me}) and signing out. Only the members' chain reaches it, with
 * a {@link SignedInMember}; the page is in the member's own language unless this browser switched.
 */
@Controller
public class MemberHomeController {

    private final MemberHomePages pages;
    private final SignInMember signIn;
    private final ChangeMyMembership change;
    private final MemberProfiles profiles;

    public MemberHomeController(
            MemberHomePages pages, SignInMember signIn, ChangeMyMembership change, MemberProfiles profiles) {
        this.pages = pages;
        this.signIn = signIn;
        this.change = change;
        this.profiles = profiles;
    }

    @GetMapping("/me")
    public ModelAndView home(
            @AuthenticationPrincipal SignedInMember me,
            @RequestParam(required = false) String saved,
            HttpServletRequest request) {
        Language own = pages.language(me.memberId());
        Language language = PageLanguage.of(request, own);
        MemberHomePages.Edits edits = new MemberHomePages.Edits(notice(me, language, saved), null, null);
        return PublicPageView.personal(HttpStatus.OK, "members/home", pages.home(me, language, edits), own);
    }

    @GetMapping("/me/leave")
    public ModelAndView askToLeave(@AuthenticationPrincipal SignedInMember me, HttpServletRequest request) {
        Language own = pages.language(me.memberId());
        Language language = PageLanguage.of(request, own);
        String district = profiles.openDistrict(me.memberId()).orElse(null);
        if (district == null) {
            return PublicPageView.seeOther("/me");
        }
        return PublicPageView.personal(
                HttpStatus.OK,
                "members/leave",
                new MemberHomeModels.Leave(PageTexts.text(language, "me.leave-title"), me.formKey(), district),
                own);
    }

    /** The confirmation step's button: leaving needs its {@code confirm=yes}, not only the form key. */
    @PostMapping("/me/leave")
    public ModelAndView leave(
            @AuthenticationPrincipal SignedInMember me, @RequestParam(defaultValue = "") String confirm) {
        if (!"yes".equals(confirm)) {
            return PublicPageView.seeOther("/me/leave");
        }
        change.leave(me.memberId());
        return PublicPageView.seeOther("/me?saved=left");
    }

    /** The sentence after a change, from the bundles; a move names the new group. */
    private String notice(SignedInMember me, Language language, String saved) {
        if (saved == null) {
            return null;
        }
        return switch (saved) {
            case "contact", "language", "address", "privacy" -> PageTexts.text(language, "me.saved-" + saved);
            case "left" -> PageTexts.text(language, "me.left");
            case "moved" ->
                PageTexts.text(language, "me.moved")
                        .replace(
                                "{{districtId}}",
                                profiles.openDistrict(me.memberId()).orElse("?"));
            default -> null;
        };
    }

    @PostMapping("/me/sign-out")
    public ModelAndView signOut(HttpServletRequest request, HttpServletResponse response) {
        signIn.signOut(MemberSessionFilter.cookie(request));
        ResponseCookie gone = ResponseCookie.from(MemberSessionFilter.COOKIE, "")
                .path("/me")
                .maxAge(0)
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, gone.toString());
        return PublicPageView.seeOther("/me/sign-in?signedOut");
    }
}
