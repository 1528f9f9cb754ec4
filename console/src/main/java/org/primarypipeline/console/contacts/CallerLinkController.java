package org.primarypipeline.console.contacts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.primarypipeline.campaigns.events.EventRecord;
import org.primarypipeline.campaigns.events.EventStore;
import org.primarypipeline.console.supporters.MemberHomePages;
import org.primarypipeline.console.users.GuestCaller;
import org.primarypipeline.console.users.SignedInMember;
import org.primarypipeline.console.voting.SameSitePost;
import org.primarypipeline.console.web.PublicPageView;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.console.web.i18n.PageLanguage;
import org.primarypipeline.console.web.i18n.PageTexts;
import org.primarypipeline.contacts.CallerLinks;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * One-time event links for guest callers. The host of a phone-bank event makes them on
 * {@code /me/events/{id}/caller-links} ({@link CreateCallerLink}); a guest opens one at
 * {@code /me/call-link/{token}}: a button (a GET spends nothing), whose same-site post spends the link
 * ({@link RedeemCallerLink}) and sets the guest's cookie, scoped to the campaign's call page.
 */
@Controller
public class CallerLinkController {

    private final CreateCallerLink create;
    private final RedeemCallerLink redeem;
    private final CallerLinks links;
    private final EventStore events;
    private final MemberHomePages home;

    public CallerLinkController(
            CreateCallerLink create,
            RedeemCallerLink redeem,
            CallerLinks links,
            EventStore events,
            MemberHomePages home) {
        this.create = create;
        this.redeem = redeem;
        this.links = links;
        this.events = events;
        this.home = home;
    }

    @GetMapping("/me/events/{id}/caller-links")
    public ModelAndView list(
            @AuthenticationPrincipal SignedInMember me, @PathVariable long id, HttpServletRequest request) {
        return page(me, id, request, HttpStatus.OK, "", null, null);
    }

    @PostMapping("/me/events/{id}/caller-links")
    public ModelAndView make(
            @AuthenticationPrincipal SignedInMember me,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String name,
            HttpServletRequest request) {
        try {
            CreateCallerLink.Made made = create.byHost(me.memberId(), id, name);
            return page(me, id, request, HttpStatus.OK, "", null, made);
        } catch (CreateCallerLink.Refused refused) {
            return page(me, id, request, HttpStatus.BAD_REQUEST, name, refused, null);
        }
    }

    @GetMapping("/me/call-link/{token}")
    public ModelAndView show(@PathVariable String token, HttpServletRequest request) {
        CallerLinks.State state = redeem.peek(token).state();
        return open(state == CallerLinks.State.VALID ? HttpStatus.OK : gone(state), state, token, request);
    }

    @PostMapping("/me/call-link/{token}")
    public ModelAndView follow(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        if (!SameSitePost.fromThisApp(request)) {
            // refused before the link is spent: another site must not plant a guest session
            return open(HttpStatus.NOT_FOUND, CallerLinks.State.UNKNOWN, token, request);
        }
        CallerLinks.Opened opened = redeem.open(token);
        if (opened.state() != CallerLinks.State.VALID) {
            return open(gone(opened.state()), opened.state(), token, request);
        }
        ResponseCookie cookie = ResponseCookie.from(GuestCaller.COOKIE, opened.sessionKey())
                .path("/me/call/" + opened.cycleId())
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .maxAge(Duration.between(Instant.now(), opened.until()))
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        return PublicPageView.seeOther("/me/call/" + opened.cycleId());
    }

    private static HttpStatus gone(CallerLinks.State state) {
        return state == CallerLinks.State.UNKNOWN ? HttpStatus.NOT_FOUND : HttpStatus.GONE;
    }

    private static ModelAndView open(
            HttpStatus status, CallerLinks.State state, String token, HttpServletRequest request) {
        Language language = PageLanguage.of(request, null);
        CallerLinkPageModels.Open page = new CallerLinkPageModels.Open(
                PageTexts.text(language, "caller-link.open-title"),
                "/me/call-link/" + token,
                state == CallerLinks.State.VALID,
                state == CallerLinks.State.USED,
                state == CallerLinks.State.EXPIRED,
                state == CallerLinks.State.UNKNOWN);
        return PublicPageView.personal(status, "contacts/call-link", page);
    }

    private ModelAndView page(
            SignedInMember me,
            long id,
            HttpServletRequest request,
            HttpStatus status,
            String typed,
            CreateCallerLink.Refused refused,
            CreateCallerLink.Made made) {
        Language own = home.language(me.memberId());
        Language language = PageLanguage.of(request, own);
        EventRecord e =
                events.find(id).filter(x -> x.hostMemberId() == me.memberId()).orElse(null);
        if (e == null || (refused != null && "event".equals(refused.field()))) {
            return PublicPageView.personal(
                    HttpStatus.NOT_FOUND,
                    "contacts/call-link",
                    new CallerLinkPageModels.Open(
                            PageTexts.text(language, "caller-link.open-title"), "", false, false, false, true),
                    own);
        }
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(language.locale())
                .withZone(e.zone());
        String sentence = refused == null ? null : PageTexts.text(language, refused.key());
        CallerLinkPageModels.Links page = new CallerLinkPageModels.Links(
                PageTexts.text(language, "caller-link.title"),
                me.formKey(),
                id,
                e.title(),
                typed.length() > 100 ? typed.substring(0, 100) : typed,
                refused != null && "name".equals(refused.field()) ? sentence : null,
                refused != null && "form".equals(refused.field()) ? sentence : null,
                made == null ? null : made.url(),
                made == null ? null : made.callerName(),
                made == null ? null : when.format(made.expiresAt()),
                links.of(id).stream()
                        .map(l -> new CallerLinkPageModels.Row(
                                l.callerName(), when.format(l.expiresAt()), l.usedAt() != null))
                        .toList());
        return PublicPageView.personal(status, "contacts/caller-links", page, own);
    }
}
