package org.primarypipeline.console.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The serving app's REST API as the command line calls it: JSON in and out, signed in with a bearer
 * token (or, for {@code pp login} alone, with the password). An answer of 400 and up becomes a
 * {@link Refused} carrying the API's own reason; the body is never printed as it came.
 */
final class ApiClient {

    /** The app answered, and said no. */
    static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status, String reason) {
            super(reason);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /** Nothing answers at the address, or the answer is not the app's. */
    static final class Unreachable extends RuntimeException {
        Unreachable(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String authorization;
    private final HttpClient http;

    ApiClient(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (base.startsWith("http://")) {
            client.sslContext(withoutTls());
        }
        this.http = client.build();
    }

    /**
     * For a plain-HTTP address (the app on this machine) TLS is never used, but the JDK's client builds
     * its default TLS context anyway, reading every trusted CA certificate: a fifth of the command's time.
     * A context with no trust anchors is built in no time and could not verify any server, which is
     * harmless where no TLS is spoken; an https address gets the default context.
     */
    private static SSLContext withoutTls() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[0], new TrustManager[0], null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has TLS", e);
        }
    }

    static ApiClient withToken(String base, String token) {
        return new ApiClient(base, "Bearer " + token);
    }

    String base() {
        return base;
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    /**
     * A download as text (a report file, say): the body as it came, or the app's refusal as for
     * {@link #send}.
     */
    String text(String path) {
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofMinutes(5))
                .header("Accept", "text/plain, application/json")
                .header("User-Agent", "pp (Primary Pipeline command line)")
                .header("Authorization", authorization)
                .GET());
        if (response.statusCode() >= 400) {
            JsonNode answer = parse(response.body());
            throw new Refused(
                    response.statusCode(),
                    answer != null && answer.path("error").isTextual()
                            ? answer.path("error").asText()
                            : "the app answered HTTP " + response.statusCode() + " without a reason");
        }
        return response.body();
    }

    /**
     * Sends a JSON body (null: an empty object). Changes always go as JSON: the API refuses any other
     * kind of change, as a guard against forged requests from web pages.
     */
    JsonNode send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("User-Agent", "pp (Primary Pipeline command line)")
                .header("Authorization", authorization);
        if (method.equals("GET")) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json(body)));
        }
        return answerOf(exchange(request));
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new Unreachable("the app does not answer at " + base
                    + ": start it with ./pp on the server, or set PP_URL to its address");
        } catch (IOException e) {
            throw new Unreachable("the call to " + base + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted");
        }
    }

    private JsonNode answerOf(HttpResponse<String> response) {
        JsonNode answer = parse(response.body());
        if (response.statusCode() >= 400) {
            String reason = answer != null && answer.path("error").isTextual()
                    ? answer.path("error").asText()
                    : "the app answered HTTP " + response.statusCode() + " without a reason; its log may say more";
            throw new Refused(response.statusCode(), reason);
        }
        if (answer == null && !response.body().isBlank()) {
            throw new Unreachable("the answer from " + base + " is not the app's JSON: is PP_URL right?");
        }
        return answer;
    }

    /** One path segment (a cycle or district id), escaped for the URL. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String json(Object body) {
        try {
            return body == null ? "{}" : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request as JSON", e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }
}
