package org.primarypipeline.console.supporters;

import org.primarypipeline.console.supporters.JoinPageModels.Confirm;
import org.primarypipeline.console.supporters.JoinPageModels.Message;
import org.primarypipeline.console.supporters.JoinPageModels.Words;
import org.primarypipeline.console.web.PublicPage;
import org.primarypipeline.console.web.PublicPageView;
import org.primarypipeline.platform.PublicDoor;
import org.primarypipeline.supporters.JoinRequests;
import org.primarypipeline.supporters.JoinRequests.State;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page a link to confirm joining opens. Opening it changes nothing (mail scanners fetch links); its
 * one button posts back to the same address and makes the person a member. A second press answers as
 * the first did. English or Spanish ({@code ?lang=es}), no script, a personal page (the token is the
 * only authority).
 */
@PublicDoor
@Controller
public class JoinConfirmPageController {

    private final ConfirmJoining confirm;

    public JoinConfirmPageController(ConfirmJoining confirm) {
        this.confirm = confirm;
    }

    @GetMapping("/join/confirm/{token}")
    public ModelAndView show(@PathVariable String token, @RequestParam(required = false) String lang) {
        JoinRequests.Pending pending = confirm.peek(token);
        Words words = Words.of(spanish(lang, pending.spanish()));
        return switch (pending.state()) {
            case UNKNOWN -> problem(HttpStatus.NOT_FOUND, words, words.unknown());
            case EXPIRED -> problem(HttpStatus.GONE, words, words.expired());
            case CONFIRMED ->
                message(HttpStatus.OK, words, words.welcome(), words.again().formatted(pending.districtId()), null);
            case VALID ->
                page(
                        HttpStatus.OK,
                        "join-confirm",
                        new Confirm(
                                words.title(),
                                words.lang(),
                                words.heading(),
                                words.lead().formatted(pending.fullName(), pending.districtId()),
                                words.rules(),
                                words.button().formatted(pending.districtId()),
                                "/join/confirm/" + token + "?lang=" + words.lang(),
                                "/join/confirm/" + token + "?lang=" + words.otherLang(),
                                words.otherLanguage()));
        };
    }

    @PostMapping("/join/confirm/{token}")
    public ModelAndView confirm(@PathVariable String token, @RequestParam(required = false) String lang) {
        JoinRequests.Confirmation done = confirm.perform(token);
        Words words = Words.of(spanish(lang, done.spanish()));
        if (done.state() == State.UNKNOWN) {
            return problem(HttpStatus.NOT_FOUND, words, words.unknown());
        }
        if (done.state() == State.EXPIRED) {
            return problem(HttpStatus.GONE, words, words.expired());
        }
        String text = done.again()
                ? words.again().formatted(done.districtId())
                : words.member().formatted(done.districtId())
                        + (done.leftDistrictId() == null
                                ? ""
                                : " " + words.left().formatted(done.leftDistrictId()));
        return message(HttpStatus.OK, words, words.welcome(), text, words.electorate());
    }

    private static boolean spanish(String lang, boolean asked) {
        return (lang == null || lang.isBlank()) ? asked : "es".equalsIgnoreCase(lang.strip());
    }

    private static ModelAndView problem(HttpStatus status, Words words, String text) {
        return page(
                status,
                "join-message",
                new Message(words.linkProblem(), words.lang(), words.linkProblem(), text, "problem", null));
    }

    private static ModelAndView message(HttpStatus status, Words words, String heading, String text, String more) {
        return page(status, "join-message", new Message(heading, words.lang(), heading, text, "ok", more));
    }

    private static ModelAndView page(HttpStatus status, String template, PublicPage model) {
        return PublicPageView.personal(status, "supporters/" + template, model);
    }
}
