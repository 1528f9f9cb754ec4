package org.primarypipeline.console.fundraising;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.primarypipeline.campaigns.Attribution;
import org.primarypipeline.campaigns.Refcodes;
import org.primarypipeline.console.PaymentsOnApp;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.fundraising.FundraiserActivitiesImpl;
import org.primarypipeline.testing.StripeStub;
import org.primarypipeline.vetting.CandidacyRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public fundraiser page, the donation form and the Stripe webhook endpoint over real HTTP through
 * the whole app (its security chain, PostgreSQL), in the app with payments on: the app's own Stripe
 * calls go to the local stub ({@link PaymentsOnApp}) and its webhook endpoint checks the stub's
 * signatures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FundraisingWebTest extends PaymentsOnApp {

    private static final Map<String, String> NO_HEADERS = Map.of();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CycleRepository cycles;

    @Autowired
    CandidacyRepository candidacies;

    @Autowired
    FundraiserActivitiesImpl fundraisers;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private long fundraiser;
    private String cycleId;

    @BeforeAll
    void launch() {
        cycleId = cycles.create("cd2026", "NV-03", CycleSettings.defaults(), "alice", Instant.now())
                .id();
        long candidacy = candidacies.nominate(cycleId, "Eve <b>Bold</b>", "eve.nv03@example.org", null);
        fundraiser = fundraisers.launch(cycleId, candidacy);
    }

    @Test
    void aDonorFillsInTheFormIsSentToCheckoutAndTheWebhookRaisesThePageTotal() throws Exception {
        // the old fundraiser address is now the candidate page's, moved for good; a share code goes along
        HttpResponse<String> old = get("/fundraisers/" + fundraiser + "?r=AB3DEFGH");
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location").orElseThrow()).endsWith("/c/" + cycleId + "?r=AB3DEFGH");
        long sharer = jdbc.sql(
                        "insert into member (full_name, email) values ('Sam Sharer', 'sam.sharer.nv03@example.org')"
                                + " returning id")
                .query(Long.class)
                .single();
        String code = new Refcodes(jdbc).codeFor(sharer);
        assertThat(new Refcodes(jdbc).codeFor(sharer)).isEqualTo(code);
        assertThat(Refcodes.wellFormed(code)).isTrue();
        HttpResponse<String> page = get("/c/" + cycleId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("$0</strong> raised of $50,000")
                .contains("<meta property=\"og:title\"")
                .contains("href=\"/events/new?cycle")
                .contains("Eve &lt;b&gt;Bold&lt;/b&gt;")
                .doesNotContain("<b>Bold")
                .contains("/fundraisers/" + fundraiser + "/donate");

        // the attestations left unticked: refused, nothing stored, what was typed kept
        long intentsBefore = count("select count(*) from contribution_intent");
        HttpResponse<String> unticked = post("/fundraisers/" + fundraiser + "/donate", donation(false), NO_HEADERS);
        assertThat(unticked.statusCode()).isEqualTo(400);
        assertThat(unticked.body()).contains("own funds").contains("value=\"Fay Gold\"");
        assertThat(count("select count(*) from contribution_intent")).isEqualTo(intentsBefore);
        HttpResponse<String> sent = post(
                "/fundraisers/" + fundraiser + "/donate",
                donation(true),
                Map.of("Cookie", "pp_rf=" + code + "; pp_rl=" + code));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
        assertThat(sent.headers().firstValue("Location").orElseThrow())
                .startsWith("https://checkout.stripe.com/c/pay/cs_test_pp-intent-");
        long intent = count("select max(id) from contribution_intent");

        String payload =
                StripeStub.event("evt_fay_nv03", "payment_intent.succeeded", Instant.now(), """
                {"id": "pi_fay_nv03", "object": "payment_intent", "amount": 10000, "amount_received": 10000,
                 "latest_charge": "ch_fay_nv03", "metadata": {"pp_intent_id": "%d"}, "status": "succeeded"}""".formatted(intent));
        String signature = StripeStub.sign(payload, StripeStub.WEBHOOK_SECRET, Instant.now());
        assertThat(webhook(payload, signature).body()).isEqualTo("{\"outcome\":\"applied\"}");
        assertThat(webhook(payload, signature).body()).isEqualTo("{\"outcome\":\"duplicate\"}");
        assertThat(webhook(payload, StripeStub.sign(payload, "whsec_forged", Instant.now()))
                        .statusCode())
                .isEqualTo(400);
        assertThat(webhook(payload, null).statusCode()).isEqualTo(400);

        assertThat(get("/c/" + cycleId).body()).contains("$100</strong> raised of $50,000 · 1 donor");
        // the donation booked from the checkout is the sharer's: first and last touch kept
        assertThat(jdbc.sql("""
                                select a.first_refcode || ' ' || a.last_refcode || ' ' || a.cycle_id from attribution a
                                join donation d on d.id = a.subject_id where a.subject_kind = 'DONATION' and d.intent_id = ?
                                """).param(intent).query(String.class).single())
                .isEqualTo(code + " " + code + " " + cycleId);
        Attribution.BroughtIn brought = new Attribution(jdbc).broughtIn(sharer);
        assertThat(brought.donations()).isEqualTo(1);
        assertThat(brought.donatedCents()).isEqualTo(10_000);
    }

    /** Issue 24, item 4: what stops or changes the gift is said before the donor types anything. */
    @Test
    void theFormSaysBeforeTheDonorTypesThatPaymentsAreOffOrTheGiftIsHeld() throws Exception {
        String form = "/fundraisers/" + fundraiser + "/donate";
        assertThat(get(form).body())
                .contains("id=\"gift-held\"")
                .contains("forward all of it within 10 days")
                .contains("Continue to payment");
        jdbc.sql("update fundraiser set payments = 'OFF' where id = ?")
                .param(fundraiser)
                .update();
        try {
            HttpResponse<String> off = get(form);
            assertThat(off.statusCode()).isEqualTo(200);
            assertThat(off.body())
                    .contains("id=\"payments-off\"")
                    .doesNotContain("Continue to payment")
                    .doesNotContain("name=\"fullName\"");
        } finally {
            jdbc.sql("update fundraiser set payments = 'ON' where id = ?")
                    .param(fundraiser)
                    .update();
        }
        jdbc.sql(
                        "update fundraiser set committee_account_id = 'acct_nv03', committee_connected_at = now() where id = ?")
                .param(fundraiser)
                .update();
        try {
            assertThat(get(form).body()).doesNotContain("gift-held").contains("Continue to payment");
        } finally {
            jdbc.sql("update fundraiser set committee_account_id = null, committee_connected_at = null where id = ?")
                    .param(fundraiser)
                    .update();
        }
    }

    @Test
    void theBestEffortsLinkRefusesABadTokenAndUnknownPagesAreNotFound() throws Exception {
        assertThat(post("/fundraisers/best-efforts/not-a-token", Map.of("employer", "X", "occupation", "Y"), NO_HEADERS)
                        .statusCode())
                .isEqualTo(400);
        assertThat(get("/fundraisers/999999").statusCode()).isEqualTo(404);
        assertThat(get("/c/NO-SUCH-1").statusCode()).isEqualTo(404);
    }

    private static Map<String, String> donation(boolean attested) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("amount", "10000");
        f.put("election", "PRIMARY");
        f.put("fullName", "Fay Gold");
        f.put("email", "fay.nv03@example.org");
        f.put("addressLine1", "3 Lake Drive");
        f.put("city", "Reno");
        f.put("state", "NV");
        f.put("zip", "89501");
        f.put("employer", "GM");
        f.put("occupation", "Engineer");
        f.put("ownFunds", attested ? "on" : "off");
        if (attested) {
            f.put("citizen", "on");
            f.put("notContractor", "on");
            f.put("personalCard", "on");
        }
        return f;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> fields, Map<String, String> headers)
            throws Exception {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", base())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> webhook(String payload, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/webhooks/stripe"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
