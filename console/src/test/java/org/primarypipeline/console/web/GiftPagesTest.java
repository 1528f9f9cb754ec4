package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.cycle.CycleStatus;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.fundraising.ContributionForm;
import org.primarypipeline.fundraising.DonationCheckout;
import org.primarypipeline.fundraising.DonationLedger;
import org.primarypipeline.fundraising.DonorGifts;
import org.primarypipeline.fundraising.Donors;
import org.primarypipeline.fundraising.FundraiserActivitiesImpl;
import org.primarypipeline.fundraising.FundraisingSettings;
import org.primarypipeline.fundraising.StripeGateway;
import org.primarypipeline.fundraising.StripeWebhooks;
import org.primarypipeline.outreach.Outbox;
import org.primarypipeline.testing.Fundraising;
import org.primarypipeline.testing.StripeStub;
import org.primarypipeline.vetting.CandidacyRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * "Manage my gift" over HTTP against the whole app (security chain, PostgreSQL): a monthly donor opens the
 * link from their receipt, a wrong amount is said beside the field, receipts are sent again, an unknown
 * link is gone; the Stripe calls themselves run against the local stub (the app here has payments off,
 * which the page says beside the field), and after the cancellation finance sees it and a later invoice
 * is not booked.
 */
class GiftPagesTest extends ConsoleTestSupport {

    private static final Instant NOW = Instant.parse("2026-05-10T12:00:00Z");
    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");

    private static StripeStub stripe;

    @Autowired
    CycleRepository cycles;

    @Autowired
    CandidacyRepository candidacies;

    @Autowired
    Outbox outbox;

    @Autowired
    Donors donors;

    @Autowired
    PlatformTransactionManager transactions;

    @AfterAll
    static void stopStripe() {
        if (stripe != null) {
            stripe.close();
        }
    }

