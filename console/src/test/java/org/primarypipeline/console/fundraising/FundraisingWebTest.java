package org.primarypipeline.console.fundraising;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.primarypipeline.campaigns.Attribution;
import org.primarypipeline.campaigns.CandidatePageData;
import org.primarypipeline.campaigns.Refcodes;
import org.primarypipeline.console.campaigns.CandidatePageController;
import org.primarypipeline.console.campaigns.CandidatePages;
import org.primarypipeline.fundraising.FinanceReports;
import org.primarypipeline.platform.links.PublicLinks;
import org.primarypipeline.testing.ActivitiesContext;
import org.primarypipeline.testing.Fundraising;
import org.primarypipeline.testing.StripeStub;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The public fundraiser page, the donation form and the Stripe webhook endpoint over HTTP, with the
 * real fundraising components on PostgreSQL and Stripe's API served by a local stub.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FundraisingWebTest {

    private static final Instant NOW = Instant.parse("2026-06-01T15:00:00Z");

    private ActivitiesContext context;
    private StripeStub stripe;
    private Fundraising fx;
    private MockMvc web;
    private long fundraiser;
    private String cycleId;

    @BeforeAll
    void start() {
        context = ActivitiesContext.start();
        stripe = new StripeStub().products("prod_MI13", false).checkoutSessions();
        fx = new Fundraising(context, stripe, Fundraising.clockAt(NOW.toString()));
        Object[] cycle = fx.certifiedCycle("MI-13", "Eve <b>Bold</b>", "eve@example.org", 0);
        cycleId = (String) cycle[0];
        fundraiser = fx.activities.launch(cycleId, (Long) cycle[1]);
        FinanceReports reports = new FinanceReports(context.jdbc(), fx.settings, fx.clock);
        web = MockMvcBuilders.standaloneSetup(
                        new FundraiserPagesController(
                                reports,
                                fx.checkout,
                                fx.ledger,
                                fx.settings,
                                new CandidatePageData(context.jdbc()),
                                new Attribution(context.jdbc())),
                        new CandidatePageController(new CandidatePages(
                                new CandidatePageData(context.jdbc()),
                                reports,
                                new PublicLinks("https://pp.example.org"),
                                fx.clock)),
                        new StripeWebhookController(
                                fx.webhooks,
                                new org.primarypipeline.console.web.RequestSizeLimit(
                                        org.springframework.util.unit.DataSize.ofKilobytes(64),
                                        org.springframework.util.unit.DataSize.ofKilobytes(256))))
                .build();
    }

    @AfterAll
    void stop() {
        stripe.close();
        context.close();
    }

    @Test
    void aDonorFillsInTheFormIsSentToCheckoutAndTheWebhookRaisesThePageTotal() throws Exception {
        // the old fundraiser address is now the candidate page's, moved for good; a share code goes along
        web.perform(get("/fundraisers/" + fundraiser).param("r", "AB3DEFGH"))
                .andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", "/c/" + cycleId + "?r=AB3DEFGH"));
        long sharer = context.jdbc()
                .sql(
                        "insert into member (full_name, email) values ('Sam Sharer', 'sam.sharer.mi13@example.org') returning id")
                .query(Long.class)
                .single();
        String code = new Refcodes(context.jdbc()).codeFor(sharer);
        assertThat(new Refcodes(context.jdbc()).codeFor(sharer)).isEqualTo(code);
        assertThat(Refcodes.wellFormed(code)).isTrue();
        web.perform(get("/c/" + cycleId))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("$0</strong> raised of $50,000")))
                .andExpect(content().string(containsString("<meta property=\"og:title\"")))
                .andExpect(content().string(containsString("href=\"/events/new?cycle")))
                .andExpect(content().string(containsString("Eve &lt;b&gt;Bold&lt;/b&gt;")))
                .andExpect(content().string(not(containsString("<b>Bold"))))
                .andExpect(content().string(containsString("/fundraisers/" + fundraiser + "/donate")));

        // the attestations left unticked: refused, nothing stored, what was typed kept
        web.perform(donation().param("ownFunds", "off"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("own funds")))
                .andExpect(content().string(containsString("value=\"Fay Gold\"")));
        web.perform(donation()
                        .cookie(new Cookie("pp_rf", code), new Cookie("pp_rl", code))
                        .param("ownFunds", "on")
                        .param("citizen", "on")
                        .param("notContractor", "on")
                        .param("personalCard", "on"))
                .andExpect(status().isSeeOther())
                .andExpect(header().string(
                                "Location", startsWith("https://checkout.stripe.com/c/pay/cs_test_pp-intent-")));
        long intent = context.jdbc()
                .sql("select max(id) from contribution_intent")
                .query(Long.class)
                .single();

        String payload = StripeStub.event("evt_fay", "payment_intent.succeeded", NOW, """
                {"id": "pi_fay", "object": "payment_intent", "amount": 10000, "amount_received": 10000,
                 "latest_charge": "ch_fay", "metadata": {"pp_intent_id": "%d"}, "status": "succeeded"}""".formatted(intent));
        web.perform(webhook(payload, StripeStub.sign(payload, StripeStub.WEBHOOK_SECRET, NOW)))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"outcome\": \"applied\"}"));
        web.perform(webhook(payload, StripeStub.sign(payload, StripeStub.WEBHOOK_SECRET, NOW)))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"outcome\": \"duplicate\"}"));
        web.perform(webhook(payload, StripeStub.sign(payload, "whsec_forged", NOW)))
                .andExpect(status().isBadRequest());
        web.perform(webhook(payload, null)).andExpect(status().isBadRequest());

        web.perform(get("/c/" + cycleId))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("$100</strong> raised of $50,000 · 1 donor")));
        // the donation booked from the checkout is the sharer's: first and last touch kept
        assertThat(context.jdbc().sql("""
                                select a.first_refcode || ' ' || a.last_refcode || ' ' || a.cycle_id from attribution a
                                join donation d on d.id = a.subject_id where a.subject_kind = 'DONATION' and d.intent_id = ?
                                """).param(intent).query(String.class).single())
                .isEqualTo(code + " " + code + " " + cycleId);
        Attribution.BroughtIn brought = new Attribution(context.jdbc()).broughtIn(sharer);
        assertThat(brought.donations()).isEqualTo(1);
        assertThat(brought.donatedCents()).isEqualTo(10_000);
    }

    @Test
    void theBestEffortsLinkRecordsTheAnswerOnceAndRefusesABadToken() throws Exception {
        web.perform(post("/fundraisers/best-efforts/not-a-token")
                        .param("employer", "X")
                        .param("occupation", "Y"))
                .andExpect(status().isBadRequest());
        web.perform(get("/fundraisers/999999")).andExpect(status().isNotFound());
        web.perform(get("/c/NO-SUCH-1")).andExpect(status().isNotFound());
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder donation() {
        return post("/fundraisers/" + fundraiser + "/donate")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("amount", "10000")
                .param("election", "PRIMARY")
                .param("fullName", "Fay Gold")
                .param("email", "fay@example.org")
                .param("addressLine1", "3 Lake Drive")
                .param("city", "Detroit")
                .param("state", "MI")
                .param("zip", "48201")
                .param("employer", "GM")
                .param("occupation", "Engineer");
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder webhook(
            String payload, String signature) {
        var request =
                post("/webhooks/stripe").contentType(MediaType.APPLICATION_JSON).content(payload);
        return signature == null ? request : request.header("Stripe-Signature", signature);
    }
}
