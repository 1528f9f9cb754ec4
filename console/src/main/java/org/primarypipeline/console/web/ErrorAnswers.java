package org.primarypipeline.console.web;

import jakarta.servlet.http.HttpServletRequest;
import org.primarypipeline.console.cycles.CycleActionRefused;
import org.primarypipeline.console.cycles.UnknownCycleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Every exception a controller lets out, page or API, becomes one of {@link ErrorReplies}' answers
 * with a sentence: refused roles 403, unknown things 404, refused actions 409, bad input 400, and
 * anything unexpected a logged 500 that shows no stack trace.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ErrorAnswers {

    private static final Logger log = LoggerFactory.getLogger(ErrorAnswers.class);

    /** The account's role has no right to the action; the audit log already has the attempt. */
    @ExceptionHandler(AccessDeniedException.class)
    Object forbidden(AccessDeniedException e, HttpServletRequest request) {
        return reply(request, 403, e.getMessage());
    }

    @ExceptionHandler(UnknownCycleException.class)
    Object unknown(UnknownCycleException e, HttpServletRequest request) {
        return reply(request, 404, e.getMessage());
    }

    @ExceptionHandler({CycleActionRefused.class, IllegalStateException.class})
    Object refused(RuntimeException e, HttpServletRequest request) {
        return reply(request, 409, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    Object badInput(IllegalArgumentException e, HttpServletRequest request) {
        String sentence = Sentences.of(e);
        return reply(request, 400, sentence != null ? sentence : e.getMessage());
    }

    /** A path variable or parameter that does not read as its type: "abc" where a number belongs. */
    @ExceptionHandler(TypeMismatchException.class)
    Object mismatch(TypeMismatchException e, HttpServletRequest request) {
        return reply(request, 400, Sentences.of(e));
    }

    @ExceptionHandler(Exception.class)
    Object anything(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof AuthenticationException) {
            throw e; // the security chain sends the browser to sign in
        }
        if (e instanceof ErrorResponse framework) {
            return reply(request, framework.getStatusCode().value(), Sentences.of(e));
        }
        log.error("unexpected error answering {} {}", request.getMethod(), request.getRequestURI(), e);
        return reply(request, 500, null);
    }

    private static Object reply(HttpServletRequest request, int status, String sentence) {
        return ErrorReplies.reply(request, request.getRequestURI(), status, sentence);
    }
}
