package org.primarypipeline.batch.reconcile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.primarypipeline.fundraising.DonationCheckout;
import org.primarypipeline.platform.StageBeans;
import org.primarypipeline.testing.ActivitiesContext;
import org.primarypipeline.testing.Fundraising;
import org.primarypipeline.testing.StripeStub;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * The reconcile job over a real PostgreSQL and the real ledger (donations booked through signed
 * webhooks), against a local server answering Stripe's list endpoints as Stripe's API reference
 * shapes them: two pages of balance transactions, two payouts and each payout's transactions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReconcileJobTest {

    private static final Instant PAID = Instant.parse("2026-05-04T16:00:00Z");

    private StripeStub stripe;
    private ActivitiesContext ledgerSide;
    private AnnotationConfigApplicationContext batch;
    private JdbcClient jdbc;

    @BeforeAll
    void start() {
        stripe = new StripeStub().products("prod_OH03", false).checkoutSessions();
        // the ledger is written by the webhook path, as in production
        ledgerSide = ActivitiesContext.start();
        Fundraising fx = new Fundraising(ledgerSide, stripe, Fundraising.clockAt(PAID.toString()));
        Object[] cycle = fx.certifiedCycle("OH-03", "Cleo Ward", "cleo@example.org", 0);
        long fundraiser = fx.activities.launch((String) cycle[0], (Long) cycle[1]);
        donate(fx, fundraiser, "a", 5_000);
        donate(fx, fundraiser, "b", 2_000);
        donate(fx, fundraiser, "c", 10_000);
        donate(fx, fundraiser, "d", 4_000);
        donate(fx, fundraiser, "e", 3_000);
        donate(fx, fundraiser, "f", 1_000);
        fx.deliver("evt_c_refund", "charge.refunded", PAID, """
                {"id": "ch_c", "object": "charge", "amount": 10000, "amount_refunded": 3000, "payment_intent": "pi_c"}""");
        fx.deliver("evt_e_dispute", "charge.dispute.closed", PAID, """
                {"id": "dp_e", "object": "dispute", "amount": 3000, "charge": "ch_e", "status": "lost", "reason": "fraudulent"}""");

        // the conduit: the committee is connected; gift a is past its deadline and never went, gift d's
        // transfer is in our records but not in Stripe, b went late, f's transfer is short, c's was reversed by its
        // refund
        var j = ledgerSide.jdbc();
        j.sql("update fundraiser set committee_account_id = 'acct_oh03' where id = ?")
                .param(fundraiser)
                .update();
        j.sql(
                        "update earmark_forward set due_by = ? where donation_id in (select id from donation where charge_id in ('ch_a', 'ch_d'))")
                .param(java.sql.Timestamp.from(PAID.minus(Duration.ofDays(1))))
                .update();
        j.sql("update earmark_forward set transfer_id = 'tr_d', transfer_cents = 4000 where donation_id = "
                        + "(select id from donation where charge_id = 'ch_d')")
                .update();
        j.sql(
                        "update earmark_forward set due_by = ? where donation_id = (select id from donation where charge_id = 'ch_b')")
                .param(java.sql.Timestamp.from(Instant.ofEpochSecond(1777910400L - 3600)))
                .update();
        stubTransfers(stripe.server(), j);
        stubBalance(stripe.server());
        batch = batchContext(
                ledgerSide.dataSource(), stripe.apiBase(), Clock.fixed(PAID.plus(Duration.ofHours(3)), ZoneOffset.UTC));
        jdbc = ledgerSide.jdbc();
    }

    @AfterAll
    void stop() {
        batch.close();
        ledgerSide.close();
        stripe.close();
    }

    @Test
    void aRunInterruptedByStripeRestartsWhereItStoppedAndClassifiesEveryDollar() throws Exception {
        JobLauncher launcher = batch.getBean(JobLauncher.class);
        Job job = batch.getBean("reconcileJob", Job.class);
        JobParameters params = new JobParametersBuilder()
                .addString(ReconcileJobConfiguration.RUN, "test-1")
                .toJobParameters();

        JobExecution first = launcher.run(job, params);
        assertThat(first.getStatus()).isEqualTo(BatchStatus.FAILED);
        // the first chunk (txn_a, txn_b) was stored before Stripe failed
        assertThat(jdbc.sql("select count(*) from stripe_balance_transaction")
                        .query(Long.class)
                        .single())
                .isEqualTo(2L);

        JobExecution second = launcher.run(job, params);
        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(second.getJobInstance().getInstanceId())
                .isEqualTo(first.getJobInstance().getInstanceId());
        WireMockServer server = stripe.server();
        // the first page was read once; the restart resumed after the last stored transaction
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/v1/balance_transactions"))
                        .withQueryParam("starting_after", absent())
                        .withQueryParam("payout", absent())))
                .hasSize(1);
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/v1/balance_transactions"))
                        .withQueryParam("starting_after", equalTo("txn_b"))))
                .hasSize(1);

        long run = jdbc.sql("select max(id) from reconciliation_run")
                .query(Long.class)
                .single();
        Map<String, String> kinds = new java.util.TreeMap<>();
        jdbc.sql("select coalesce(charge_id, payout_id) as ref, kind, ok from reconciliation_item where run_id = ? "
                        + "and transfer_id is null and kind <> 'NOT_FORWARDED'")
                .param(run)
                .query((rs, n) -> kinds.put(rs.getString(1) + (rs.getBoolean(3) ? "" : "!"), rs.getString(2)))
                .list();
        assertThat(kinds)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "ch_b!", "AMOUNT_MISMATCH",
                        "ch_d!", "IN_LEDGER_NOT_STRIPE",
                        "ch_f!", "FEE_MISMATCH",
                        "ch_x!", "IN_STRIPE_NOT_LEDGER",
                        "ch_c", "REFUND",
                        "ch_e", "DISPUTE",
                        "po_bad!", "PAYOUT_MISMATCH"));
        Map<String, String> forwarding = new java.util.TreeMap<>();
        jdbc.sql("select charge_id, kind from reconciliation_item where run_id = ? and kind in "
                        + "('NOT_FORWARDED', 'FORWARDED_LATE', 'TRANSFER_MISMATCH')")
                .param(run)
                .query((rs, n) -> forwarding.put(rs.getString(1), rs.getString(2)))
                .list();
        assertThat(forwarding)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "ch_a", "NOT_FORWARDED",
                        "ch_d", "NOT_FORWARDED",
                        "ch_b", "FORWARDED_LATE",
                        "ch_f", "TRANSFER_MISMATCH"));
        assertThat(jdbc.sql("select action from reconciliation_item where run_id = ? and charge_id = 'ch_d' "
                                + "and kind = 'NOT_FORWARDED'")
                        .param(run)
                        .query(String.class)
                        .single())
                .contains("transfer tr_d");
        assertThat(jdbc.sql("select account_id from stripe_payout where id = 'po_committee'")
                        .query(String.class)
                        .single())
                .isEqualTo("acct_oh03");
        String summary = jdbc.sql("select summary::text from reconciliation_run where id = ?")
                .param(run)
                .query(String.class)
                .single();
        assertThat(summary).contains("\"MATCHED\": 3");
        assertThat(jdbc.sql("select payout_id from stripe_balance_transaction where id = 'txn_c'")
                        .query(String.class)
                        .single())
                .isEqualTo("po_good");
        assertThat(jdbc.sql("select action from reconciliation_item where kind = 'PAYOUT_MISMATCH'")
                        .query(String.class)
                        .single())
                .contains("900 cents")
                .contains("sum to 800 cents");
        // the next run starts from the cursor, with overlap
        assertThat(jdbc.sql("select created_gte from stripe_sync_cursor where name = 'balance'")
                        .query(java.sql.Timestamp.class)
                        .single()
                        .toInstant())
                .isEqualTo(PAID.plus(Duration.ofHours(3)).minus(ReconcileJobConfiguration.OVERLAP));
    }

    private static void donate(Fundraising fx, long fundraiser, String key, long cents) {
        DonationCheckout.ToPayment pay = (DonationCheckout.ToPayment) fx.checkout.start(Fundraising.form(
                fundraiser,
                cents,
                "Donor " + key.toUpperCase() + " Smith",
                key.length() + " " + key + " Street",
                "43215",
                "Ohio State",
                "Nurse"));
        fx.deliver("evt_pi_" + key, "payment_intent.succeeded", PAID, """
                {"id": "pi_%1$s", "object": "payment_intent", "amount": %2$d, "amount_received": %2$d, "latest_charge": "ch_%1$s",
                 "metadata": {"pp_intent_id": "%3$d"}, "status": "succeeded"}""".formatted(key, cents, pay.intentId()));
    }

    private static String bt(String id, String type, String category, long amount, long fee, String source) {
        return """
                {"id": "%s", "object": "balance_transaction", "amount": %d, "available_on": 1778457600, "created": 1777910400,
                 "currency": "usd", "description": null, "fee": %d, "fee_details": [], "net": %d, "reporting_category": "%s",
                 "source": %s, "status": "available", "type": "%s"}""".formatted(id, amount, fee, amount - fee, category, source, type);
    }

    private static String charge(String id, long amount) {
        return "{\"id\": \"" + id + "\", \"object\": \"charge\", \"amount\": " + amount + ", \"currency\": \"usd\"}";
    }

    private static String list(String url, boolean more, String... items) {
        return "{\"object\": \"list\", \"url\": \"" + url + "\", \"has_more\": " + more + ", \"data\": ["
                + String.join(",", items) + "]}";
    }

    private static void stubBalance(WireMockServer server) {
        String a = bt("txn_a", "charge", "charge", 5_000, 175, charge("ch_a", 5_000));
        String b = bt("txn_b", "charge", "charge", 2_500, 103, charge("ch_b", 2_500));
        String c = bt("txn_c", "charge", "charge", 10_000, 320, charge("ch_c", 10_000));
        String cr = bt(
                "txn_cr",
                "refund",
                "refund",
                -3_000,
                0,
                "{\"id\": \"re_c\", \"object\": \"refund\", \"amount\": 3000, \"charge\": \"ch_c\", \"status\": \"succeeded\"}");
        String e = bt("txn_e", "charge", "charge", 3_000, 117, charge("ch_e", 3_000));
        String ed = bt(
                "txn_ed",
                "adjustment",
                "dispute",
                -3_000,
                1_500,
                "{\"id\": \"dp_e\", \"object\": \"dispute\", \"amount\": 3000, \"charge\": \"ch_e\", \"status\": \"lost\"}");
        String f = bt("txn_f", "charge", "charge", 1_000, 200, charge("ch_f", 1_000));
        String x = bt("txn_x", "charge", "charge", 7_000, 233, charge("ch_x", 7_000));
        String url = "/v1/balance_transactions";
        server.stubFor(get(urlPathEqualTo(url))
                .withQueryParam("starting_after", absent())
                .withQueryParam("payout", absent())
                .willReturn(json(list(url, true, a, b, c))));
        server.stubFor(get(urlPathEqualTo(url))
                .withQueryParam("starting_after", equalTo("txn_b"))
                .willReturn(json(list(url, true, c))));
        // Stripe fails once on the second page
        server.stubFor(get(urlPathEqualTo(url))
                .withQueryParam("starting_after", equalTo("txn_c"))
                .inScenario("page2")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Stripe-Should-Retry", "false")
                        .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"unavailable\"}}"))
                .willSetStateTo("up"));
        server.stubFor(get(urlPathEqualTo(url))
                .withQueryParam("starting_after", equalTo("txn_c"))
                .inScenario("page2")
                .whenScenarioStateIs("up")
                .willReturn(json(list(url, false, cr, e, ed, f, x))));
        String payoutTxn = bt(
                "txn_po_good",
                "payout",
                "payout",
                -11_505,
                0,
                "{\"id\": \"po_good\", \"object\": \"payout\", \"amount\": 11505, \"status\": \"paid\"}");
        server.stubFor(get(urlPathEqualTo(url))
                .withQueryParam("payout", equalTo("po_good"))
                .willReturn(json(list(url, false, a, c, cr, payoutTxn))));
        server.stubFor(get(urlPathEqualTo(url))
                .withQueryParam("payout", equalTo("po_bad"))
                .willReturn(json(list(url, false, f))));
        server.stubFor(get(urlPathEqualTo("/v1/payouts"))
                .willReturn(json(list("/v1/payouts", false, payout("po_good", 11_505), payout("po_bad", 900)))));
    }

    private static void stubTransfers(WireMockServer server, JdbcClient jdbc) {
        java.util.function.Function<String, Long> donation =
                charge -> jdbc.sql("select id from donation where charge_id = ?")
                        .param(charge)
                        .query(Long.class)
                        .single();
        String b = transfer("tr_b", 2_000, 0, donation.apply("ch_b"), "ch_b");
        String c = transfer("tr_c", 10_000, 3_000, donation.apply("ch_c"), "ch_c");
        String f = transfer("tr_f", 900, 0, donation.apply("ch_f"), "ch_f");
        server.stubFor(get(urlPathEqualTo("/v1/transfers")).willReturn(json(list("/v1/transfers", false, b, c, f))));
        server.stubFor(get(urlPathEqualTo("/v1/payouts"))
                .withHeader("Stripe-Account", equalTo("acct_oh03"))
                .atPriority(1)
                .willReturn(json(list("/v1/payouts", false, payout("po_committee", 12_000)))));
    }

    private static String transfer(String id, long amount, long reversed, long donation, String charge) {
        return """
                {"id": "%s", "object": "transfer", "amount": %d, "amount_reversed": %d, "created": 1777910400,
                 "currency": "usd", "destination": "acct_oh03", "metadata": {"pp_donation_id": "%d"},
                 "source_transaction": "%s", "reversed": false}""".formatted(id, amount, reversed, donation, charge);
    }

    private static String payout(String id, long amount) {
        return """
                {"id": "%s", "object": "payout", "amount": %d, "arrival_date": 1778544000, "created": 1778457600,
                 "currency": "usd", "status": "paid", "type": "bank_account", "method": "standard"}""".formatted(id, amount);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static AnnotationConfigApplicationContext batchContext(DataSource dataSource, String apiBase, Clock clock) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test",
                        Map.of(
                                "pp.stripe.secret-key",
                                StripeStub.SECRET_KEY,
                                "pp.stripe.api-base",
                                apiBase,
                                "pp.reconcile.chunk",
                                "2")));
        context.registerBean("dataSource", DataSource.class, () -> dataSource);
        context.registerBean("clock", Clock.class, () -> clock);
        context.register(Wiring.class);
        context.refresh();
        return context;
    }

    @Configuration
    @EnableTransactionManagement
    @EnableBatchProcessing
    @Import(StageBeans.class)
    @ComponentScan("org.primarypipeline.batch.reconcile")
    static class Wiring {
        @Bean
        JdbcClient jdbcClient(DataSource dataSource) {
            return JdbcClient.create(dataSource);
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new JdbcTransactionManager(dataSource);
        }
    }
}
