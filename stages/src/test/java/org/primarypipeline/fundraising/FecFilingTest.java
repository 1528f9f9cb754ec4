package org.primarypipeline.fundraising;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.primarypipeline.core.money.Money;
import org.primarypipeline.testing.Fundraising;
import org.primarypipeline.testing.StripeStub;

/**
 * The FEC export of a period with itemized donors, donors under the threshold, a refund and a dispute:
 * every Schedule A line passes the FEC's published schema (vendored under {@code fec-schema/}, see its
 * README), the lines are separated as the FEC's format says, and the summary's itemized and unitemized
 * totals add up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FecFilingTest {

    private static final Instant NOW = Instant.parse("2026-06-10T12:00:00Z");
    private static final LocalDate FROM = LocalDate.parse("2026-06-01");
    private static final LocalDate TO = LocalDate.parse("2026-06-07");

    private StripeStub stripe;
    private Fundraising fx;
    private FecFiling fec;
    private long fundraiser;
    private Schema scheduleA;
    private Schema header;
    private Schema form3;

    @BeforeAll
    void start() throws Exception {
        stripe = new StripeStub().products("prod_AZ09", false).checkoutSessions();
        fx = new Fundraising(Fundraising.sharedContext(), stripe, Fundraising.clockAt(NOW.toString()));
        fec = new FecFiling(fx.context.jdbc(), fx.settings);
        Object[] cycle = fx.certifiedCycle("AZ-09", "Eve Sol", "eve.fec@example.org", 0);
        fundraiser = fx.activities.launch((String) cycle[0], (Long) cycle[1]);
        fx.context
                .jdbc()
                .sql("update fundraiser set committee_name = ?, committee_fec_id = ? where id = ?")
                .params("Eve Sol for Congress", "C00123456", fundraiser)
                .update();
        fx.context
                .jdbc()
                .sql("update fundraiser set committee_treasurer = 'Rosa María Díaz-Ortiz' where id = ?")
                .params(fundraiser)
                .update();
        try (InputStream in = getClass().getResourceAsStream("/fec-schema/SchA.json")) {
            scheduleA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(in);
        }
        try (InputStream in = getClass().getResourceAsStream("/fec-schema/HDR.json")) {
            header = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(in);
        }
        try (InputStream in = getClass().getResourceAsStream("/fec-schema/F3.json")) {
            form3 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(in);
        }
    }

    @AfterAll
    void stop() {
        stripe.close();
    }

    @Test
    void everyScheduleALinePassesTheFecSchemaAndTheTotalsAddUp() {
        // Amy: $250 over two gifts, itemized (her name has characters the FEC's format does not take)
        pay("fec_amy1", "Amy O'Fox-Lane", 15_000, Instant.parse("2026-06-02T10:00:00Z"));
        pay("fec_amy2", "Amy O'Fox-Lane", 10_000, Instant.parse("2026-06-04T10:00:00Z"));
        // Cal: $300 of which $25 disputed, still itemized at $275
        pay("fec_cal1", "Cal Reyes", 30_000, Instant.parse("2026-06-03T10:00:00Z"));
        fx.deliver(
                "evt_fec_cal1_dispute",
                "charge.dispute.created",
                Instant.parse("2026-06-05T10:00:00Z"),
                StripeWebhooksTest.dispute("dp_fec_cal1", "ch_fec_cal1", 2_500, "needs_response"));
        // Dee: $210 refunded $20: $190 is under the threshold, unitemized
        pay("fec_dee1", "Dee Park", 21_000, Instant.parse("2026-06-03T11:00:00Z"));
        fx.deliver("evt_fec_dee1_refund", "charge.refunded", Instant.parse("2026-06-04T09:00:00Z"), """
                {"id": "ch_fec_dee1", "object": "charge", "amount": 21000, "amount_refunded": 2000,
                 "payment_intent": "pi_fec_dee1"}""");
        // Bob: $50, unitemized
        pay("fec_bob1", "Bob Hale", 5_000, Instant.parse("2026-06-04T11:00:00Z"));

        FecFiling.Filing filing = fec.filing(fundraiser, FROM, TO, "Primary Pipeline");

        assertThat(filing.itemizedDonations()).isEqualTo(3);
        assertThat(filing.unitemizedCents()).isEqualTo(24_000);
        List<FecFiling.Line> lines = filing.records();
        assertThat(lines).extracting(FecFiling.Line::kind).startsWith("HDR", "F3N");
        assertThat(lines.get(0).line()).startsWith("HDR" + FecFiling.FS + "FEC" + FecFiling.FS + "8.4");
        Map<String, Object> head = new LinkedHashMap<>(lines.get(0).fields());
        head.values().removeIf(v -> v == null);
        assertThat(header.validate(new ObjectMapper().valueToTree(head))).isEmpty();
        Map<String, Object> summary = lines.get(1).fields();
        assertThat(summary.get("L11ai_individuals_itemized_period")).isEqualTo(new BigDecimal("525.00"));
        assertThat(summary.get("L11aii_individuals_unitemized_period")).isEqualTo(new BigDecimal("240.00"));
        assertThat(summary.get("L11aiii_total_individual_period")).isEqualTo(new BigDecimal("765.00"));
        assertThat(summary)
                .containsEntry("election_state", "AZ")
                .containsEntry("election_district", "09")
                .containsEntry("treasurer_last_name", "DIAZ ORTIZ")
                .containsEntry("treasurer_first_name", "ROSA MARIA")
                .containsEntry("coverage_from_date", FROM);
        // the Form 3 line: every column of the FEC's F3 schema, in its order, and valid against it
        assertThat(summary.keySet()).containsExactlyElementsOf(FecFiling.FORM_3);
        assertThat(FecFiling.FORM_3).hasSize(93);
        assertThat(lines.get(1).line().split(String.valueOf(FecFiling.FS), -1)).hasSize(93);
        assertThat(lines.get(1).line())
                .startsWith("F3N" + FecFiling.FS + "C00123456" + FecFiling.FS + "EVE SOL FOR CONGRESS")
                .contains(FecFiling.FS + "20260601" + FecFiling.FS + "20260607" + FecFiling.FS);
        assertThat(form3.validate(asJson(summary))).as(lines.get(1).line()).isEmpty();
        // and the schema refuses what the FEC refuses: a Form 3 without its treasurer
        Map<String, Object> unsigned = new LinkedHashMap<>(summary);
        unsigned.put("treasurer_last_name", null);
        assertThat(form3.validate(asJson(unsigned))).isNotEmpty();

        List<FecFiling.Line> receipts =
                lines.stream().filter(l -> l.kind().equals("SA11AI")).toList();
        assertThat(receipts).as("each itemized gift and its conduit memo").hasSize(6);
        ObjectMapper json = new ObjectMapper();
        for (FecFiling.Line line : receipts) {
            Map<String, Object> present = new LinkedHashMap<>();
            line.fields().forEach((k, v) -> {
                if (v != null) {
                    present.put(k, v);
                }
            });
            JsonNode node = json.valueToTree(present);
            assertThat(scheduleA.validate(node)).as(line.line()).isEmpty();
            assertThat(line.line().split(String.valueOf(FecFiling.FS), -1)).hasSize(FecFiling.SCHEDULE_A.size());
        }
        assertThat(receipts.get(0).fields())
                .containsEntry("CONTRIBUTOR_LAST_NAME", "O FOX LANE")
                .containsEntry("CONTRIBUTOR_FIRST_NAME", "AMY")
                .containsEntry("FILER_COMMITTEE_ID_NUMBER", "C00123456")
                .containsEntry("CONDUIT_NAME", "PRIMARY PIPELINE");
        assertThat(receipts.get(1).fields())
                .containsEntry("MEMO_CODE", "X")
                .containsEntry(
                        "BACK_REFERENCE_TRAN_ID_NUMBER",
                        receipts.get(0).fields().get("TRANSACTION_ID"));
        assertThat(receipts)
                .anySatisfy(l -> assertThat((String) l.fields().get("MEMO_TEXT/DESCRIPTION"))
                        .contains("25 00 DISPUTED"));
        // and the schema does refuse what the FEC refuses: a hyphen in a transaction id
        Map<String, Object> bad = new LinkedHashMap<>(receipts.get(0).fields());
        bad.values().removeIf(v -> v == null);
        bad.put("TRANSACTION_ID", "PP-1");
        assertThat(scheduleA.validate(json.valueToTree(bad))).isNotEmpty();
        assertThat(filing.text())
                .doesNotContain("Dee")
                .doesNotContain("DEE PARK")
                .doesNotContain("BOB HALE");
        assertThat(filing.text().lines()).hasSize(lines.size());
    }

    /**
     * The acceptance's size: 10,000 donations in the period (200 donors over the threshold with three
     * $100 gifts each, 9,400 donors of $25), ten partial refunds among the itemized, 188 small gifts
     * refunded in full, and a dispute; every one of the 1,200 Schedule A lines passes the schema.
     */
    @Test
    void tenThousandDonationsMakeAFileWhoseEveryLinePassesTheSchema() {
        Object[] cycle = fx.certifiedCycle("AZ-08", "Flo Ward", "flo.fec@example.org", 0);
        long big = fx.activities.launch((String) cycle[0], (Long) cycle[1]);
        var jdbc = fx.context.jdbc();
        jdbc.sql("update fundraiser set committee_name = 'Flo Ward for Congress', committee_fec_id = 'C00654321'"
                        + " where id = ?")
                .params(big)
                .update();
        jdbc.sql("""
                        insert into donor (identity_key, full_name, address_line1, city, state, zip, employer, occupation)
                        select 'fec10k-' || n, 'Donor Number' || n, n || ' Main Street', 'Phoenix', 'AZ', '85001',
                               'Acme', 'Clerk'
                        from generate_series(1, 9600) n
                        """).update();
        jdbc.sql("""
                        insert into donation (fundraiser_id, amount_cents, donor_name, donor_id, election, election_year,
                                              status, paid_at, refunded_cents, disputed_cents)
                        select ?, case when n <= 200 then 10000 else 2500 end, d.full_name, d.id, 'PRIMARY', 2026,
                               'SUCCEEDED', timestamptz '2026-06-01 10:00:00+00' + (g || ' days')::interval,
                               case when n <= 10 and g = 0 then 1000 when n > 200 and n % 50 = 0 then 2500 else 0 end,
                               case when n = 11 and g = 1 then 3000 else 0 end
                        from generate_series(1, 9600) n
                        join donor d on d.identity_key = 'fec10k-' || n
                        cross join generate_series(0, 2) g
                        where n <= 200 or g = 0
                        """).params(big).update();
        assertThat(jdbc.sql("select count(*) from donation where fundraiser_id = ?")
                        .params(big)
                        .query(Long.class)
                        .single())
                .isEqualTo(10_000L);

        FecFiling.Filing filing = fec.filing(big, FROM, TO, "Primary Pipeline");

        assertThat(filing.itemizedDonations()).isEqualTo(600);
        assertThat(filing.unitemizedCents()).isEqualTo(9_400L * 2_500 - 188L * 2_500);
        assertThat(filing.records().get(1).fields().get("L11ai_individuals_itemized_period"))
                .isEqualTo(Money.amount(600L * 10_000 - 10 * 1_000 - 3_000));
        assertThat(filing.records().get(1).fields().get("election_district")).isEqualTo("08");
        // no treasurer recorded for this committee: the Form 3 line says so to the schema, nothing else
        assertThat(form3.validate(asJson(filing.records().get(1).fields())))
                .extracting(e -> e.getMessage())
                .allSatisfy(m -> assertThat(m).contains("treasurer_"))
                .hasSize(2);
        jdbc.sql("update fundraiser set committee_treasurer = 'Lee Park' where id = ?")
                .params(big)
                .update();
        filing = fec.filing(big, FROM, TO, "Primary Pipeline");
        assertThat(form3.validate(asJson(filing.records().get(1).fields()))).isEmpty();
        ObjectMapper json = new ObjectMapper();
        List<FecFiling.Line> receipts =
                filing.records().stream().filter(l -> l.kind().equals("SA11AI")).toList();
        assertThat(receipts).hasSize(1_200);
        for (FecFiling.Line line : receipts) {
            Map<String, Object> present = new LinkedHashMap<>(line.fields());
            present.values().removeIf(v -> v == null);
            assertThat(scheduleA.validate(json.valueToTree(present)))
                    .as(line.line())
                    .isEmpty();
        }
        assertThat(filing.text().lines()).hasSize(2 + 1_200);
    }

    /**
     * A record as the schemas read it: the fields present (an empty column is absent), days as
     * YYYY-MM-DD (the JSON form the F3 schema checks; the line writes them YYYYMMDD).
     */
    private static JsonNode asJson(Map<String, Object> fields) {
        Map<String, Object> present = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (v != null) {
                present.put(k, v instanceof LocalDate day ? day.toString() : v);
            }
        });
        return new ObjectMapper().valueToTree(present);
    }

    private void pay(String key, String name, long cents, Instant at) {
        DonationCheckout.ToPayment toPay = (DonationCheckout.ToPayment)
                fx.checkout.start(Fundraising.form(fundraiser, cents, name, "4 Mesa Way", "85001", "Acme", "Clerk"));
        fx.deliver("evt_pi_" + key, "payment_intent.succeeded", at, """
                {"id": "pi_%1$s", "object": "payment_intent", "amount": %2$d, "amount_received": %2$d, "latest_charge": "ch_%1$s",
                 "metadata": {"pp_intent_id": "%3$d"}, "status": "succeeded"}""".formatted(key, cents, toPay.intentId()));
    }
}
