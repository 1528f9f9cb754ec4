package org.primarypipeline.console.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.primarypipeline.console.cycles.CycleActionRefused;
import org.primarypipeline.console.cycles.UnknownCycleException;
import org.primarypipeline.supporters.JoinLimited;
import org.primarypipeline.supporters.RefusedFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
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

    /** Each refused field with its sentence, beside the usual {@code error} (the join API). */
    @ExceptionHandler(RefusedFields.class)
    ResponseEntity<FieldErrors> badFields(RefusedFields e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(new FieldErrors(e.getMessage(), e.fields()));
    }

    /** The usual error sentence, and field name to the sentence about that field. */
    record FieldErrors(String error, Map<String, String> fields) {}

    /** Past a limit on requests: when to try again, in the header and in words. */
    @ExceptionHandler(JoinLimited.class)
    ResponseEntity<ErrorReplies.ApiError> limited(JoinLimited e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(
                        HttpHeaders.RETRY_AFTER,
                        Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .body(new ErrorReplies.ApiError(e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    Object badInput(IllegalArgumentException e, HttpServletRequest request) {
        String sentence = Sentences.of(e);
        return reply(request, 400, sentence != null ? sentence : e.getMessage());
    }

    /** A body that is not JSON of the action's shape (wrong types, cut short, not UTF-8). */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return reply(request, 400, "The request body is not valid JSON for this action.");
    }

    /**
     * Spring Security's firewall refuses a parameter name with control or unusual characters only when the
     * controller first reads the form, so the refusal arrives here rather than at the filter chain.
     */
    @ExceptionHandler(RequestRejectedException.class)
    Object rejected(RequestRejectedException e, HttpServletRequest request) {
        return reply(request, 400, "The form held a field name with characters the app does not accept.");
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
