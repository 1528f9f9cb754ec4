package org.primarypipeline.fundraising;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.primarypipeline.testing.ActivitiesContext;
import org.primarypipeline.testing.Fundraising;
import org.primarypipeline.testing.StripeStub;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Donor self-service against the Stripe stub and PostgreSQL: change the monthly amount, cancel, receipts again. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DonorGiftsTest {

    private static final Instant NOW = Instant.parse("2026-05-10T18:00:00Z");

    private StripeStub stripe;
    private Fundraising fx;
    private JdbcClient jdbc;
    private long fundraiser;

    @BeforeAll
    void start() {
        ActivitiesContext context = Fundraising.sharedContext();
        jdbc = context.jdbc();
        stripe =
                new StripeStub().products("prod_AZ07", false).checkoutSessions().subscriptions();
        fx = new Fundraising(context, stripe, Fundraising.clockAt(NOW.toString()));
        Object[] cycle = fx.certifiedCycle("AZ-07", "Cal Gifts AZ-07", "az-07-gifts@example.org", 0);
        fundraiser = fx.activities.launch((String) cycle[0], (Long) cycle[1]);
    }

    @AfterAll
    void stop() {
        stripe.close();
    }

    @Test
    void aMonthlyDonorLowersTheAmountThenCancelsAndTheNextInvoiceIsNotBooked() {
        long intent = monthly("Mona Monthly", "sub_mona_az07", 5_000);
        assertThat(one("select count(*) from gift_link where intent_id = " + intent))
                .as("the first receipt carries a link")
                .isEqualTo(1L);
        String token = DonorGifts.issueLink(jdbc, intent, NOW);

        DonorGifts.Opened opened = fx.gifts.open(token);
        assertThat(opened.state()).isEqualTo(DonorGifts.State.VALID);
        assertThat(opened.gift().amountCents()).isEqualTo(5_000L);
        assertThat(opened.gift().monthly()).isTrue();

        assertThatThrownBy(() -> fx.gifts.changeAmount(token, 50))
                .isInstanceOf(DonorGifts.Refused.class)
                .hasMessageContaining("at least $1.00");
        assertThat(fx.gifts.changeAmount(token, 2_000).amountCents()).isEqualTo(2_000L);
        String body = stripe.posts("/v1/subscriptions/sub_mona_az07").get(0).getBodyAsString();
        assertThat(body)
                .contains("proration_behavior=none")
                .contains("items[0][id]=si_sub_mona_az07")
                .contains("items[0][price_data][unit_amount]=2000")
                .contains("items[0][price_data][product]=prod_AZ07");

        assertThat(fx.gifts.cancel(token).cancelled()).isTrue();
        fx.gifts.cancel(token); // a second press changes nothing
        assertThat(stripe.deletes("/v1/subscriptions/sub_mona_az07")).hasSize(1);
        assertThatThrownBy(() -> fx.gifts.changeAmount(token, 1_000)).isInstanceOf(DonorGifts.Refused.class);
        assertThat(one("select string_agg(kind, ',' order by id) from gift_change where intent_id = " + intent))
                .isEqualTo("AMOUNT,CANCEL");

        // an invoice Stripe dates after the cancellation is never booked
        fx.deliver("evt_mona_in2", "invoice.paid", NOW.plus(Duration.ofDays(30)), invoice("in_mona2", "sub_mona_az07"));
        assertThat(one("select count(*) from donation where intent_id = " + intent))
                .isEqualTo(1L);
    }

    @Test
    void aDonorHasTheirReceiptsSentAgainAndABadOrExpiredLinkIsRefused() {
        long intent = monthly("Rhea Receipts", "sub_rhea_az07", 3_000);
        String token = DonorGifts.issueLink(jdbc, intent, NOW);
        assertThat(fx.gifts.resendReceipts(token)).isEqualTo(1);
        assertThat(one("select count(*) from outbox_message where template = 'donation-receipts' "
                        + "and recipient = 'rheareceipts@example.org'"))
                .isEqualTo(1L);

        assertThat(fx.gifts.open("no-such-token").state()).isEqualTo(DonorGifts.State.UNKNOWN);
        String old = DonorGifts.issueLink(
                jdbc, intent, NOW.minus(DonorGifts.LINK_TTL).minusSeconds(1));
        assertThat(fx.gifts.open(old).state()).isEqualTo(DonorGifts.State.EXPIRED);
        assertThatThrownBy(() -> fx.gifts.cancel(old))
                .isInstanceOf(DonorGifts.Refused.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aSubscriptionEndedInStripeIsMarkedCancelledOnceAndAnEchoKeepsTheDonorsOwn() {
        long intent = monthly("Dash Board", "sub_dash_az07", 2_500);
        fx.deliver("evt_dash_del", "customer.subscription.deleted", NOW.plusSeconds(60), """
                {"id": "sub_dash_az07", "object": "subscription", "status": "canceled"}""");
        fx.deliver("evt_dash_del_again", "customer.subscription.deleted", NOW.plusSeconds(90), """
                {"id": "sub_dash_az07", "object": "subscription", "status": "canceled"}""");
        assertThat(one("select cancelled_by from contribution_intent where id = " + intent))
                .isEqualTo("STRIPE");
        assertThat(one("select count(*) from gift_change where kind = 'CANCEL' and intent_id = " + intent))
                .isEqualTo(1L);
        fx.deliver("evt_dash_in2", "invoice.paid", NOW.plus(Duration.ofDays(30)), invoice("in_dash2", "sub_dash_az07"));
        assertThat(one("select count(*) from donation where intent_id = " + intent))
                .isEqualTo(1L);
    }

    private long monthly(String name, String subscription, long cents) {
        ContributionForm f = Fundraising.form(fundraiser, cents, name, "9 Elm St", "78701", "Acme", "Welder");
        ContributionForm monthly = new ContributionForm(
                f.fundraiserId(),
                cents,
                true,
                f.election(),
                f.fullName(),
                f.email(),
                f.addressLine1(),
                f.addressLine2(),
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
        long intent = ((DonationCheckout.ToPayment) fx.checkout.start(monthly)).intentId();
        fx.deliver("evt_" + subscription + "_cs", "checkout.session.completed", NOW, """
                {"id": "cs_%2$s", "object": "checkout.session", "mode": "subscription", "status": "complete",
                 "payment_status": "paid", "amount_total": %3$d, "metadata": {"pp_intent_id": "%1$d"},
                 "payment_intent": null, "subscription": "%2$s"}""".formatted(
                        intent, subscription, cents));
        fx.deliver(
                "evt_" + subscription + "_in1", "invoice.paid", NOW, invoice("in_" + subscription + "1", subscription));
        return intent;
    }

    private static String invoice(String id, String subscription) {
        return """
                {"id": "%s", "object": "invoice", "amount_paid": 2000, "status": "paid",
                 "parent": {"type": "subscription_details", "subscription_details": {"subscription": "%s"}}}""".formatted(id, subscription);
    }

    private Object one(String sql) {
        return jdbc.sql(sql).query().singleValue();
    }
}
