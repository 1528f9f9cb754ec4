package org.primarypipeline.console.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that never reached a controller (no such address, a filter's refusal, an unreadable
 * parameter) answer like those that did: {@link ErrorReplies} decides the shape from the address that
 * was asked for. Replaces Spring Boot's white-label page and its JSON map.
 */
@Controller
public class ErrorPages implements ErrorController {

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? "/error" : uri.toString();
        String sentence = null;
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Exception e) {
            sentence = Sentences.of(e);
        }
        if (sentence == null
                && status < 500
                && request.getAttribute(RequestDispatcher.ERROR_MESSAGE) instanceof String m
                && !m.isBlank()) {
            sentence = m;
        }
        return ErrorReplies.reply(request, path, status, sentence);
    }
}
