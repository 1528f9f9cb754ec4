package org.primarypipeline.console.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;

/** The error page's model: the status, a short title, what went wrong in a sentence and what to do. */
public record ErrorPage(String title, int status, String error, String message, String hint, boolean roleHint) {

    public static ErrorPage of(int status, String error, String message) {
        return new ErrorPage(error, status, error, message, hint(status), status == 403);
    }

    private static String hint(int status) {
        return switch (status) {
            case 404 -> "Check the address; the dashboard and the lists link to everything there is.";
            case 400, 409 -> "Nothing was changed.";
            default -> status >= 500 ? "The error was logged for the admins; nothing you typed was saved." : null;
        };
    }

    /** Sets the response's status and puts this page in the model; returns the view name. */
    public String show(HttpServletResponse response, Model model) {
        response.setStatus(status);
        return PageViewResolver.show(model, this, "error");
    }
}
