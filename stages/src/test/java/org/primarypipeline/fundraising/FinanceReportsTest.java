package org.primarypipeline.fundraising;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.primarypipeline.testing.Fundraising;
import org.primarypipeline.testing.StripeStub;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinanceReportsTest {

    private static final Instant NOW = Instant.parse("2026-05-10T12:00:00Z");
    private static final LocalDate WEEK1 = LocalDate.parse("2026-05-01");
    private static final LocalDate WEEK1_END = LocalDate.parse("2026-05-07");

    private StripeStub stripe;
    private Fundraising fx;
    private FinanceReports reports;
    private long fundraiser;

    @BeforeAll
    void start() {
        stripe = new StripeStub().products("prod_WA07", false).checkoutSessions();
        fx = new Fundraising(Fundraising.sharedContext(), stripe, Fundraising.clockAt(NOW.toString()));
        reports = new FinanceReports(fx.context.jdbc(), fx.settings, fx.clock);
        Object[] cycle = fx.certifiedCycle("WA-07", "Dee Lowe", "dee@example.org", 0);
        fundraiser = fx.activities.launch((String) cycle[0], (Long) cycle[1]);
    }

    @AfterAll
    void stop() {
        stripe.close();
    }

    @Test
    void periodTotalsScheduleAAndSignOffWithLaterChangesAsAdjustments() {
        pay("amy1", "Amy Fox", "4 Birch Way", 15_000, null, Instant.parse("2026-05-02T10:00:00Z"));
        pay("amy2", "Amy Fox", "4 Birch Way", 10_000, null, Instant.parse("2026-05-04T10:00:00Z"));
        pay("bob1", "Bob Hale", "6 Cedar Way", 5_000, "Boeing", Instant.parse("2026-05-04T11:00:00Z"));
        fx.deliver("evt_bob1_refund", "charge.refunded", Instant.parse("2026-05-05T09:00:00Z"), """
                {"id": "ch_bob1", "object": "charge", "amount": 5000, "amount_refunded": 2000, "payment_intent": "pi_bob1"}""");

        FinanceReports.Totals week = reports.totals(fundraiser, WEEK1, WEEK1_END);
        assertThat(week.grossCents()).isEqualTo(30_000);
        assertThat(week.refundCents()).isEqualTo(-2_000);
        assertThat(week.netCents()).isEqualTo(28_000);
        assertThat(week.donations()).isEqualTo(3);
        assertThat(reports.daily(fundraiser, WEEK1, WEEK1_END))
                .hasSize(7)
                .filteredOn(d -> d.day().equals(LocalDate.parse("2026-05-04")))
                .singleElement()
                .extracting(FinanceReports.Day::grossCents)
                .isEqualTo(15_000L);

        // Amy's $250 in the cycle is over the $200 threshold: both gifts itemized with the running aggregate; Bob's are
        // not
        String scheduleA = reports.scheduleA(fundraiser, WEEK1, WEEK1_END);
        assertThat(scheduleA.lines()).hasSize(3);
        assertThat(scheduleA)
                .contains(
                        "Amy Fox,4 Birch Way,,Austin,TX,78701,INFORMATION REQUESTED,Teacher,2026-05-02,150.00,150.00,P2026")
                .contains("2026-05-04,100.00,250.00,P2026")
                .doesNotContain("Bob Hale");
        assertThat(reports.bestEfforts(fundraiser))
                .singleElement()
                .satisfies(b -> assertThat(b.requestedInTime()).isTrue());

        FinanceReports.Totals signed = reports.signOff(fundraiser, WEEK1, WEEK1_END, "fran");
        assertThat(signed.signedOffBy()).isEqualTo("fran");
        assertThat(reports.fundraisers(WEEK1, LocalDate.parse("2026-05-31")))
                .filteredOn(f -> f.fundraiserId() == fundraiser)
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.districtId()).isEqualTo("WA-07");
                    assertThat(f.candidate()).isEqualTo("Dee Lowe");
                    assertThat(f.raisedCents()).isEqualTo(28_000);
                    assertThat(f.signedThrough()).isEqualTo(WEEK1_END);
                    assertThat(f.daysSignedInMonth())
                            .as("May 1-7 of May's 31 days")
                            .isEqualTo(7);
                });
        assertThatThrownBy(() -> reports.signOff(
                        fundraiser, LocalDate.parse("2026-05-07"), LocalDate.parse("2026-05-08"), "fran"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("overlaps");
        assertThatThrownBy(() -> reports.signOff(
                        fundraiser, LocalDate.parse("2026-05-08"), LocalDate.parse("2026-05-10"), "fran"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has not");

        // a payment made in the signed week whose webhook arrives only now: the week stays as signed,
        // and the gift is booked today as an adjustment of it
        pay("cat1", "Cat Moss", "8 Fir Way", 4_000, "Self", Instant.parse("2026-05-06T10:00:00Z"));
        assertThat(reports.totals(fundraiser, WEEK1, WEEK1_END)).isEqualTo(signed);
        FinanceReports.Totals next =
                reports.totals(fundraiser, LocalDate.parse("2026-05-08"), LocalDate.parse("2026-05-14"));
        assertThat(next.grossCents()).isEqualTo(4_000);
        assertThat(next.adjustmentCents()).isEqualTo(4_000);
        assertThat(reports.totalsCsv(fundraiser, WEEK1, WEEK1_END))
                .contains("300.00,-20.00,0.00,0.00,280.00,0.00,3,fran");
        assertThat(reports.progress(fundraiser).orElseThrow().raisedCents()).isEqualTo(32_000);
    }

    @Test
    void theListCountsTheLatestReconciliationsExceptionsForTheFundraiserAndForNone() {
        var jdbc = fx.context.jdbc();
        long older = jdbc.sql(
                        "insert into reconciliation_run (started_at, finished_at) values (now(), now()) returning id")
                .query(Long.class)
                .single();
        jdbc.sql(
                        "insert into reconciliation_item (run_id, kind, fundraiser_id, charge_id) values (?, 'AMOUNT_MISMATCH', ?, 'ch_old')")
                .params(older, fundraiser)
                .update();
        Instant finished = Instant.parse("2026-05-09T03:00:00Z");
        long latest = jdbc.sql("insert into reconciliation_run (started_at, finished_at) values (?, ?) returning id")
                .params(java.sql.Timestamp.from(finished.minusSeconds(60)), java.sql.Timestamp.from(finished))
                .query(Long.class)
                .single();
        jdbc.sql("""
                insert into reconciliation_item (run_id, kind, fundraiser_id, charge_id, payout_id, ok) values
                  (:r, 'IN_STRIPE_NOT_LEDGER', :f, 'ch_x', null, false),
                  (:r, 'PAYOUT_MISMATCH', null, null, 'po_x', false),
                  (:r, 'REFUND', :f, 'ch_y', null, true),
                  (:r, 'IN_LEDGER_NOT_STRIPE', :f + 1000000, 'ch_z', null, false)
                """).param("r", latest).param("f", fundraiser).update();
        assertThat(reports.fundraisers(WEEK1, WEEK1_END))
                .filteredOn(f -> f.fundraiserId() == fundraiser)
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.reconciledAt()).isEqualTo(finished);
                    assertThat(f.exceptions())
                            .as("its own and the payout's, not the agreeing refund nor another's")
                            .isEqualTo(2);
                });
        assertThat(reports.exceptions(fundraiser)).hasSize(2);
    }

    /**
     * A donor's own text cannot start a row of its own nor a formula when the file is opened in a
     * spreadsheet: a name with a line break and a formula after it stays one quoted cell, and cells
     * starting with a tab or {@code @} are prefixed with a single quote.
     */
    @Test
    void scheduleACellsCannotStartARowOrAFormula() throws IOException {
        Object[] cycle = fx.certifiedCycle("WA-09", "Ida Roe", "ida@example.org", 0);
        long own = fx.activities.launch((String) cycle[0], (Long) cycle[1]);
        pay(own, "jo1", "Jo Doe", "1 Elm Way", 25_000, "Acme", "Clerk", Instant.parse("2026-05-03T10:00:00Z"));
        // the checkout form collapses white space, but a report must not rely on how each row got in
        String name = "Jo\r\n=HYPERLINK(\"http://evil.example\",\"x\") Doe";
        fx.context.jdbc().sql("""
                update donor set full_name = ?, employer = ?, occupation = ?
                where id = (select donor_id from donation where fundraiser_id = ?)
                """).params(name, "\tAcme", "@SUM(A1)", own).update();

        List<CSVRecord> rows = CSVFormat.DEFAULT
                .parse(new StringReader(reports.scheduleA(own, WEEK1, WEEK1_END)))
                .getRecords();
        assertThat(rows)
                .as("the header and one receipt, no row made of the name's second line")
                .hasSize(2);
        assertThat(rows.get(1).size()).isEqualTo(rows.get(0).size());
        assertThat(rows.get(1).get(1)).isEqualTo(name);
        assertThat(rows.get(1).get(7)).isEqualTo("'\tAcme");
        assertThat(rows.get(1).get(8)).isEqualTo("'@SUM(A1)");
    }

    private void pay(String key, String name, String line1, long cents, String employer, Instant at) {
        pay(fundraiser, key, name, line1, cents, employer, "Teacher", at);
    }

    private void pay(
            long fundraiser,
            String key,
            String name,
            String line1,
            long cents,
            String employer,
            String occupation,
            Instant at) {
        DonationCheckout.ToPayment toPay = (DonationCheckout.ToPayment)
                fx.checkout.start(Fundraising.form(fundraiser, cents, name, line1, "78701", employer, occupation));
        fx.deliver("evt_pi_" + key, "payment_intent.succeeded", at, """
                {"id": "pi_%1$s", "object": "payment_intent", "amount": %2$d, "amount_received": %2$d, "latest_charge": "ch_%1$s",
                 "metadata": {"pp_intent_id": "%3$d"}, "status": "succeeded"}""".formatted(key, cents, toPay.intentId()));
    }
}
