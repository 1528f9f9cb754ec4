package org.primarypipeline.console.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** Requests as they reach the app from a proxy in front of it: with forwarded headers of our choosing. */
final class EdgeClient {

    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    EdgeClient(String base) {
        this.base = base;
    }

    /** An API call with HTTP Basic; forwardedFor and proto may be null (header not sent). */
    HttpResponse<String> basic(String user, String password, String forwardedFor, String proto) throws Exception {
        return http.send(request(user, password, forwardedFor, proto), HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> basicAsync(String user, String password, String forwardedFor) {
        return http.sendAsync(request(user, password, forwardedFor, null), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String forwardedFor, String proto) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).GET();
        forwarded(request, forwardedFor, proto);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A public form posted through the proxy. */
    HttpResponse<String> form(String path, Map<String, String> fields, String forwardedFor) throws Exception {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        forwarded(request, forwardedFor, null);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String user, String password, String forwardedFor, String proto) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/cycles"))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .GET();
        forwarded(request, forwardedFor, proto);
        return request.build();
    }

    private static void forwarded(HttpRequest.Builder request, String forwardedFor, String proto) {
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        if (proto != null) {
            request.header("X-Forwarded-Proto", proto);
        }
    }
}
