package org.primarypipeline.console.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain HTTP client for the console as a browser without JavaScript would use it (a session cookie,
 * the CSRF token read from the page's forms) and for the API as a script would (HTTP Basic, JSON).
 */
final class ConsoleHttp {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;

    ConsoleHttp(String base) {
        this(
                base,
                HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build());
    }

    private ConsoleHttp(String base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    /** The same browser (its cookies) talking to another instance of the app. */
    ConsoleHttp sameBrowserAt(String otherBase) {
        return new ConsoleHttp(otherBase, http);
    }

    /** Signs in through the login form; returns where the form sent the browser. */
    String signIn(String user, String password) throws IOException, InterruptedException {
        String token = csrf("/login");
        HttpResponse<String> response = form("/login", token, Map.of("username", user, "password", password));
        return response.headers().firstValue("Location").orElse("(status " + response.statusCode() + ")");
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Any request in this session (its cookies), with the given headers and a body sent as is (null: none). */
    HttpResponse<String> send(String method, String path, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token in the forms of a page this session can see. */
    String csrf(String page) throws IOException, InterruptedException {
        HttpResponse<String> response = get(page);
        Matcher m = CSRF.matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + page + " (status " + response.statusCode() + ")");
        }
        return m.group(1);
    }

    /** Posts a console form; a null token posts without one. */
    HttpResponse<String> form(String path, String token, Map<String, String> fields)
            throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (token != null) {
            all.put("_csrf", token);
        }
        StringBuilder body = new StringBuilder();
        all.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** An API call with HTTP Basic (user null: none), a JSON body unless told otherwise. */
    HttpResponse<String> api(String method, String path, String user, String password, String body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> api(String method, String path, String user, String body)
            throws IOException, InterruptedException {
        return api(method, path, user, ConsoleTestSupport.password(user), body, "application/json");
    }
}
