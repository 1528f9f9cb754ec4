package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local mailbox ({@code /mailbox}) as staff read it over real HTTP: waits for a message to an address
 * whose subject says what it is, and gives its links as paths on the test's app (the links carry the
 * configured public address, the test's app listens on a port of its own).
 */
final class LocalMailbox {

    private static final Pattern ROW = Pattern.compile(
            "<tr data-number=\"(\\d+)\"><th scope=\"row\"><a href=\"(/mailbox/\\d+)\">#\\d+</a></th><td>([^<]*)</td>\\s*"
                    + "<td><a href=\"[^\"]*\">([^<]*)</a>");
    private static final Pattern LINK = Pattern.compile("<a href=\"([^\"]+)\">");

    private final ConsoleHttp staff;

    LocalMailbox(String base, String user, String password) throws Exception {
        staff = new ConsoleHttp(base);
        assertThat(staff.signIn(user, password)).endsWith("/");
    }

    /** The message's number and the paths it links to, of the newest message to {@code to} whose subject has {@code subject}. */
    record Mail(int number, String subject, List<String> paths) {

        /** The one link whose path starts with {@code prefix}. */
        String link(String prefix) {
            return paths.stream()
                    .filter(p -> p.startsWith(prefix))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no link " + prefix + " in " + paths));
        }
    }

    /** Waits (up to {@code wait}) for a message to {@code to} with {@code subject} in its subject. */
    Mail mail(String to, String subject, Duration wait) {
        AtomicReference<Mail> found = new AtomicReference<>();
        org.awaitility.Awaitility.await()
                .atMost(wait)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> {
                    found.set(find(to, subject));
                    return found.get() != null;
                });
        return found.get();
    }

    Mail mail(String to, String subject) {
        return mail(to, subject, Duration.ofSeconds(90));
    }

    private Mail find(String to, String subject) throws Exception {
        HttpResponse<String> list = staff.get("/mailbox");
        assertThat(list.statusCode()).isEqualTo(200);
        Matcher row = ROW.matcher(list.body());
        while (row.find()) { // newest first
            String subjectText = unescape(row.group(4));
            if (unescape(row.group(3)).equalsIgnoreCase(to) && subjectText.contains(subject)) {
                HttpResponse<String> message = staff.get(row.group(2));
                assertThat(message.statusCode()).isEqualTo(200);
                List<String> paths = new ArrayList<>();
                Matcher link =
                        LINK.matcher(message.body().substring(message.body().indexOf("id=\"mail-body\"")));
                while (link.find()) {
                    URI uri = URI.create(unescape(link.group(1)));
                    if (uri.getRawPath() != null) {
                        paths.add(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
                    }
                }
                return new Mail(Integer.parseInt(row.group(1)), subjectText, paths);
            }
        }
        return null;
    }

    private static String unescape(String html) {
        return html.replace("&#x3D;", "=")
                .replace("&#39;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
