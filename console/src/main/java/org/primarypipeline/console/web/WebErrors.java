package org.primarypipeline.console.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.primarypipeline.console.cycles.UnknownCycleException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Console pages answer a refused role with a 403 page and an unknown cycle with a 404 page (the REST
 * API's {@code ApiErrors} answers with JSON); ordered first so that its handlers win for pages. Page
 * controllers outside this package say so by implementing {@link ConsolePage}.
 */
@ControllerAdvice(basePackageClasses = WebErrors.class, assignableTypes = ConsolePage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class WebErrors {

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(AccessDeniedException e, HttpServletResponse response) {
        return page(response, HttpServletResponse.SC_FORBIDDEN, "Not allowed", e.getMessage());
    }

    @ExceptionHandler(UnknownCycleException.class)
    ModelAndView unknown(UnknownCycleException e, HttpServletResponse response) {
        return page(response, HttpServletResponse.SC_NOT_FOUND, "Not found", e.getMessage());
    }

    private static ModelAndView page(HttpServletResponse response, int status, String title, String message) {
        response.setStatus(status);
        return new ModelAndView("error", Map.of(PageViewResolver.PAGE, ErrorPage.of(status, title, message)));
    }
}
