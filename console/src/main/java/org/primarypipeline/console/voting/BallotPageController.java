package org.primarypipeline.console.voting;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.primarypipeline.console.cycles.UnknownCycleException;
import org.primarypipeline.console.voting.BallotPageModels.Sent;
import org.primarypipeline.console.web.PublicPage;
import org.primarypipeline.console.web.PublicPageView;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.console.web.i18n.PageLanguage;
import org.primarypipeline.core.cycle.CycleStatus;
import org.primarypipeline.platform.PublicDoor;
import org.primarypipeline.voting.BallotAccess;
import org.primarypipeline.voting.BallotAccess.LinkState;
import org.primarypipeline.voting.BallotLinks;
import org.primarypipeline.voting.Receipt;
import org.primarypipeline.voting.VotingClosedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The member's ballot: a single-use link opens a short session (a cookie scoped to the cycle's ballot
 * path, HttpOnly, SameSite=Strict) in which the member ranks the nominees, names proxies and sees their
 * receipt. Opening a link takes a button press, since mail scanners fetch links and would otherwise
 * spend them. Every form carries the session's form key, so no other site can post one.
 */
@PublicDoor
@Controller
public class BallotPageController {

    static final String COOKIE = "pp_ballot";

    private final BallotAccess access;
    private final BallotLinks links;
    private final BallotService ballots;
    private final BallotPages pages;

    public BallotPageController(BallotAccess access, BallotLinks links, BallotService ballots, BallotPages pages) {
        this.access = access;
        this.links = links;
        this.ballots = ballots;
        this.pages = pages;
    }

    @GetMapping("/ballot/open/{token}")
    public ModelAndView confirm(@PathVariable String token, HttpServletRequest request) {
        BallotAccess.Exchange peek = access.peek(token);
        if (peek.state() != LinkState.OPENED) {
            return problem(peek, PageLanguage.of(request, null));
        }
        return page(HttpStatus.OK, "open", pages.open(token, peek.session(), PageLanguage.of(request, null)));
    }

    @PostMapping("/ballot/open")
    public ModelAndView open(
            @RequestParam(defaultValue = "") String token, HttpServletRequest request, HttpServletResponse response) {
        if (!SameSitePost.fromThisApp(request)) {
            // refused before the link is spent: the member can still open it from their own message
            return page(HttpStatus.FORBIDDEN, "problem", BallotProblems.crossSite(PageLanguage.of(request, null)));
        }
        BallotAccess.Exchange exchange = access.exchange(token);
        if (exchange.state() != LinkState.OPENED) {
            return problem(exchange, PageLanguage.of(request, null));
        }
        String cycleId = exchange.session().cycleId();
        ResponseCookie cookie = ResponseCookie.from(COOKIE, exchange.sessionKey())
                .path("/ballot/" + cycleId)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Strict")
                .maxAge(access.sessionTtl())
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        response.setHeader("Referrer-Policy", "no-referrer");
        return PublicPageView.seeOther("/ballot/" + cycleId);
    }

    @PostMapping("/ballot/link")
    public ModelAndView freshLink(
            @RequestParam(defaultValue = "") String cycleId, @RequestParam(defaultValue = "") String address) {
        links.sendFresh(cycleId, address);
        return page(HttpStatus.OK, "sent", new Sent());
    }

    @GetMapping("/ballot/{cycleId}")
    public ModelAndView ballot(
            @PathVariable String cycleId,
            @CookieValue(name = COOKIE, required = false) String key,
            @RequestParam(required = false) String stored,
            HttpServletRequest request) {
        Optional<BallotAccess.Session> session = access.session(cycleId, key);
        if (session.isEmpty()) {
            return sessionEnded(cycleId, PageLanguage.of(request, null));
        }
        Language language = language(request, session.get());
        return page(
                HttpStatus.OK,
                "ballot",
                pages.ballot(session.get(), BallotProblems.stored(stored, language), null, null, language),
                language);
    }

    @PostMapping("/ballot/{cycleId}/ranking")
    public ModelAndView rank(
            @PathVariable String cycleId,
            @CookieValue(name = COOKIE, required = false) String key,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request) {
        Optional<BallotAccess.Session> session = formSession(cycleId, key, form);
        if (session.isEmpty()) {
            return sessionEnded(cycleId, PageLanguage.of(request, null));
        }
        Language language = language(request, session.get());
        Receipt receipt;
        try {
            receipt = ballots.cast(
                    cycleId, session.get().memberId(), BallotForm.ranking(form), BallotForm.shownSeq(form));
        } catch (VotingClosedException closed) {
            return page(
                    HttpStatus.CONFLICT,
                    "ballot",
                    pages.ballot(session.get(), null, BallotProblems.votingClosed(closed, language), null, language),
                    language);
        } catch (IllegalArgumentException | IllegalStateException refused) {
            return page(
                    HttpStatus.BAD_REQUEST,
                    "ballot",
                    pages.ballot(session.get(), null, refused.getMessage(), null, language),
                    language);
        }
        // answered here rather than by a redirect: the secret is shown once and never stored
        return page(
                HttpStatus.OK,
                "ballot",
                pages.ballot(
                        session.get(),
                        BallotProblems.stored(receipt.secret() == null ? "again" : "ballot", language),
                        null,
                        null,
                        receipt,
                        language),
                language);
    }