    @Test
    void aMonthlyDonorManagesTheGiftByTheLinkAndFinanceSeesTheCancellation() throws Exception {
        stripe =
                new StripeStub().products("prod_AZ08", false).checkoutSessions().subscriptions();
        Clock clock = Fundraising.clockAt(NOW.toString());
        FundraisingSettings settings = FundraisingSettings.unconfigured()
                .withStripe(StripeStub.SECRET_KEY, StripeStub.WEBHOOK_SECRET, stripe.apiBase());
        StripeGateway gateway = new StripeGateway(settings);
        DonationLedger ledger = new DonationLedger(jdbc, outbox, settings, clock);
        DonationCheckout checkout = new DonationCheckout(jdbc, donors, gateway, ledger, transactions);
        StripeWebhooks webhooks = new StripeWebhooks(jdbc, ledger, settings, transactions, clock);
        DonorGifts stubbed = new DonorGifts(jdbc, gateway, outbox, settings, clock);
        String cycle = cycles.create("cd2026", "AZ-08", CycleSettings.defaults(), "alice", NOW)
                .id();
        long candidacy = candidacies.nominate(cycle, "Gwen Giftwise", "gwen.giftwise@example.org", null);
        cycles.enterStage(cycle, CycleStage.FUNDRAISER_LAUNCH, null, 0, "fundraiser launch", "gift-test-stage");
        long fundraiser = new FundraiserActivitiesImpl(jdbc, cycles, outbox, gateway, transactions, clock)
                .launch(cycle, candidacy);
        cycles.finish(cycle, CycleStatus.COMPLETED, null);

        ContributionForm f = Fundraising.form(fundraiser, 5_000, "Mo Nthly", "8 Gift Way", "78701", "Acme", "Baker");
        ContributionForm monthly = new ContributionForm(
                fundraiser,
                5_000,
                true,
                "PRIMARY",
                f.fullName(),
                f.email(),
                f.addressLine1(),
                null,
                f.city(),
                f.state(),
                f.zip(),
                f.employer(),
                f.occupation(),
                true,
                true,
                true,
                true,
                "127.0.0.1",
                "test");
        long intent = ((DonationCheckout.ToPayment) checkout.start(monthly)).intentId();
        deliver(webhooks, "evt_gift_cs", "checkout.session.completed", NOW, """
                {"id": "cs_gift_az08", "object": "checkout.session", "mode": "subscription", "status": "complete",
                 "payment_status": "paid", "amount_total": 5000, "metadata": {"pp_intent_id": "%d"},
                 "payment_intent": null, "subscription": "sub_gift_az08"}""".formatted(intent));
        deliver(webhooks, "evt_gift_in1", "invoice.paid", NOW, invoice("in_gift_az08_1"));
        assertThat(count("select count(*) from gift_link where intent_id = " + intent))
                .as("the receipt carries a link")
                .isEqualTo(1L);
        String token = DonorGifts.issueLink(jdbc, intent, Instant.now());
        String page = "/fundraisers/gift/" + token;
        ConsoleHttp donor = new ConsoleHttp(base());

        HttpResponse<String> opened = donor.get(page);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'none'")
                .doesNotContain("script-src");
        assertThat(opened.body())
                .contains("$50")
                .contains("action=\"/fundraisers/gift/" + token + "/amount\"")
                .contains("id=\"cancel-gift\"")
                .doesNotContain("<script");

        ConsoleHttp spanish = new ConsoleHttp(base());
        HttpResponse<String> es = spanish.get(page, Map.of("Accept-Language", "es-MX,es;q=0.9"));
        assertThat(es.body()).contains("Cancelar mi donación mensual").contains("Nueva cantidad mensual");
        HttpResponse<String> esTooLow = spanish.send(
                "POST",
                page + "/amount",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept-Language", "es"),
                "amount=0");
        assertThat(esTooLow.body()).contains("id=\"amount-error\">Escriba una cantidad de al menos $1.00");

        HttpResponse<String> tooLow = donor.send("POST", page + "/amount", FORM, "amount=0.50");
        assertThat(tooLow.statusCode()).isEqualTo(400);
        assertThat(tooLow.body())
                .contains("<p class=\"field-error\" id=\"amount-error\">Type an amount of at least $1.00");
        HttpResponse<String> notAnAmount = donor.send("POST", page + "/amount", FORM, "amount=lots");
        assertThat(notAnAmount.statusCode()).isEqualTo(400);
        assertThat(notAnAmount.body()).contains("id=\"amount-error\"").contains("value=\"lots\"");
        // this app's Stripe is off: said beside the field, nothing changed
        HttpResponse<String> off = donor.send("POST", page + "/amount", FORM, "amount=20");
        assertThat(off.statusCode()).as(off.body()).isEqualTo(503);
        assertThat(off.body()).contains("id=\"amount-error\">We could not reach our payment service");

        HttpResponse<String> receipts = donor.send("POST", page + "/receipts", FORM, "");
        assertThat(receipts.statusCode()).isEqualTo(303);
        assertThat(donor.get(page + "?done=receipts").body()).contains("id=\"gift-done\"");
        assertThat(count("select count(*) from outbox_message where template = 'donation-receipts' "
                        + "and recipient = 'monthly@example.org'"))
                .isEqualTo(1L);

        // the same commands against the Stripe stub: lower, then cancel
        stubbed.changeAmount(token, 2_000);
        stubbed.cancel(token);
        HttpResponse<String> after = donor.get(page);
        assertThat(after.body())
                .contains("$20")
                .contains("id=\"gift-cancelled\"")
                .doesNotContain("id=\"cancel-gift\"");
        deliver(
                webhooks,
                "evt_gift_in2",
                "invoice.paid",
                Instant.now().plus(Duration.ofDays(30)),
                invoice("in_gift_az08_2"));
        assertThat(count("select count(*) from donation where intent_id = " + intent))
                .isEqualTo(1L);

        ConsoleHttp fiona = new ConsoleHttp(base());
        fiona.signIn("fiona", password("fiona"));
        String report = fiona.get("/finance/fundraisers/" + fundraiser).body();
        assertThat(report.substring(report.indexOf("id=\"gift-changes\"")))
                .contains("Mo Nthly")
                .contains("monthly gift cancelled")
                .contains("monthly amount changed");

        assertThat(donor.get("/fundraisers/gift/no-such-token").statusCode()).isEqualTo(410);
    }

    private static String invoice(String id) {
        return """
                {"id": "%s", "object": "invoice", "amount_paid": 5000, "status": "paid",
                 "parent": {"type": "subscription_details", "subscription_details": {"subscription": "sub_gift_az08"}}}""".formatted(id);
    }

    private static void deliver(StripeWebhooks webhooks, String eventId, String type, Instant created, String object) {
        String payload = StripeStub.event(eventId, type, created, object);
        webhooks.receive(payload, StripeStub.sign(payload, StripeStub.WEBHOOK_SECRET, created));
    }

    private Object count(String sql) {
        return jdbc.sql(sql).query().singleValue();
    }
}
