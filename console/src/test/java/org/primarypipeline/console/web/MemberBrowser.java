package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A member's browser and inbox on the members' pages, over real HTTP: asks for a sign-in link, finds it
 * in the outbox as the member finds it in their mail, follows it, and keeps the members' cookie.
 */
final class MemberBrowser {

    private static final Pattern FORM_KEY = Pattern.compile("name=\"formKey\" value=\"([^\"]+)\"");

    private final String base;
    private final JdbcClient jdbc;
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String cookie;

    MemberBrowser(String base, JdbcClient jdbc) {
        this.base = base;
        this.jdbc = jdbc;
    }

    HttpResponse<String> askForLink(String address) throws Exception {
        return post("/me/sign-in", Map.of("address", address));
    }

    /** The latest sign-in link sent to the address, from the outbox. */
    String linkFor(String address) {
        String link = jdbc.sql("""
                select model ->> 'signInUrl' from outbox_message where template = 'member-sign-in' and recipient = ?
                order by id desc limit 1""").param(address).query(String.class).single();
        assertThat(link)
                .as("the link to %s is still in the outbox (a message given up or suppressed drops it)", address)
                .isNotNull();
        return link;
    }

    /** Asks for a link, opens it, presses its button: the browser now holds the members' cookie. */
    MemberBrowser signIn(String address) throws Exception {
        assertThat(askForLink(address).statusCode()).isEqualTo(200);
        return signInByLink(URI.create(linkFor(address)).getPath());
    }

    /** Opens a sign-in link the member found (its path) and presses its button. */
    MemberBrowser signInByLink(String path) throws Exception {
        assertThat(get(path).statusCode()).isEqualTo(200);
        HttpResponse<String> opened = post(path, Map.of());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(303);
        assertThat(opened.headers().firstValue("Location")).contains("/me");
        String set = opened.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(set).startsWith("pp_member=").contains("Path=/me", "HttpOnly", "SameSite=Lax");
        cookie = set.substring(0, set.indexOf(';'));
        return this;
    }

    /** The form key of the member's session, as the home page's forms carry it. */
    String formKey() throws Exception {
        Matcher m = FORM_KEY.matcher(get("/me").body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, Map.of());
    }

    HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        StringBuilder body = new StringBuilder();
        new LinkedHashMap<>(fields)
                .forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                        .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(
                "POST",
                path,
                body.toString(),
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Origin", base));
    }

    /** Posts one of the home page's forms with the session's form key. */
    HttpResponse<String> form(String path, Map<String, String> fields) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("formKey", formKey());
        return post(path, all);
    }

    HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
