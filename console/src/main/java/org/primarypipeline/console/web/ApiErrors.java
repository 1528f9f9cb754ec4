package org.primarypipeline.console.web;

import java.util.Map;
import org.primarypipeline.console.cycles.CycleActionRefused;
import org.primarypipeline.console.cycles.UnknownCycleException;
import org.primarypipeline.supporters.JoinLimited;
import org.primarypipeline.supporters.RefusedFields;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad input and refused actions answer with a clear message, never a stack trace. */
@RestControllerAdvice
public class ApiErrors {

    @ExceptionHandler(UnknownCycleException.class)
    ResponseEntity<Map<String, String>> unknown(UnknownCycleException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** The account's role has no right to the action; the audit log already has the attempt. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, String>> forbidden(AccessDeniedException e) {
        return error(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler({CycleActionRefused.class, IllegalStateException.class})
    ResponseEntity<Map<String, String>> refused(RuntimeException e) {
        return error(HttpStatus.CONFLICT, e.getMessage());
    }

    /** Each refused field with its sentence, beside the usual {@code error}. */
    @ExceptionHandler(RefusedFields.class)
    ResponseEntity<FieldErrors> badFields(RefusedFields e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(new FieldErrors(e.getMessage(), e.fields()));
    }

    /** The usual error sentence, and field name to the sentence about that field. */
    record FieldErrors(String error, Map<String, String> fields) {}

    /** Past a limit on requests: when to try again, in the header and in words. */
    @ExceptionHandler(JoinLimited.class)
    ResponseEntity<Map<String, String>> limited(JoinLimited e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(
                        HttpHeaders.RETRY_AFTER,
                        Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badInput(IllegalArgumentException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, "the request body is not valid JSON for this action");
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status)
                .body(Map.of("error", message == null ? status.getReasonPhrase() : message));
    }
}
