package org.primarypipeline.fundraising;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.primarypipeline.outreach.Outbox;
import org.primarypipeline.testing.ActivitiesContext;
import org.primarypipeline.testing.Fundraising;
import org.primarypipeline.testing.StripeStub;
import org.springframework.jdbc.core.simple.JdbcClient;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StripeWebhooksTest {

    private static final Instant NOW = Instant.parse("2026-04-10T18:00:00Z");

    private ActivitiesContext context;
    private StripeStub stripe;
    private Fundraising fx;
    private JdbcClient jdbc;
    private long fundraiser;

    @BeforeAll
    void start() {
        context = Fundraising.sharedContext();
        jdbc = context.jdbc();
        stripe =
                new StripeStub().products("prod_NY14", false).checkoutSessions().refunds("re_excess");
        fx = new Fundraising(context, stripe, Fundraising.clockAt(NOW.toString()));
        Object[] cycle = fx.certifiedCycle("NY-14", "Bea Challenger", "bea@example.org", 0);
        fundraiser = fx.activities.launch((String) cycle[0], (Long) cycle[1]);
    }

    @AfterAll
    void stop() {
        stripe.close();
    }

    @Test
    void aPaidCheckoutIsBookedOnceWithItsReceiptAndTheBestEffortsRequest() {
        long intent = intent("Gil Hart", "5 Oak Lane", "78702", 5_000, null, "Teacher");
        assertThat(stripe.posts("/v1/checkout/sessions")
                        .get(stripe.posts("/v1/checkout/sessions").size() - 1)
                        .getBodyAsString())
                .contains("line_items[0][price_data][unit_amount]=5000")
                .contains("line_items[0][price_data][product]=prod_NY14")
                .contains("payment_intent_data[metadata][pp_intent_id]=" + intent);

        String completed = checkoutCompleted(intent, "pi_gil", 5_000);
        assertThat(fx.deliver("evt_gil_1", "checkout.session.completed", NOW, completed))
                .isEqualTo(StripeWebhooks.Outcome.APPLIED);
        // Stripe delivers again (our answer was lost) and also sends the payment intent's own event
        assertThat(fx.deliver("evt_gil_1", "checkout.session.completed", NOW, completed))
                .isEqualTo(StripeWebhooks.Outcome.DUPLICATE);
        assertThat(fx.deliver(
                        "evt_gil_2", "payment_intent.succeeded", NOW, paymentIntent(intent, "pi_gil", "ch_gil", 5_000)))
                .isEqualTo(StripeWebhooks.Outcome.APPLIED);

        assertThat(count("select count(*) from donation where payment_intent_id = 'pi_gil'"))
                .isEqualTo(1L);
        assertThat(count("select charge_id from donation where payment_intent_id = 'pi_gil'"))
                .isEqualTo("ch_gil");
        assertThat(count("select sum(amount_cents) from ledger_entry where reference like 'donation:pi_gil%'"))
                .isEqualTo(5_000L);
        assertThat(
                        count(
                                "select count(*) from outbox_message where template = 'donation-receipt' and recipient = 'gilhart@example.org'"))
                .isEqualTo(1L);
        // no employer given: asked once, within 30 days of receipt
        assertThat(
                        count(
                                "select count(*) from outbox_message where template = 'best-efforts-request' and recipient = 'gilhart@example.org'"))
                .isEqualTo(1L);
        assertThat(count("""
                select extract(epoch from b.due_by - d.paid_at)::bigint from best_efforts_request b join donation d on d.id = b.donation_id
                where d.payment_intent_id = 'pi_gil'
                """)).isEqualTo(Duration.ofDays(30).toSeconds());
    }

    /**
     * The best-efforts answer link is good once and not after it expires, and only its hash is kept.
     * Failed on the old code: the token was stored as is, answered twice, and answered after a year.
     */
    @Test
    void theBestEffortsAnswerLinkIsSingleUseExpiresAndIsStoredOnlyAsItsHash() {
        long paid = intent("Lou Moss", "7 Birch Road", "78702", 4_000, null, "Pilot");
        fx.deliver("evt_lou", "checkout.session.completed", NOW, checkoutCompleted(paid, "pi_lou", 4_000));
        String token = answerToken("loumoss@example.org");
        assertThat(count("select count(*) from best_efforts_request b where strpos(row_to_json(b)::text, '" + token
                        + "') > 0"))
                .isEqualTo(0L);
        assertThat(count("select model -> '_secrets' from outbox_message where template = 'best-efforts-request' "
                                + "and recipient = 'loumoss@example.org'")
                        .toString())
                .contains("answerUrl");

        assertThat(fx.ledger.answerBestEfforts(token, "Skyways", "Pilot"))
                .isEqualTo(DonationLedger.BestEffortsAnswer.RECORDED);
        assertThat(fx.ledger.answerBestEfforts(token, "Someone Else", "Forger"))
                .isEqualTo(DonationLedger.BestEffortsAnswer.USED);
        assertThat(count("select employer from donor where email = 'loumoss@example.org'"))
                .isEqualTo("Skyways");

        long late = intent("Mo Late", "8 Birch Road", "78702", 4_000, null, "Cook");
        fx.deliver("evt_mo", "checkout.session.completed", NOW, checkoutCompleted(late, "pi_mo", 4_000));
        String expired = answerToken("molate@example.org");
        DonationLedger aYearOn = new DonationLedger(
                jdbc,
                context.bean(Outbox.class),
                fx.settings,
                Fundraising.clockAt(NOW.plus(Duration.ofDays(365)).toString()));
        assertThat(aYearOn.answerBestEfforts(expired, "Diner", "Cook"))
                .isEqualTo(DonationLedger.BestEffortsAnswer.EXPIRED);
        assertThat(count("select count(*) from donor where email = 'molate@example.org' and employer is null"))
                .isEqualTo(1L);
        assertThat(fx.ledger.answerBestEfforts("not-a-token", "Diner", "Cook"))
                .isEqualTo(DonationLedger.BestEffortsAnswer.UNKNOWN);
    }

    private String answerToken(String donorEmail) {
        String url = (String) count("select model ->> 'answerUrl' from outbox_message "
                + "where template = 'best-efforts-request' and recipient = '" + donorEmail + "'");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    void forgedReplayedAndUnsignedRequestsAreRefusedAndChangeNothing() {
        long intent = intent("Hana Ito", "9 Pine Road", "78703", 2_500, "Acme", "Nurse");
        String payload = StripeStub.event(
                "evt_forged", "checkout.session.completed", NOW, checkoutCompleted(intent, "pi_hana", 2_500));
        long before = (Long) count("select count(*) from stripe_event");

        assertThatThrownBy(() -> fx.webhooks.receive(payload, StripeStub.sign(payload, "whsec_someone_else", NOW)))
                .isInstanceOf(StripeWebhooks.RejectedException.class);
        String tampered = payload.replace("2500", "250000");
        assertThatThrownBy(
                        () -> fx.webhooks.receive(tampered, StripeStub.sign(payload, StripeStub.WEBHOOK_SECRET, NOW)))
                .isInstanceOf(StripeWebhooks.RejectedException.class);
        assertThatThrownBy(() -> fx.webhooks.receive(payload, null))
                .isInstanceOf(StripeWebhooks.RejectedException.class);
        // a genuine request captured and replayed ten minutes later
        assertThatThrownBy(() -> fx.webhooks.receive(
                        payload,
                        StripeStub.sign(payload, StripeStub.WEBHOOK_SECRET, NOW.minus(Duration.ofMinutes(10)))))
                .isInstanceOf(StripeWebhooks.RejectedException.class)
                .hasMessageContaining("tolerance");

        assertThat(count("select count(*) from stripe_event")).isEqualTo(before);
        assertThat(count("select count(*) from donation where payment_intent_id = 'pi_hana'"))
                .isEqualTo(0L);
    }

    @Test
    void partialRefundsArrivingBeforeAndAfterThePaymentLeaveTheLedgerRight() {
        long intent = intent("Ivy Lane", "1 Main Street", "78704", 10_000, "City", "Clerk");
        // Stripe does not promise order: the first refund's event overtakes the payment's
        assertThat(fx.deliver("evt_ivy_r1", "charge.refunded", NOW, charge("ch_ivy", "pi_ivy", 10_000, 2_500)))
                .isEqualTo(StripeWebhooks.Outcome.APPLIED);
        fx.deliver("evt_ivy_pi", "payment_intent.succeeded", NOW, paymentIntent(intent, "pi_ivy", "ch_ivy", 10_000));
        assertThat(count("select refunded_cents from donation where charge_id = 'ch_ivy'"))
                .isEqualTo(2_500L);

        fx.deliver("evt_ivy_r2", "charge.refunded", NOW, charge("ch_ivy", "pi_ivy", 10_000, 6_000));
        // a late copy of the first refund's state: the total never goes down
        fx.deliver("evt_ivy_r1_late", "charge.refunded", NOW, charge("ch_ivy", "pi_ivy", 10_000, 2_500));

        assertThat(count("select refunded_cents from donation where charge_id = 'ch_ivy'"))
                .isEqualTo(6_000L);
        assertThat(count("select sum(amount_cents) from ledger_entry where charge_id = 'ch_ivy' and kind = 'REFUND'"))
                .isEqualTo(-6_000L);
        assertThat(count("select sum(amount_cents) from ledger_entry where charge_id = 'ch_ivy'"))
                .isEqualTo(4_000L);
    }

    @Test
    void disputesWonAndLostInEitherOrder() {
        long won = intent("Jon Park", "2 Elm Street", "78705", 7_000, "Co", "Chef");
        long lost = intent("Kim Ray", "3 Elm Street", "78705", 3_000, "Co", "Baker");
        fx.deliver("evt_jon_pi", "payment_intent.succeeded", NOW, paymentIntent(won, "pi_jon", "ch_jon", 7_000));
        fx.deliver("evt_kim_pi", "payment_intent.succeeded", NOW, paymentIntent(lost, "pi_kim", "ch_kim", 3_000));

        // the closing event overtakes the opening one; the opening one must not reopen the dispute
        fx.deliver(
                "evt_jon_d2", "charge.dispute.closed", NOW.plusSeconds(60), dispute("dp_jon", "ch_jon", 7_000, "won"));
        fx.deliver("evt_jon_d1", "charge.dispute.created", NOW, dispute("dp_jon", "ch_jon", 7_000, "needs_response"));
        fx.deliver("evt_kim_d1", "charge.dispute.created", NOW, dispute("dp_kim", "ch_kim", 3_000, "needs_response"));
        fx.deliver(
                "evt_kim_d2", "charge.dispute.closed", NOW.plusSeconds(60), dispute("dp_kim", "ch_kim", 3_000, "lost"));

        assertThat(count("select status from dispute where id = 'dp_jon'")).isEqualTo("won");
        assertThat(count("select sum(amount_cents) from ledger_entry where charge_id = 'ch_jon'"))
                .isEqualTo(7_000L);
        assertThat(count("select count(*) from ledger_entry where charge_id = 'ch_jon'"))
                .isEqualTo(3L);
        assertThat(count("select sum(amount_cents) from ledger_entry where charge_id = 'ch_kim'"))
                .isEqualTo(0L);
        assertThat(count("select disputed_cents from donation where charge_id = 'ch_kim'"))
                .isEqualTo(3_000L);
        assertThat(count("select disputed_cents from donation where charge_id = 'ch_jon'"))
                .isEqualTo(0L);
    }

    @Test
    void giftsOverTheLimitPerPersonAndElectionAreFlaggedAndResolvedByStaff() {
        // the same person, spelt two ways: one identity, $3,000 + $1,000 in the primary
        long first = intent("Dr. Carla Díaz", "12 Elm Street", "78701-1234", 300_000, "UT", "Professor");
        long second = intent("carla diaz", "12 elm st", "78701", 100_000, "UT", "Professor");
        fx.deliver(
                "evt_carla_1",
                "payment_intent.succeeded",
                NOW,
                paymentIntent(first, "pi_carla1", "ch_carla1", 300_000));
        fx.deliver(
                "evt_carla_2",
                "payment_intent.succeeded",
                NOW,
                paymentIntent(second, "pi_carla2", "ch_carla2", 100_000));
        assertThat(count("select limit_status from donation where charge_id = 'ch_carla1'"))
                .isEqualTo("WITHIN");
        assertThat(count("select limit_status || ' ' || excess_cents from donation where charge_id = 'ch_carla2'"))
                .isEqualTo("OVER_LIMIT 50000");

        long carla2 = (Long) count("select id from donation where charge_id = 'ch_carla2'");
        assertThat(fx.excess.decide(carla2, ExcessDecisions.Decision.REDESIGNATE, "treasurer"))
                .contains("$500");
        long donor = (Long) count("select donor_id from donation where charge_id = 'ch_carla2'");
        assertThat(fx.ledger.aggregate(donor, "PRIMARY", 2026)).isEqualTo(350_000);
        assertThat(fx.ledger.aggregate(donor, "GENERAL", 2026)).isEqualTo(50_000);
        // known now, she is stopped at the form before paying more into a full election
        assertThat(fx.checkout.start(
                        Fundraising.form(fundraiser, 10_000, "Carla Diaz", "12 Elm St", "78701", "UT", "Professor")))
                .isInstanceOfSatisfying(
                        DonationCheckout.Refused.class,
                        r -> assertThat(r.problems())
                                .singleElement()
                                .asString()
                                .contains("limit of $3,500 for the primary")
                                .contains("at most $0 more"));
        assertThatThrownBy(() -> fx.excess.decide(carla2, ExcessDecisions.Decision.REFUND, "treasurer"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not over the limit");

        // two rows staff know to be one person (she moved): merged, their gifts count together
        long dan1 = intent("Dan Evans", "1 North Loop", "78751", 200_000, "ACC", "Driver");
        long dan2 = intent("Dan Evans", "700 Lamar Boulevard", "78703", 160_000, "ACC", "Driver");
        fx.deliver("evt_dan_1", "payment_intent.succeeded", NOW, paymentIntent(dan1, "pi_dan1", "ch_dan1", 200_000));
        fx.deliver("evt_dan_2", "payment_intent.succeeded", NOW, paymentIntent(dan2, "pi_dan2", "ch_dan2", 160_000));
        long danA = (Long) count("select donor_id from donation where charge_id = 'ch_dan1'");
        long danB = (Long) count("select donor_id from donation where charge_id = 'ch_dan2'");
        assertThat(danA).isNotEqualTo(danB);
        // a form filled in before staff merged the two; its payment arrives after
        long dan3 = intent("Dan Evans", "700 Lamar Blvd", "78703", 25_000, "ACC", "Driver");
        fx.donors.merge(danB, danA, "treasurer");
        assertThat(fx.ledger.recheckLimits(danA)).isEqualTo(1);
        assertThat(count("select limit_status || ' ' || excess_cents from donation where charge_id = 'ch_dan2'"))
                .isEqualTo("OVER_LIMIT 10000");
        fx.deliver("evt_dan_3", "payment_intent.succeeded", NOW, paymentIntent(dan3, "pi_dan3", "ch_dan3", 25_000));
        assertThat(count("select limit_status || ' ' || excess_cents from donation where charge_id = 'ch_dan3'"))
                .isEqualTo("OVER_LIMIT 25000");

        long dan3Donation = (Long) count("select id from donation where charge_id = 'ch_dan3'");
        fx.excess.decide(dan3Donation, ExcessDecisions.Decision.REFUND, "treasurer");
        assertThat(stripe.postsWithKey("/v1/refunds", "pp-refund-ch_dan3-excess-" + dan3Donation))
                .hasSize(1);
        assertThat(stripe.posts("/v1/refunds").get(0).getBodyAsString())
                .contains("amount=25000")
                .contains("charge=ch_dan3");
        assertThat(count("select limit_status from donation where id = " + dan3Donation))
                .isEqualTo("EXCESS_REFUNDED");
    }

    @Test
    void aMonthlyGiftBooksOneDonationPerPaidInvoice() {
        ContributionForm monthly = new ContributionForm(
                fundraiser,
                2_500,
                true,
                "PRIMARY",
                "Lia Monte",
                "lia@example.org",
                "77 Ash Court",
                null,
                "Austin",
                "TX",
                "78706",
                "Acme",
                "Welder",
                true,
                true,
                true,
                true,
                "127.0.0.1",
                "test");
        long intent = ((DonationCheckout.ToPayment) fx.checkout.start(monthly)).intentId();
        assertThat(stripe.posts("/v1/checkout/sessions")
                        .get(stripe.posts("/v1/checkout/sessions").size() - 1)
                        .getBodyAsString())
                .contains("mode=subscription")
                .contains("line_items[0][price_data][recurring][interval]=month")
                .contains("subscription_data[metadata][pp_intent_id]=" + intent);

        fx.deliver("evt_lia_cs", "checkout.session.completed", NOW, """
                {"id": "cs_lia", "object": "checkout.session", "mode": "subscription", "status": "complete",
                 "payment_status": "paid", "amount_total": 2500, "metadata": {"pp_intent_id": "%d"},
                 "payment_intent": null, "subscription": "sub_lia"}""".formatted(intent));
        // this API version's invoices name the subscription under parent; the second invoice relies on the stored
        // subscription id
        fx.deliver("evt_lia_in1", "invoice.paid", NOW, """
                {"id": "in_lia1", "object": "invoice", "amount_paid": 2500, "status": "paid",
                 "parent": {"type": "subscription_details", "subscription_details": {"subscription": "sub_lia",
                            "metadata": {"pp_intent_id": "%d"}}}}""".formatted(intent));
        fx.deliver("evt_lia_in2", "invoice.paid", NOW.plus(Duration.ofDays(30)), """
                {"id": "in_lia2", "object": "invoice", "amount_paid": 2500, "status": "paid",
                 "parent": {"type": "subscription_details", "subscription_details": {"subscription": "sub_lia"}}}""");
        fx.deliver("evt_lia_in2_again", "invoice.payment_succeeded", NOW.plus(Duration.ofDays(30)), """
                {"id": "in_lia2", "object": "invoice", "amount_paid": 2500, "status": "paid",
                 "parent": {"type": "subscription_details", "subscription_details": {"subscription": "sub_lia"}}}""");

        assertThat(count("select count(*) from donation where intent_id = " + intent))
                .isEqualTo(2L);
        assertThat(count(
                        "select sum(e.amount_cents) from ledger_entry e join donation d on d.id = e.donation_id where d.intent_id = "
                                + intent))
                .isEqualTo(5_000L);
        assertThat(
                        count(
                                "select count(*) from outbox_message where template = 'donation-receipt' and recipient = 'lia@example.org'"))
                .isEqualTo(2L);
    }

    private long intent(String name, String line1, String zip, long cents, String employer, String occupation) {
        DonationCheckout.Outcome outcome =
                fx.checkout.start(Fundraising.form(fundraiser, cents, name, line1, zip, employer, occupation));
        assertThat(outcome).isInstanceOf(DonationCheckout.ToPayment.class);
        assertThat(((DonationCheckout.ToPayment) outcome).checkoutUrl()).startsWith("https://checkout.stripe.com/");
        return ((DonationCheckout.ToPayment) outcome).intentId();
    }

    /** The first column of the first row; whole numbers as long. */
    private Object count(String sql) {
        Object v = jdbc.sql(sql).query((rs, n) -> rs.getObject(1)).list().get(0);
        return v instanceof Number number ? (Object) number.longValue() : v;
    }

    static String checkoutCompleted(long intent, String paymentIntent, long cents) {
        return """
                {"id": "cs_test_%2$s", "object": "checkout.session", "mode": "payment", "status": "complete",
                 "payment_status": "paid", "amount_total": %3$d, "currency": "usd", "client_reference_id": "%1$d",
                 "metadata": {"pp_intent_id": "%1$d"}, "payment_intent": "%2$s", "subscription": null}
                """.formatted(intent, paymentIntent, cents);
    }

    static String paymentIntent(long intent, String id, String charge, long cents) {
        return """
                {"id": "%2$s", "object": "payment_intent", "amount": %4$d, "amount_received": %4$d, "currency": "usd",
                 "latest_charge": "%3$s", "metadata": {"pp_intent_id": "%1$d"}, "status": "succeeded"}
                """.formatted(intent, id, charge, cents);
    }

    static String charge(String id, String paymentIntent, long cents, long refunded) {
        return """
                {"id": "%s", "object": "charge", "amount": %d, "amount_refunded": %d, "currency": "usd",
                 "payment_intent": "%s", "refunded": %s, "status": "succeeded", "metadata": {}}
                """.formatted(id, cents, refunded, paymentIntent, refunded == cents);
    }

    static String dispute(String id, String charge, long cents, String status) {
        return """
                {"id": "%s", "object": "dispute", "amount": %d, "charge": "%s", "currency": "usd",
                 "reason": "fraudulent", "status": "%s", "metadata": {}}
                """.formatted(id, cents, charge, status);
    }
}
