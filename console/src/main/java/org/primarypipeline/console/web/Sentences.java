package org.primarypipeline.console.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** What went wrong, said to a person: the framework's exceptions turned into sentences. */
final class Sentences {

    private static final Pattern NUMBER = Pattern.compile("For input string: \"(.*)\"");

    private Sentences() {}

    /** The sentence for an exception the framework raised; null when its own message is the sentence. */
    static String of(Exception e) {
        if (e instanceof MethodArgumentTypeMismatchException m) {
            return notReadable(String.valueOf(m.getValue()), m.getName(), m.getRequiredType());
        }
        if (e instanceof TypeMismatchException m) {
            return notReadable(String.valueOf(m.getValue()), m.getPropertyName(), m.getRequiredType());
        }
        if (e instanceof NumberFormatException n) {
            Matcher m = NUMBER.matcher(String.valueOf(n.getMessage()));
            return m.find()
                    ? "“" + m.group(1) + "” is not a number, and a number belongs there."
                    : "A number was expected.";
        }
        if (e instanceof MissingServletRequestParameterException m) {
            return "The request is missing “" + m.getParameterName() + "”.";
        }
        if (e instanceof HttpRequestMethodNotSupportedException m) {
            return "This address does not take a " + m.getMethod() + " request.";
        }
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            return forStatus(404);
        }
        if (e instanceof HttpMessageNotReadableException) {
            return "The request body is not valid JSON for this action.";
        }
        if (e instanceof ResponseStatusException r) {
            return r.getReason();
        }
        return null;
    }

    private static String notReadable(String value, String name, Class<?> type) {
        boolean number =
                type != null && (Number.class.isAssignableFrom(type) || type == long.class || type == int.class);
        return "“" + value + "” is not a valid " + (name == null ? "value" : name)
                + (number ? ": it should be a number." : ".");
    }

    static String forStatus(int status) {
        return switch (status) {
            case 400 -> "The request could not be read; nothing was changed.";
            case 401 -> "Sign in first.";
            case 403 -> "Your account may not open this.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not take that kind of request.";
            case 409 -> "This does not fit the current state; nothing was changed.";
            default ->
                status >= 500
                        ? "Something went wrong on our side; nothing you did caused it. Try again in a minute."
                        : "The request could not be answered (" + status + ").";
        };
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Not understood";
            case 401 -> "Not signed in";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 405 -> "Not possible here";
            case 409 -> "Refused";
            default -> status >= 500 ? "Something went wrong" : "Not done";
        };
    }
}
