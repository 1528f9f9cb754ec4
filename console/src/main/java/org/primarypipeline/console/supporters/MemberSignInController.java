package org.primarypipeline.console.supporters;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.primarypipeline.console.supporters.SignInPageModels.Ask;
import org.primarypipeline.console.supporters.SignInPageModels.LinkProblem;
import org.primarypipeline.console.supporters.SignInPageModels.Open;
import org.primarypipeline.console.supporters.SignInPageModels.Sent;
import org.primarypipeline.console.users.MemberSessionFilter;
import org.primarypipeline.console.voting.SameSitePost;
import org.primarypipeline.console.web.PublicPage;
import org.primarypipeline.console.web.PublicPageView;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.console.web.i18n.PageLanguage;
import org.primarypipeline.platform.PublicDoor;
import org.primarypipeline.supporters.MemberSignInSettings;
import org.primarypipeline.supporters.MemberSignIns;
import org.primarypipeline.supporters.RefusedFields;
import org.primarypipeline.supporters.SignInLimited;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Signing in to the members' pages without a password: ask for a one-time link to your email or phone,
 * open it, press its button. The answer to a request is the same whether or not the address is a
 * member's. Following a link sets the members' session cookie (path {@code /me}, HttpOnly, SameSite=Lax),
 * which only the members' chain reads.
 */
@PublicDoor
@Controller
public class MemberSignInController {

    private final SignInMember signIn;
    private final MemberSignInSettings settings;

    public MemberSignInController(SignInMember signIn, MemberSignInSettings settings) {
        this.signIn = signIn;
        this.settings = settings;
    }

    @GetMapping("/me/sign-in")
    public ModelAndView ask(@RequestParam(required = false) String signedOut, HttpServletRequest request) {
        Language language = PageLanguage.of(request, null);
        return page(HttpStatus.OK, "sign-in", Ask.empty(language, signedOut != null), null);
    }

    @PostMapping("/me/sign-in")
    public ModelAndView request(
            @RequestParam(defaultValue = "") String address,
            @RequestParam(defaultValue = "") String website,
            HttpServletRequest request,
            HttpServletResponse response) {
        Language language = PageLanguage.of(request, null);
        String typed = address.length() > 300 ? address.substring(0, 300) : address;
        String title = SignInPageModels.text(language, "signin.title");
        if (website.isBlank()) {
            try {
                signIn.requestLink(address, request.getRemoteAddr());
            } catch (RefusedFields refused) {
                String sentence = SignInPageModels.text(language, "signin.address-error");
                return page(HttpStatus.BAD_REQUEST, "sign-in", new Ask(title, typed, sentence, false, null), null);
            } catch (SignInLimited limited) {
                long seconds = Math.max(1, limited.retryAfter().toSeconds());
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                long minutes = Math.max(1, (seconds + 59) / 60);
                return page(HttpStatus.TOO_MANY_REQUESTS, "sign-in", new Ask(title, typed, null, false, minutes), null);
            }
        }
        return page(
                HttpStatus.OK,
                "sign-in-sent",
                new Sent(
                        SignInPageModels.text(language, "signin.sent-title"),
                        typed,
                        settings.linkTtl().toMinutes()),
                null);
    }

    @GetMapping("/me/sign-in/{token}")
    public ModelAndView show(@PathVariable String token, HttpServletRequest request) {
        MemberSignIns.Pending pending = signIn.peek(token);
        Language language = PageLanguage.of(request, Language.of(pending.locale()));
        if (pending.state() != MemberSignIns.State.VALID) {
            return problem(pending.state(), language);
        }
        return page(
                HttpStatus.OK,
                "sign-in-open",
                new Open(SignInPageModels.text(language, "signin.title"), "/me/sign-in/" + token),
                language);
    }

    @PostMapping("/me/sign-in/{token}")
    public ModelAndView open(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        if (!SameSitePost.fromThisApp(request)) {
            // refused before the link is spent: another site must not sign a browser in to its own account
            return problem(MemberSignIns.State.UNKNOWN, PageLanguage.of(request, null));
        }
        MemberSignIns.Opened opened = signIn.open(token);
        if (opened.state() != MemberSignIns.State.VALID) {
            return problem(opened.state(), PageLanguage.of(request, Language.of(opened.locale())));
        }
        ResponseCookie cookie = ResponseCookie.from(MemberSessionFilter.COOKIE, opened.sessionKey())
                .path("/me")
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .maxAge(settings.sessionMax())
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        return PublicPageView.seeOther("/me");
    }

    private static ModelAndView problem(MemberSignIns.State state, Language language) {
        HttpStatus status = switch (state) {
            case EXPIRED, USED -> HttpStatus.GONE;
            default -> HttpStatus.NOT_FOUND;
        };
        return page(
                status,
                "sign-in-problem",
                new LinkProblem(
                        SignInPageModels.text(language, "signin.problem-title"),
                        state == MemberSignIns.State.UNKNOWN,
                        state == MemberSignIns.State.USED,
                        state == MemberSignIns.State.EXPIRED),
                language);
    }

    private static ModelAndView page(HttpStatus status, String template, PublicPage model, Language members) {
        return PublicPageView.personal(status, "members/" + template, model, members);
    }
}