    @PostMapping("/ballot/{cycleId}/proxies")
    public ModelAndView proxies(
            @PathVariable String cycleId,
            @CookieValue(name = COOKIE, required = false) String key,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request) {
        Optional<BallotAccess.Session> session = formSession(cycleId, key, form);
        if (session.isEmpty()) {
            return sessionEnded(cycleId, PageLanguage.of(request, null));
        }
        Language language = language(request, session.get());
        long member = session.get().memberId();
        try {
            switch (form.getFirst("scope") == null ? "standing" : form.getFirst("scope")) {
                case "cycle" -> ballots.overrideProxies(cycleId, member, BallotForm.proxyChoices(form));
                case "clear" -> ballots.clearOverride(cycleId, member);
                default -> ballots.nameStandingProxies(member, BallotForm.proxyChoices(form));
            }
        } catch (IllegalArgumentException | IllegalStateException refused) {
            return page(
                    HttpStatus.BAD_REQUEST,
                    "ballot",
                    pages.ballot(session.get(), null, null, refused.getMessage(), language),
                    language);
        }
        return PublicPageView.seeOther("/ballot/" + cycleId + "?stored=proxies");
    }

    @PostMapping("/ballot/{cycleId}/signout")
    public ModelAndView signOut(
            @PathVariable String cycleId,
            @CookieValue(name = COOKIE, required = false) String key,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletResponse response) {
        if (formSession(cycleId, key, form).isPresent()) {
            access.close(key);
        }
        ResponseCookie gone = ResponseCookie.from(COOKIE, "")
                .path("/ballot/" + cycleId)
                .maxAge(0)
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, gone.toString());
        return PublicPageView.seeOther("/ballot/" + cycleId + "/check");
    }

    @GetMapping("/ballot/{cycleId}/check")
    public ModelAndView check(
            @PathVariable String cycleId, @RequestParam(required = false) String receipt, HttpServletRequest request) {
        return page(HttpStatus.OK, "check", pages.check(cycleId, receipt, PageLanguage.of(request, null)));
    }

    /** The session of the cookie, if the form carries that session's form key. */
    private Optional<BallotAccess.Session> formSession(String cycleId, String key, MultiValueMap<String, String> form) {
        String given = form.getFirst("formKey");
        return access.session(cycleId, key)
                .filter(s -> given != null
                        && MessageDigest.isEqual(
                                s.formKey().getBytes(StandardCharsets.US_ASCII),
                                given.getBytes(StandardCharsets.US_ASCII)));
    }

    private ModelAndView sessionEnded(String cycleId, Language language) {
        try {
            ballots.cycle(cycleId);
        } catch (UnknownCycleException e) {
            return page(HttpStatus.NOT_FOUND, "problem", BallotProblems.noSuchBallot(cycleId, language));
        }
        return page(HttpStatus.UNAUTHORIZED, "problem", BallotProblems.sessionEnded(cycleId, language));
    }

    private ModelAndView problem(BallotAccess.Exchange exchange, Language language) {
        HttpStatus status = exchange.state() == LinkState.UNKNOWN ? HttpStatus.NOT_FOUND : HttpStatus.GONE;
        // a link of a cancelled or failed round says so, rather than promising a count that never comes
        CycleStatus round = exchange.state() == LinkState.ROUND_CLOSED
                ? ballots.cycle(exchange.session().cycleId()).status()
                : null;
        return page(status, "problem", BallotProblems.linkProblem(exchange, round, language));
    }

    private static ModelAndView page(HttpStatus status, String template, PublicPage model) {
        return page(status, template, model, null);
    }

    /** A page of the member's own ballot: in their {@code member.locale} unless this browser chose. */
    private static ModelAndView page(HttpStatus status, String template, PublicPage model, Language language) {
        return PublicPageView.personal(status, "voting/" + template, model, language);
    }

    private Language language(HttpServletRequest request, BallotAccess.Session session) {
        return PageLanguage.of(request, ballots.memberLanguage(session.memberId()));
    }
}
