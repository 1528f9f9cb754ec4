package org.primarypipeline.console.voting;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.primarypipeline.console.web.PublicPage;
import org.primarypipeline.console.web.PublicPageView;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.console.web.i18n.PageLanguage;
import org.primarypipeline.platform.PublicDoor;
import org.primarypipeline.voting.AssistedBallots.Entry;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The link of an assisted ballot: opening it shows what staff entered and two buttons; only pressing
 * Confirm makes it count ({@link AnswerAssistedBallot}). Opening changes nothing, since mail scanners
 * fetch links. The answer names the entry and carries its link's token, which must be that entry's own.
 */
@PublicDoor
@Controller
public class AssistedBallotPageController {

    private final AnswerAssistedBallot answers;
    private final AssistedBallotPages pages;

    public AssistedBallotPageController(AnswerAssistedBallot answers, AssistedBallotPages pages) {
        this.answers = answers;
        this.pages = pages;
    }

    @GetMapping("/ballot/assisted/{token}")
    public ModelAndView show(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        Language language = PageLanguage.of(request, null);
        response.setHeader("Referrer-Policy", "no-referrer");
        Optional<Entry> entry = answers.peek(token);
        if (entry.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "assisted-answered", unknown(language));
        }
        return page(HttpStatus.OK, "assisted", pages.entry(token, entry.get(), language));
    }

    @PostMapping("/ballot/assisted/{id}")
    public ModelAndView answer(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String decision,
            HttpServletRequest request) {
        Language language = PageLanguage.of(request, null);
        if (!SameSitePost.fromThisApp(request)) {
            return page(HttpStatus.FORBIDDEN, "assisted-answered", AssistedBallotPages.refused("cross-site", language));
        }
        if (!decision.equals("confirm") && !decision.equals("void")) {
            return page(HttpStatus.BAD_REQUEST, "assisted-answered", AssistedBallotPages.refused("choose", language));
        }
        AnswerAssistedBallot.Answer answer = answers.perform(id, token, decision.equals("confirm"));
        HttpStatus status = switch (answer.result()) {
            case UNKNOWN -> HttpStatus.NOT_FOUND;
            case ROUND_CLOSED -> HttpStatus.CONFLICT;
            case REFUSED -> HttpStatus.BAD_REQUEST;
            default -> HttpStatus.OK;
        };
        return page(status, "assisted-answered", AssistedBallotPages.answered(answer, language));
    }

    private static PublicPage unknown(Language language) {
        return AssistedBallotPages.answered(
                new AnswerAssistedBallot.Answer(AnswerAssistedBallot.Result.UNKNOWN, null, null, null), language);
    }

    private static ModelAndView page(HttpStatus status, String template, PublicPage model) {
        return PublicPageView.personal(status, "voting/" + template, model);
    }
}
