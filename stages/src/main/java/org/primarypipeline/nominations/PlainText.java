package org.primarypipeline.nominations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks for what the public forms take: plain text of a bounded length, web addresses that are http(s).
 * Markup is refused outright rather than stored and escaped, so a nomination cannot carry a script to
 * staff or to a ballot, and the submitter is told why.
 */
public final class PlainText {

    private static final Pattern MARKUP =
            Pattern.compile("<\\s*[a-zA-Z/!?]|javascript:|on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    private PlainText() {}

    /** The stripped text, or null when blank and optional; refused when too long or holding markup. */
    public static String field(String value, String what, int max, boolean required) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            if (required) {
                throw new IllegalArgumentException(what + " is needed");
            }
            return null;
        }
        if (text.length() > max) {
            throw new IllegalArgumentException(
                    what + " is " + text.length() + " characters long; at most " + max + " are accepted");
        }
        if (MARKUP.matcher(text).find()) {
            throw new IllegalArgumentException(what + " contains HTML or script; write plain text only");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw new IllegalArgumentException(what + " contains control characters");
            }
        }
        return text;
    }

    /** An http(s) URL without spaces or markup, or null when blank. */
    public static String url(String value, String what) {
        String url = field(value, what, 500, false);
        if (url == null) {
            return null;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("https://") || lower.startsWith("http://"))
                || url.chars().anyMatch(Character::isWhitespace)
                || url.contains("\"")
                || url.contains("'")) {
            throw new IllegalArgumentException(
                    what + " must be a web address starting with https:// (got '" + url + "')");
        }
        return url;
    }

    /** Up to {@code max} web addresses, one per line. */
    public static List<String> urls(String value, String what, int max) {
        List<String> urls = new ArrayList<>();
        if (value == null) {
            return urls;
        }
        for (String line : value.split("\\R")) {
            String url = url(line, what);
            if (url != null) {
                urls.add(url);
            }
        }
        if (urls.size() > max) {
            throw new IllegalArgumentException("at most " + max + " " + what + " are accepted");
        }
        return urls;
    }
}
