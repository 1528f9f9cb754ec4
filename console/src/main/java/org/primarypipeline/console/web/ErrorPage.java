package org.primarypipeline.console.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;

/** The error page's model: the status, a short title and what went wrong in a sentence. */
public record ErrorPage(String title, int status, String error, String message) {

    public static ErrorPage of(int status, String error, String message) {
        return new ErrorPage(error, status, error, message);
    }

    /** Sets the response's status and puts this page in the model; returns the view name. */
    public String show(HttpServletResponse response, Model model) {
        response.setStatus(status);
        return PageViewResolver.show(model, this, "error");
    }
}
