package org.primarypipeline.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local HTTP server that answers the Stripe API calls we make with objects shaped as Stripe's API
 * reference publishes them, and signs webhook payloads the way Stripe does (HMAC-SHA256 over
 * "{timestamp}.{payload}" with the endpoint secret, sent as {@code Stripe-Signature: t=...,v1=...}).
 */
public final class StripeStub implements AutoCloseable {

    public static final String SECRET_KEY = "sk_test_stub";
    public static final String WEBHOOK_SECRET = "whsec_test_stub";

    private final WireMockServer server;

    public StripeStub() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
    }

    public String apiBase() {
        return "http://127.0.0.1:" + server.port();
    }

    public WireMockServer server() {
        return server;
    }

    /** POST /v1/products answers a product; with {@code failFirst} the first call answers 503 as an outage would. */
    public StripeStub products(String productId, boolean failFirst) {
        String json = """
                {"id": "%s", "object": "product", "active": true, "created": 1767225600, "description": null,
                 "livemode": false, "metadata": {}, "name": "fundraiser", "type": "service", "updated": 1767225600}
                """.formatted(productId);
        if (failFirst) {
            server.stubFor(post(urlEqualTo("/v1/products"))
                    .inScenario("outage")
                    .whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse()
                            .withStatus(503)
                            .withHeader("Stripe-Should-Retry", "false")
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"Service unavailable\"}}"))
                    .willSetStateTo("up"));
            server.stubFor(post(urlEqualTo("/v1/products"))
                    .inScenario("outage")
                    .whenScenarioStateIs("up")
                    .willReturn(ok(json)));
        } else {
            server.stubFor(post(urlEqualTo("/v1/products")).willReturn(ok(json)));
        }
        server.stubFor(post(urlEqualTo("/v1/products/" + productId))
                .willReturn(ok(json.replace("\"active\": true", "\"active\": false"))));
        return this;
    }

    /** POST /v1/checkout/sessions answers a new open session (id from the idempotency key) with its hosted page URL. */
    public StripeStub checkoutSessions() {
        server.stubFor(
                post(urlEqualTo("/v1/checkout/sessions")).willReturn(ok("""
                {"id": "cs_test_{{request.headers.Idempotency-Key}}", "object": "checkout.session", "livemode": false,
                 "mode": "payment", "status": "open", "payment_status": "unpaid",
                 "url": "https://checkout.stripe.com/c/pay/cs_test_{{request.headers.Idempotency-Key}}", "metadata": {},
                 "created": 1767225600, "expires_at": 1767312000, "currency": "usd", "amount_total": 0}
                """).withTransformers("response-template")));
        return this;
    }

    /**
     * Monthly gifts: GET /v1/subscriptions/{id} answers one item {@code si_{id}}, POST updates it, DELETE
     * cancels it (status canceled).
     */
    public StripeStub subscriptions() {
        String sub = """
                {"id": "{{request.pathSegments.[2]}}", "object": "subscription", "status": "%s",
                 "items": {"object": "list", "data": [{"id": "si_{{request.pathSegments.[2]}}", "object": "subscription_item"}]}}""";
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathMatching("/v1/subscriptions/[^/]+"))
                .willReturn(ok(sub.formatted("active")).withTransformers("response-template")));
        server.stubFor(post(urlPathMatching("/v1/subscriptions/[^/]+"))
                .willReturn(ok(sub.formatted("active")).withTransformers("response-template")));
        server.stubFor(delete(urlPathMatching("/v1/subscriptions/[^/]+"))
                .willReturn(ok(sub.formatted("canceled")).withTransformers("response-template")));
        return this;
    }

    public List<LoggedRequest> deletes(String path) {
        return server.findAll(deleteRequestedFor(urlPathMatching(path)));
    }

    /** POST /v1/refunds answers a succeeded refund. */
    public StripeStub refunds(String refundId) {
        server.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(ok("""
                {"id": "%s", "object": "refund", "amount": 0, "charge": null, "currency": "usd", "created": 1767225600,
                 "metadata": {}, "status": "succeeded", "reason": "requested_by_customer"}
                """.formatted(refundId))));
        return this;
    }

    /**
     * Connect: POST /v1/accounts answers an Express account not yet onboarded; GET /v1/accounts/{id}
     * answers it as {@link #accountState} last set it; POST /v1/account_links answers an onboarding URL.
     */
    public StripeStub connect(String accountId) {
        server.stubFor(post(urlEqualTo("/v1/accounts")).willReturn(ok(account(accountId, false, false, false))));
        accountState(accountId, false, false, false);
        server.stubFor(post(urlEqualTo("/v1/account_links")).willReturn(ok("""
                {"object": "account_link", "created": 1767225600, "expires_at": 1767225900,
                 "url": "https://connect.stripe.com/setup/e/%s/stub"}
                """.formatted(accountId))));
        return this;
    }

    /** What GET /v1/accounts/{id} answers from now on. */
    public StripeStub accountState(String accountId, boolean details, boolean charges, boolean payouts) {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/v1/accounts/" + accountId))
                .willReturn(ok(account(accountId, details, charges, payouts))));
        return this;
    }

    public static String account(String accountId, boolean details, boolean charges, boolean payouts) {
        return """
                {"id": "%s", "object": "account", "type": "express", "country": "US", "default_currency": "usd",
                 "details_submitted": %s, "charges_enabled": %s, "payouts_enabled": %s, "metadata": {},
                 "capabilities": {"transfers": "%s"}, "created": 1767225600}
                """.formatted(accountId, details, charges, payouts, payouts ? "active" : "inactive");
    }

    /**
     * POST /v1/transfers answers a transfer whose id is taken from the idempotency key (so a retry with the
     * same key gets the same transfer, as Stripe answers); with {@code failFirst} the first call answers
     * 500 as if the answer were lost. POST /v1/transfers/{id}/reversals answers a reversal.
     */
    public StripeStub transfers(boolean failFirst) {
        var json = ok("""
                {"id": "tr_{{request.headers.Idempotency-Key}}", "object": "transfer", "amount": 0, "amount_reversed": 0,
                 "currency": "usd", "created": 1767225600, "destination": "acct_stub", "livemode": false, "metadata": {},
                 "reversals": {"object": "list", "data": [], "has_more": false, "url": "/v1/transfers/tr/reversals"},
                 "reversed": false}
                """).withTransformers("response-template");
        if (failFirst) {
            server.stubFor(post(urlEqualTo("/v1/transfers"))
                    .inScenario("transfer-outage")
                    .whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse()
                            .withStatus(500)
                            .withHeader("Stripe-Should-Retry", "false")
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"answer lost\"}}"))
                    .willSetStateTo("up"));
            server.stubFor(post(urlEqualTo("/v1/transfers"))
                    .inScenario("transfer-outage")
                    .whenScenarioStateIs("up")
                    .willReturn(json));
        } else {
            server.stubFor(post(urlEqualTo("/v1/transfers")).willReturn(json));
        }
        server.stubFor(post(urlPathMatching("/v1/transfers/[^/]+/reversals"))
                .willReturn(ok("""
                {"id": "trr_{{request.headers.Idempotency-Key}}", "object": "transfer_reversal", "amount": 0,
                 "currency": "usd", "created": 1767225600, "metadata": {}, "transfer": "tr_stub"}
                """).withTransformers("response-template")));
        return this;
    }

    public List<LoggedRequest> posts(String path) {
        return server.findAll(postRequestedFor(urlPathMatching(path)));
    }

    public List<LoggedRequest> postsWithKey(String path, String idempotencyKey) {
        return server.findAll(
                postRequestedFor(urlPathMatching(path)).withHeader("Idempotency-Key", equalTo(idempotencyKey)));
    }

    /** The Stripe-Signature header for this payload, signed at this time. */
    public static String sign(String payload, String secret, Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signed = at.getEpochSecond() + "." + payload;
            return "t=" + at.getEpochSecond() + ",v1="
                    + HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An event envelope as Stripe sends it. */
    public static String event(String id, String type, Instant created, String objectJson) {
        return """
                {"id": "%s", "object": "event", "api_version": "2026-07-29.dahlia", "created": %d,
                 "data": {"object": %s}, "livemode": false, "pending_webhooks": 1,
                 "request": {"id": null, "idempotency_key": null}, "type": "%s"}
                """.formatted(id, created.getEpochSecond(), objectJson, type);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String json) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_stub")
                .withBody(json);
    }

    @Override
    public void close() {
        server.stop();
    }
}
