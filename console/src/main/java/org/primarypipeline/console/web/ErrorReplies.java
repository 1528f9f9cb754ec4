package org.primarypipeline.console.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.primarypipeline.console.users.PublicEndpoints;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one way an error reaches a person, whatever went wrong and wherever: JSON {@code {"error": ...}}
 * for the API and scripts, the public error page (English and Spanish) on members' pages, the console's
 * error page everywhere else. Never a raw body, an XML map or a stack trace.
 */
public final class ErrorReplies {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    /** The JSON shape of every error: one human sentence. */
    public record ApiError(String error) {}

    private ErrorReplies() {}

    /**
     * The reply for a request to {@code path} (the address asked for, not {@code /error}): a
     * {@link ResponseEntity} of JSON or a {@link ModelAndView} of a page.
     */
    public static Object reply(HttpServletRequest request, String path, int status, String sentence) {
        String text = sentence == null || sentence.isBlank() ? Sentences.forStatus(status) : sentence;
        if (wantsJson(request, path)) {
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(new ApiError(text));
        }
        if (isPublic(path)) {
            return PublicPageView.open(
                    HttpStatus.valueOf(status), "error", PublicErrorPage.of(status, spanish(request)));
        }
        ModelAndView page = new ModelAndView("error");
        page.addObject(PageViewResolver.PAGE, ErrorPage.of(status, Sentences.title(status), text));
        page.setStatus(HttpStatus.valueOf(status));
        return page;
    }

    /**
     * JSON when the handler that was asked answers data ({@code @RestController} or {@code @ResponseBody}),
     * a page when it answers pages. Only where no handler was reached (no such address, a filter's
     * refusal) do the API's address prefixes and the {@code Accept} header decide.
     */
    static boolean wantsJson(HttpServletRequest request, String path) {
        Boolean byHandler = answersData(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE));
        if (byHandler != null) {
            return byHandler;
        }
        if (path.startsWith("/api/") || path.startsWith("/webhooks/") || path.startsWith("/actuator/")) {
            return true;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("json") && !accept.contains("text/html");
    }

    /** Null when no handler of the address asked for is known (the error dispatch maps to ErrorPages). */
    static Boolean answersData(Object handler) {
        if (!(handler instanceof HandlerMethod method) || method.getBeanType() == ErrorPages.class) {
            return null;
        }
        return method.hasMethodAnnotation(ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class);
    }

    static boolean isPublic(String path) {
        for (String pattern : PublicEndpoints.MEMBERS_AND_PROVIDERS) {
            if (PATHS.match(pattern, path)) {
                return true;
            }
        }
        for (String pattern : PublicEndpoints.MEMBERS_HOME) {
            if (PATHS.match(pattern, path)) {
                return true;
            }
        }
        return false;
    }

    /** Spanish when the browser asks for it first, or the address says {@code ?lang=es}. */
    static boolean spanish(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        if (lang != null) {
            return lang.toLowerCase(Locale.ROOT).startsWith("es");
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        return accept != null && accept.trim().toLowerCase(Locale.ROOT).startsWith("es");
    }
}
