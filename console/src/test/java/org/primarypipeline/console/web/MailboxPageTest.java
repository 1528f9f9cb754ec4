package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The app started with no SMTP host catches its own mail: a join's confirmation shows on the Mailbox page
 * for staff, newest first, with its link clickable and working; other roles and strangers are refused.
 * The shared test app sends to a closed port (FreshAppProperties); this one runs as `./pp` does.
 */
class MailboxPageTest extends LocalMailboxApp {

    private static final Pattern CONFIRM_LINK = Pattern.compile("<a href=\"(http://[^\"]+/join/confirm/[^\"]+)\">");

    @Test
    void aConfirmationMailIsCaughtAndItsLinkIsClickable() throws Exception {
        String email = "mailbox-" + System.nanoTime() + "@example.org";
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> asked = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/districts/OR-03/members"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"fullName\":\"Mae Mailbox\",\"email\":\"" + email + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);

        ConsoleHttp alice = new ConsoleHttp(base());
        alice.signIn("alice", password("alice"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> alice.get("/mailbox").body().contains(email));
        HttpResponse<String> list = alice.get("/mailbox");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("This is the local mailbox").contains("href=\"/mailbox\"");
        Matcher row = Pattern.compile(
                        "<tr data-number=\"(\\d+)\"><th scope=\"row\"><a href=\"/mailbox/\\d+\">#\\d+</a></th><td>"
                                + Pattern.quote(email))
                .matcher(list.body());
        assertThat(row.find()).as(list.body()).isTrue();
        String number = row.group(1);
        Matcher first = Pattern.compile("<tr data-number=\"(\\d+)\"").matcher(list.body());
        assertThat(first.find()).isTrue();
        assertThat(Integer.parseInt(first.group(1)))
                .as("newest first")
                .isGreaterThanOrEqualTo(Integer.parseInt(number));

        HttpResponse<String> message = alice.get("/mailbox/" + number);
        assertThat(message.statusCode()).isEqualTo(200);
        assertThat(message.body()).contains(email).contains("This is the local mailbox");
        Matcher link = CONFIRM_LINK.matcher(message.body());
        assertThat(link.find()).as(message.body()).isTrue();
        HttpResponse<String> opened = http.send(
                // the link is on the configured public base URL; the test's app listens on a port of its own
                HttpRequest.newBuilder(URI.create(base()
                                + URI.create(link.group(1).replace("&amp;", "&"))
                                        .getRawPath()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).contains("<form method=\"post\"");

        assertThat(alice.get("/mailbox/999999").statusCode()).isEqualTo(404);
        ConsoleHttp fiona = new ConsoleHttp(base());
        fiona.signIn("fiona", password("fiona"));
        assertThat(fiona.get("/mailbox").statusCode()).isEqualTo(403);
        assertThat(fiona.get("/").body()).doesNotContain("href=\"/mailbox\"");
        HttpResponse<String> stranger = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/mailbox")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stranger.statusCode()).isIn(302, 401);
        assertThat(stranger.body()).doesNotContain(email);
    }
}
