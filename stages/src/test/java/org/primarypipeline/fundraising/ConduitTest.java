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

/**
 * The conduit against the local Stripe stub: committee details, Connect onboarding, gifts held until
 * the committee connects and then forwarded once each (a retry after a lost answer reuses the key),
 * a refund reversing its transfer once, and the 10-day deadline's warning sent once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConduitTest {

    private static final Instant NOW = Instant.parse("2026-05-04T15:00:00Z");

    private ActivitiesContext context;
    private StripeStub stripe;
    private Fundraising fx;
    private JdbcClient jdbc;

    @BeforeAll
    void start() {
        context = Fundraising.sharedContext();
        jdbc = context.jdbc();
        stripe = new StripeStub()
                .products("prod_AZ01", false)
                .checkoutSessions()
                .connect("acct_az01")
                .transfers(true);
        fx = new Fundraising(context, stripe, Fundraising.clockAt(NOW.toString()));
    }

    @AfterAll
    void stop() {
        stripe.close();
    }

    @Test
    void heldGiftsAreForwardedOnceOnConnectionAndARefundReversesItsTransferOnce() {
        long fundraiser = launch("AZ-01");
        assertThatThrownBy(() -> fx.committees.record(
                        fundraiser, new Committees.Details("Ana for Arizona", "C1234", "Ben Cole", "1 Main St"), "fin"))
                .isInstanceOfSatisfying(
                        Committees.InvalidDetail.class,
                        e -> assertThat(e.field()).isEqualTo("fecId"));
        assertThatThrownBy(() -> fx.conduit.onboardingLink(fundraiser)).isInstanceOf(IllegalStateException.class);
        fx.committees.record(
                fundraiser,
                new Committees.Details("Ana for Arizona", "c00123456", "Ben Cole", "1 Main St, Phoenix AZ 85001"),
                "fin");
        assertThat(fx.committees.find(fundraiser).orElseThrow().fecId()).isEqualTo("C00123456");

        long gift1 = pay(fundraiser, "Ola Reyes", "10 Cactus Road", "pi_az1_a", "ch_az1_a", 5_000);
        long gift2 = pay(fundraiser, "Pia Lund", "11 Cactus Road", "pi_az1_b", "ch_az1_b", 2_500);
        assertThat(fx.conduit.sweep(fundraiser).forwarded()).isZero();
        assertThat(one(
                        "select extract(epoch from due_by - received_at)::bigint from earmark_forward where donation_id = "
                                + gift1))
                .isEqualTo(Duration.ofDays(10).toSeconds());

        // onboarding: one account whatever the number of links asked for
        assertThat(fx.conduit.onboardingLink(fundraiser)).startsWith("https://connect.stripe.com/setup/");
        fx.conduit.onboardingLink(fundraiser);
        assertThat(stripe.postsWithKey("/v1/accounts", "pp-fundraiser-" + fundraiser + "-account"))
                .hasSize(1);
        assertThat(stripe.posts("/v1/account_links")).hasSize(2);
        assertThat(fx.conduit.refresh(fundraiser).connected()).isFalse();
        assertThat(fx.conduit.sweep(fundraiser).forwarded()).isZero();

        // Stripe says onboarding is done
        assertThat(fx.deliver(
                        "evt_acct_az01", "account.updated", NOW, StripeStub.account("acct_az01", true, false, true)))
                .isEqualTo(StripeWebhooks.Outcome.APPLIED);
        Committees.Committee c = fx.committees.find(fundraiser).orElseThrow();
        assertThat(c.connected()).isTrue();
        assertThat(c.detailsSubmitted()).isTrue();
        assertThat(c.payoutsEnabled()).isTrue();

        // the first transfer's answer is lost: the sweep fails; its retry forwards under the same key
        assertThatThrownBy(() -> fx.conduit.sweep(fundraiser))
                .isInstanceOf(StripeGateway.StripeUnavailableException.class);
        assertThat(fx.conduit.sweep(fundraiser).forwarded()).isEqualTo(2);
        assertThat(fx.conduit.sweep(fundraiser).forwarded()).isZero();
        assertThat(stripe.postsWithKey("/v1/transfers", "pp-donation-" + gift1 + "-transfer"))
                .hasSize(2);
        assertThat(stripe.postsWithKey("/v1/transfers", "pp-donation-" + gift2 + "-transfer"))
                .hasSize(1);
        assertThat(stripe.posts("/v1/transfers")).hasSize(3);
        assertThat(stripe.postsWithKey("/v1/transfers", "pp-donation-" + gift1 + "-transfer")
                        .get(1)
                        .getBodyAsString())
                .contains("destination=acct_az01")
                .contains("amount=5000")
                .contains("source_transaction=ch_az1_a")
                .contains("metadata[pp_donation_id]=" + gift1);
        assertThat(one("select transfer_id from earmark_forward where donation_id = " + gift1))
                .isEqualTo("tr_pp-donation-" + gift1 + "-transfer");

        // a partial refund of gift 1 reverses that much of its transfer, once
        fx.deliver(
                "evt_az1_refund",
                "charge.refunded",
                NOW,
                StripeWebhooksTest.charge("ch_az1_a", "pi_az1_a", 5_000, 2_000));
        assertThat(fx.conduit.sweep(fundraiser).reversed()).isEqualTo(1);
        assertThat(fx.conduit.sweep(fundraiser).reversed()).isZero();
        String transfer = "tr_pp-donation-" + gift1 + "-transfer";
        assertThat(stripe.posts("/v1/transfers/" + transfer + "/reversals")).hasSize(1);
        assertThat(stripe.posts("/v1/transfers/" + transfer + "/reversals")
                        .get(0)
                        .getBodyAsString())
                .contains("amount=2000");
        assertThat(stripe.posts("/v1/transfers/" + transfer + "/reversals")
                        .get(0)
                        .getHeader("Idempotency-Key"))
                .isEqualTo("pp-transfer-" + transfer + "-reversed-2000");
        assertThat(one("select reversed_cents from earmark_forward where donation_id = " + gift1))
                .isEqualTo(2_000L);
        // then a dispute of gift 2 takes back the rest of its transfer
        fx.deliver(
                "evt_az1_dispute",
                "charge.dispute.created",
                NOW,
                StripeWebhooksTest.dispute("dp_az1_b", "ch_az1_b", 2_500, "needs_response"));
        assertThat(fx.conduit.sweep(fundraiser).reversed()).isEqualTo(1);
        assertThat(one("select reversed_cents from earmark_forward where donation_id = " + gift2))
                .isEqualTo(2_500L);
    }

    @Test
    void theDeadlineWarningGoesToFinanceOnceThreeDaysBefore() {
        long fundraiser = launch("AZ-02");
        long gift = pay(fundraiser, "Quin Vale", "12 Mesa Drive", "pi_az2_a", "ch_az2_a", 4_000);
        assertThat(fx.conduit.held(fundraiser))
                .extracting(Conduit.Held::donationId)
                .containsExactly(gift);
        assertThat(fx.conduit.held(fundraiser).get(0).daysLeft(NOW)).isEqualTo(10);
        assertThat(at(NOW.plus(Duration.ofDays(6))).sweep(fundraiser).escalated())
                .isZero();
        Conduit.Sweep sweep = at(NOW.plus(Duration.ofDays(7))).sweep(fundraiser);
        assertThat(sweep.escalated()).isEqualTo(1);
        assertThat(sweep.nextDeadlineWarning()).isEmpty();
        assertThat(at(NOW.plus(Duration.ofDays(8))).sweep(fundraiser).escalated())
                .isZero();
        assertThat(one("select count(*) from outbox_message where template = 'conduit-deadline' "
                        + "and dedup_key like 'fundraiser:" + fundraiser + ":%'"))
                .isEqualTo(1L);
    }

    /**
     * The acceptance's "a retried activity forwards once": the conduit workflow's activity itself
     * ({@link ConduitActivitiesImpl#tick}), whose first transfer's answer is lost, fails; Temporal's retry
     * of it forwards the gift under the same idempotency key, and a later tick sends nothing.
     */
    @Test
    void aRetriedConduitActivityForwardsEachGiftOnce() {
        try (StripeStub flaky = new StripeStub()
                .products("prod_NV02", false)
                .checkoutSessions()
                .connect("acct_nv02")
                .transfers(true)) {
            Fundraising f = new Fundraising(context, flaky, Fundraising.clockAt(NOW.toString()));
            Object[] cycle = f.certifiedCycle("NV-02", "Ana Candidate NV-02", "nv-02@example.org", 0);
            long fundraiser = f.activities.launch((String) cycle[0], (Long) cycle[1]);
            f.committees.record(
                    fundraiser,
                    new Committees.Details("Ana for Nevada", "C00123402", "Ben Cole", "1 Main St, Reno NV 89501"),
                    "fin");
            f.conduit.onboardingLink(fundraiser);
            f.deliver("evt_acct_nv02", "account.updated", NOW, StripeStub.account("acct_nv02", true, false, true));
            long gift = pay(f, fundraiser, "Vi Nolan", "15 Sierra Street", "pi_nv2_a", "ch_nv2_a", 6_000);
            ConduitActivities activity = new ConduitActivitiesImpl(
                    f.conduit,
                    f.committees,
                    jdbc,
                    new org.springframework.beans.factory.support.StaticListableBeanFactory(
                                    java.util.Map.of("clock", f.clock))
                            .getBeanProvider(java.time.Clock.class));

            assertThatThrownBy(() -> activity.tick(fundraiser))
                    .isInstanceOf(StripeGateway.StripeUnavailableException.class);
            // Temporal retries the failed activity; then the clock's next tick
            assertThat(activity.tick(fundraiser).forwarded()).isEqualTo(1);
            assertThat(activity.tick(fundraiser).forwarded()).isZero();
            assertThat(flaky.posts("/v1/transfers"))
                    .as("the lost attempt and its retry, under one key")
                    .hasSize(2)
                    .allSatisfy(r ->
                            assertThat(r.getHeader("Idempotency-Key")).isEqualTo("pp-donation-" + gift + "-transfer"));
            assertThat(one("select count(*) from earmark_forward where transfer_id is not null and donation_id = "
                            + gift))
                    .isEqualTo(1L);
        }
    }

    /** Issue 24, item 5: the finance report totals a period's gifts by the refcode they arrived with. */
    @Test
    void theFinanceReportTotalsByRefcode() {
        Object[] cycle = fx.certifiedCycle("AZ-03", "Ana Candidate AZ-03", "az-03@example.org", 1);
        long fundraiser = fx.activities.launch((String) cycle[0], (Long) cycle[1]);
        long member = (Long) one("select id from member where email = 'm1.az-03@example.org'");
        jdbc.sql("insert into refcode (code, member_id) values ('az03-sam', ?)")
                .param(member)
                .update();
        long shared = pay(fundraiser, "Rae Soto", "13 Mesa Drive", "pi_az3_a", "ch_az3_a", 3_000);
        pay(fundraiser, "Sol Tan", "14 Mesa Drive", "pi_az3_b", "ch_az3_b", 1_000);
        jdbc.sql("insert into attribution (subject_kind, subject_id, first_refcode, last_refcode) "
                        + "values ('DONATION', ?, 'az03-sam', 'az03-sam')")
                .param(shared)
                .update();
        var day = NOW.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        var reports = new FinanceReports(jdbc, fx.settings, fx.clock);
        assertThat(reports.byRefcode(fundraiser, day, day))
                .containsExactly(
                        new FinanceReports.RefcodeTotal("az03-sam", 1, 3_000, 3_000),
                        new FinanceReports.RefcodeTotal("(none)", 1, 1_000, 1_000));
    }

    private Conduit at(Instant instant) {
        var clock = Fundraising.clockAt(instant.toString());
        return new Conduit(
                jdbc, new Committees(jdbc, clock), fx.stripe, context.bean(Outbox.class), clock, "finance@example.org");
    }

    private long launch(String district) {
        Object[] cycle = fx.certifiedCycle(district, "Ana Candidate " + district, district + "@example.org", 0);
        return fx.activities.launch((String) cycle[0], (Long) cycle[1]);
    }

    private long pay(long fundraiser, String name, String line1, String pi, String charge, long cents) {
        return pay(fx, fundraiser, name, line1, pi, charge, cents);
    }

    private long pay(Fundraising fx, long fundraiser, String name, String line1, String pi, String charge, long cents) {
        DonationCheckout.Outcome outcome =
                fx.checkout.start(Fundraising.form(fundraiser, cents, name, line1, "85001", "Acme", "Welder"));
        long intent = ((DonationCheckout.ToPayment) outcome).intentId();
        fx.deliver(
                "evt_" + pi,
                "payment_intent.succeeded",
                NOW,
                StripeWebhooksTest.paymentIntent(intent, pi, charge, cents));
        return (Long) one("select id from donation where payment_intent_id = '" + pi + "'");
    }

    private Object one(String sql) {
        Object v = jdbc.sql(sql).query((rs, n) -> rs.getObject(1)).list().get(0);
        return v instanceof Number number ? (Object) number.longValue() : v;
    }
}
