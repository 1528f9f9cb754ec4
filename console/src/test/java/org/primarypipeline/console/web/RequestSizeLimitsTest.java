package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.primarypipeline.console.ConsoleApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Size limits on the public endpoints, through the whole app (real HTTP, the real filter chain). Failed
 * on the old code: Stripe's endpoint read any body into a String and answered 400 only after trying
 * its signature, and a public form took any size.
 */
@SpringBootTest(
        classes = ConsoleApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pp.prioritize.on-start=false"})
class RequestSizeLimitsTest {

    @DynamicPropertySource
    static void freshDatabaseAndTemporalPort(DynamicPropertyRegistry registry) throws IOException {
        org.primarypipeline.console.FreshAppProperties.register(registry);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body)
            throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", contentType)
                        .POST(body)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String json(int bytes) {
        return "{\"id\":\"evt_big\",\"pad\":\"" + "x".repeat(bytes) + "\"}";
    }

    @Test
    void aStripeEventOverTheLimitIsRefusedWith413BeforeItsSignatureIsRead() throws Exception {
        HttpResponse<String> sized =
                post("/webhooks/stripe", "application/json", HttpRequest.BodyPublishers.ofString(json(300 * 1024)));
        assertThat(sized.statusCode()).isEqualTo(413);
        assertThat(sized.body()).contains("\"error\"", "256");

        // no Content-Length (chunked): the body is read only up to the limit
        byte[] big = json(300 * 1024).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = post(
                "/webhooks/stripe",
                "application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
        assertThat(chunked.statusCode()).isEqualTo(413);

        // a small unsigned event is still refused for its signature, as before
        HttpResponse<String> small =
                post("/webhooks/stripe", "application/json", HttpRequest.BodyPublishers.ofString(json(100)));
        assertThat(small.statusCode()).isEqualTo(400);
    }

    @Test
    void aPublicFormOverTheLimitIsRefusedWith413AndASentence() throws Exception {
        String form = "nomineeName=" + "a".repeat(200 * 1024);
        HttpResponse<String> refused = post(
                "/nominate/ME-01-1", "application/x-www-form-urlencoded", HttpRequest.BodyPublishers.ofString(form));
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(refused.body()).contains("too large");
    }
}
