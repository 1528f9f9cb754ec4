package org.primarypipeline.fundraising;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.primarypipeline.core.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A fundraiser's period as an FEC electronic filing ({@code .fec}, format 8.4): the header record, a
 * Form 3 summary line for the candidate's committee (the receipts lines only) and a Schedule A line
 * (SA11AI) for every itemized receipt, each followed by a memo entry naming this organization as the
 * conduit of the earmarked gift. Fields are separated by the ASCII file separator (28), records by a
 * line feed. Donors whose contributions this cycle add up to no more than the itemization threshold go
 * to the unitemized total. Field values are kept to the characters the FEC's schemas allow (letters,
 * digits and spaces) and to each field's length. What a treasurer still completes is listed in
 * docs/fundraising.md ("FEC electronic filing").
 */
@Component
public class FecFiling {

    /** The field separator of the FEC's electronic filing format (ASCII FS). */
    public static final char FS = (char) 28;

    public static final String VERSION = "8.4";

    /** The Schedule A columns in the FEC's order (the schema's COL_SEQ). */
    public static final List<String> SCHEDULE_A = List.of(
            "FORM_TYPE",
            "FILER_COMMITTEE_ID_NUMBER",
            "TRANSACTION_ID",
            "BACK_REFERENCE_TRAN_ID_NUMBER",
            "BACK_REFERENCE_SCHED_NAME",
            "ENTITY_TYPE",
            "CONTRIBUTOR_ORGANIZATION_NAME",
            "CONTRIBUTOR_LAST_NAME",
            "CONTRIBUTOR_FIRST_NAME",
            "CONTRIBUTOR_MIDDLE_NAME",
            "CONTRIBUTOR_PREFIX",
            "CONTRIBUTOR_SUFFIX",
            "CONTRIBUTOR_STREET__1",
            "CONTRIBUTOR_STREET__2",
            "CONTRIBUTOR_CITY",
            "CONTRIBUTOR_STATE",
            "CONTRIBUTOR_ZIP",
            "ELECTION_CODE",
            "ELECTION_OTHER_DESCRIPTION",
            "CONTRIBUTION_DATE",
            "CONTRIBUTION_AMOUNT_{F3L_Bundled}",
            "CONTRIBUTION_AGGREGATE_{F3L_Semi-annual_Bundled}",
            "CONTRIBUTION_PURPOSE_DESCRIP",
            "CONTRIBUTOR_EMPLOYER",
            "CONTRIBUTOR_OCCUPATION",
            "DONOR_COMMITTEE_FEC_ID",
            "DONOR_COMMITTEE_NAME",
            "DONOR_CANDIDATE_FEC_ID",
            "DONOR_CANDIDATE_LAST_NAME",
            "DONOR_CANDIDATE_FIRST_NAME",
            "DONOR_CANDIDATE_MIDDLE_NAME",
            "DONOR_CANDIDATE_PREFIX",
            "DONOR_CANDIDATE_SUFFIX",
            "DONOR_CANDIDATE_OFFICE",
            "DONOR_CANDIDATE_STATE",
            "DONOR_CANDIDATE_DISTRICT",
            "CONDUIT_NAME",
            "CONDUIT_STREET1",
            "CONDUIT_STREET2",
            "CONDUIT_CITY",
            "CONDUIT_STATE",
            "CONDUIT_ZIP",
            "MEMO_CODE",
            "MEMO_TEXT/DESCRIPTION",
            "Reference_to_SI_or_SL_system_code_that_identifies_the_Account");

    /**
     * The Form 3 summary's columns in the FEC's order (the F3 schema's COL_SEQ): the report's identity,
     * then the 39 column A (this period) and the 31 column B (cycle to date) amounts. Only the columns
     * this app knows are filled; the rest are empty for the treasurer (docs/fundraising.md).
     */
    public static final List<String> FORM_3;

    static {
        List<String> columns = new ArrayList<>(List.of(
                "form_type",
                "filer_committee_id_number",
                "committee_name",
                "change_of_address",
                "street_1",
                "street_2",
                "city",
                "state",
                "zip",
                "election_state",
                "election_district",
                "report_code",
                "election_code",
                "date_of_election",
                "state_of_election",
                "coverage_from_date",
                "coverage_through_date",
                "treasurer_last_name",
                "treasurer_first_name",
                "treasurer_middle_name",
                "treasurer_prefix",
                "treasurer_suffix",
                "date_signed"));
        List<String> both = List.of(
                "L6a_total_contributions",
                "L6b_total_contribution_refunds",
                "L6c_net_contributions",
                "L7a_total_operating_expenditures",
                "L7b_total_offsets_to_operating_expenditures",
                "L7c_net_operating_expenditures");
        List<String> periodOnly =
                List.of("L8_cash_on_hand_at_close", "L9_debts_owed_to_committee", "L10_debts_owed_by_committee");
        List<String> receiptsAndDisbursements = List.of(
                "L11ai_individuals_itemized",
                "L11aii_individuals_unitemized",
                "L11aiii_total_individual",
                "L11b_political_party_committees",
                "L11c_other_political_committees",
                "L11d_the_candidate",
                "L11e_total_contributions",
                "L12_transfers_from_other_authorized_committees",
                "L13a_loans_made_or_guaranteed_by_the_candidate",
                "L13b_all_other_loans",
                "L13c_total_loans",
                "L14_offsets_to_operating_expenditures",
                "L15_other_receipts",
                "L16_total_receipts",
                "L17_operating_expenditures",
                "L18_transfers_to_other_authorized_committees",
                "L19a_loan_repayments_of_loans_made_or_guaranteed_by_candidate",
                "L19b_loan_repayments_of_all_other_loans",
                "L19c_total_loan_repayments",
                "L20a_refunds_to_individuals",
                "L20b_refunds_to_political_party_committees",
                "L20c_refunds_to_other_political_committees",
                "L20d_total_contribution_refunds",
                "L21_other_disbursements",
                "L22_total_disbursements");
        for (String line : both) {
            columns.add(line + "_period");
        }
        for (String line : periodOnly) {
            columns.add(line + "_period");
        }
        for (String line : receiptsAndDisbursements) {
            columns.add(line + "_period");
        }
        columns.addAll(List.of(
                "L23_cash_on_hand_beginning_reporting_period",
                "L24_total_receipts_period",
                "L25_subtotals_period",
                "L26_total_disbursements_period",
                "L27_cash_on_hand_at_close_period"));
        for (String line : both) {
            columns.add(line + "_ytd");
        }
        for (String line : receiptsAndDisbursements) {
            columns.add(line + "_ytd");
        }
        FORM_3 = List.copyOf(columns);
    }

    public static final List<String> HEADER = List.of(
            "record_type", "ef_type", "fec_version_#", "soft_name", "soft_ver", "rpt_id", "rpt_number", "hdrcomment");

    /** One record of the file: its kind (HDR, F3N, SA11AI) and its fields by the FEC's names, in order. */
    public record Line(String kind, Map<String, Object> fields) {

        /** The record as a line of the file: its values in column order, separated by {@link #FS}. */
        public String line() {
            return fields.values().stream()
                    .map(v -> v == null
                            ? ""
                            : v instanceof BigDecimal d
                                    ? d.toPlainString()
                                    : v instanceof LocalDate day ? day.format(DAY) : v.toString())
                    .collect(Collectors.joining(String.valueOf(FS)));
        }
    }

    /** The export: a file name and its records. */
    public record Filing(String name, List<Line> records, int itemizedDonations, long unitemizedCents) {

        public String text() {
            return records.stream().map(Line::line).collect(Collectors.joining("\n", "", "\n"));
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient jdbc;
    private final FundraisingSettings settings;

    public FecFiling(JdbcClient jdbc, FundraisingSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    private record Committee(String name, String fecId, String treasurer, String districtId) {}

    private record Receipt(
            long id,
            String fullName,
            String line1,
            String line2,
            String city,
            String state,
            String zip,
            String employer,
            String occupation,
            LocalDate day,
            long netCents,
            long aggregateCents,
            String election,
            long refundedCents,
            long disputedCents) {}

    /**
     * The period's filing. {@code conduitName} is this organization as the conduit of the earmarked gifts.
     *
     * @throws IllegalArgumentException if there is no such fundraiser
     */
    public Filing filing(long fundraiserId, LocalDate from, LocalDate to, String conduitName) {
        Committee committee = jdbc.sql("""
                        select f.committee_name, f.committee_fec_id, f.committee_treasurer, c.district_id
                        from fundraiser f left join cycle c on c.id = f.cycle_id where f.id = :f
                        """)
                .param("f", fundraiserId)
                .query((rs, n) -> new Committee(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("no fundraiser " + fundraiserId));
        String filer = text(committee.fecId(), 9);
        List<Receipt> itemized = itemized(fundraiserId, from, to);
        long itemizedCents = itemized.stream().mapToLong(Receipt::netCents).sum();
        long totalCents = jdbc.sql("""
                        select coalesce(sum(amount_cents - refunded_cents - disputed_cents), 0) from donation
                        where fundraiser_id = :f and status = 'SUCCEEDED' and paid_at >= :start and paid_at < :end
                        """)
                .param("f", fundraiserId)
                .param("start", start(from))
                .param("end", start(to.plusDays(1)))
                .query(Long.class)
                .single();
        long unitemizedCents = Math.max(0, totalCents - itemizedCents);

        List<Line> records = new ArrayList<>();
        records.add(new Line(
                "HDR",
                ordered(
                        HEADER,
                        Map.of(
                                "record_type", "HDR",
                                "ef_type", "FEC",
                                "fec_version_#", VERSION,
                                "soft_name", "Primary Pipeline",
                                "soft_ver", "0.1.0",
                                "hdrcomment", "Earmarked receipts " + from + " to " + to))));
        String district = committee.districtId() == null ? "" : committee.districtId();
        String seat = district.contains("-") ? district.substring(district.indexOf('-') + 1) : "";
        String[] treasurer = split(committee.treasurer());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("form_type", "F3N");
        summary.put("filer_committee_id_number", blankAsNull(filer));
        summary.put("committee_name", blankAsNull(text(committee.name(), 200)));
        summary.put("election_state", district.matches("[A-Za-z]{2}-.*") ? district.substring(0, 2) : null);
        summary.put(
                "election_district",
                seat.matches("\\d{1,2}")
                        ? String.format(Locale.ROOT, "%02d", Integer.parseInt(seat))
                        : seat.equalsIgnoreCase("AL") ? "00" : null);
        summary.put("coverage_from_date", from);
        summary.put("coverage_through_date", to);
        summary.put("treasurer_last_name", blankAsNull(text(treasurer[1], 30)));
        summary.put("treasurer_first_name", blankAsNull(text(treasurer[0], 20)));
        // the file is prepared for signing today; the treasurer puts the day they sign
        summary.put("date_signed", LocalDate.now(ZoneOffset.UTC));
        summary.put("L11ai_individuals_itemized_period", Money.amount(itemizedCents));
        summary.put("L11aii_individuals_unitemized_period", Money.amount(unitemizedCents));
        summary.put("L11aiii_total_individual_period", Money.amount(itemizedCents + unitemizedCents));
        summary = ordered(FORM_3, summary);
        records.add(new Line("F3N", summary));

        String conduit = text(conduitName, 200);
        for (Receipt r : itemized) {
            String tran = "PP" + r.id();
            String[] name = split(r.fullName());
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("FORM_TYPE", "SA11AI");
            a.put("FILER_COMMITTEE_ID_NUMBER", filer);
            a.put("TRANSACTION_ID", tran);
            a.put("ENTITY_TYPE", "IND");
            a.put("CONTRIBUTOR_ORGANIZATION_NAME", "");
            a.put("CONTRIBUTOR_LAST_NAME", text(name[1], 30));
            a.put("CONTRIBUTOR_FIRST_NAME", text(name[0], 20));
            a.put("CONTRIBUTOR_STREET__1", text(r.line1(), 34));
            a.put("CONTRIBUTOR_STREET__2", text(r.line2(), 34));
            a.put("CONTRIBUTOR_CITY", text(r.city(), 30));
            a.put("CONTRIBUTOR_STATE", text(r.state(), 2));
            a.put("CONTRIBUTOR_ZIP", text(r.zip(), 9));
            a.put("ELECTION_CODE", r.election());
            a.put("CONTRIBUTION_DATE", Integer.parseInt(r.day().format(DAY)));
            a.put("CONTRIBUTION_AMOUNT_{F3L_Bundled}", Money.amount(r.netCents()));
            a.put("CONTRIBUTION_AGGREGATE_{F3L_Semi-annual_Bundled}", Money.amount(r.aggregateCents()));
            a.put("CONTRIBUTOR_EMPLOYER", text(r.employer() == null ? "INFORMATION REQUESTED" : r.employer(), 38));
            a.put(
                    "CONTRIBUTOR_OCCUPATION",
                    text(r.occupation() == null ? "INFORMATION REQUESTED" : r.occupation(), 38));
            a.put("CONDUIT_NAME", conduit);
            List<String> memo = new ArrayList<>();
            memo.add("Earmarked through " + conduitName);
            if (r.refundedCents() > 0) {
                memo.add(Money.plain(r.refundedCents()).replace(".", " ") + " refunded");
            }
            if (r.disputedCents() > 0) {
                memo.add(Money.plain(r.disputedCents()).replace(".", " ") + " disputed");
            }
            a.put("MEMO_TEXT/DESCRIPTION", text(String.join(" ", memo), 100));
            records.add(new Line("SA11AI", ordered(SCHEDULE_A, a)));

            Map<String, Object> m = new LinkedHashMap<>();
            m.put("FORM_TYPE", "SA11AI");
            m.put("FILER_COMMITTEE_ID_NUMBER", filer);
            m.put("TRANSACTION_ID", tran + "M");
            m.put("BACK_REFERENCE_TRAN_ID_NUMBER", tran);
            m.put("BACK_REFERENCE_SCHED_NAME", "SA11AI");
            m.put("ENTITY_TYPE", "ORG");
            m.put("CONTRIBUTOR_ORGANIZATION_NAME", conduit);
            m.put("CONTRIBUTOR_LAST_NAME", "");
            m.put("CONTRIBUTOR_FIRST_NAME", "");
            m.put("ELECTION_CODE", r.election());
            m.put("CONTRIBUTION_DATE", Integer.parseInt(r.day().format(DAY)));
            m.put("CONTRIBUTION_AMOUNT_{F3L_Bundled}", Money.amount(r.netCents()));
            m.put("CONTRIBUTION_PURPOSE_DESCRIP", text("Earmarked for " + committee.name(), 100));
            m.put("MEMO_CODE", "X");
            m.put("MEMO_TEXT/DESCRIPTION", text("Conduit memo for " + tran, 100));
            records.add(new Line("SA11AI", ordered(SCHEDULE_A, m)));
        }
        return new Filing(
                "fec-" + fundraiserId + "-" + from + "-" + to + ".fec", records, itemized.size(), unitemizedCents);
    }

    /** The period's receipts of donors over the threshold this cycle, net of refunds and disputes. */
    private List<Receipt> itemized(long fundraiserId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        with donor_root as (
                            select id, coalesce(merged_into, id) as root from donor
                        ), gifts as (
                            select d.*, r.root,
                                   sum(d.amount_cents - d.refunded_cents - d.disputed_cents)
                                       over (partition by r.root, d.election_year order by d.paid_at, d.id) as aggregate,
                                   sum(d.amount_cents - d.refunded_cents - d.disputed_cents)
                                       over (partition by r.root, d.election_year) as cycle_total
                            from donation d join donor_root r on r.id = d.donor_id
                            where d.fundraiser_id = :f and d.status = 'SUCCEEDED'
                        )
                        select g.id, o.full_name, o.address_line1, o.address_line2, o.city, o.state, o.zip,
                               o.employer, o.occupation, g.paid_at,
                               g.amount_cents - g.refunded_cents - g.disputed_cents as net, g.aggregate,
                               g.election, g.election_year, g.refunded_cents, g.disputed_cents
                        from gifts g join donor o on o.id = g.root
                        where g.cycle_total > :threshold and g.paid_at >= :start and g.paid_at < :end
                          and g.amount_cents > g.refunded_cents + g.disputed_cents
                        order by g.paid_at, g.id
                        """)
                .param("f", fundraiserId)
                .param("threshold", settings.itemizationThresholdCents())
                .param("start", start(from))
                .param("end", start(to.plusDays(1)))
                .query((rs, n) -> new Receipt(
                        rs.getLong("id"),
                        rs.getString("full_name"),
                        rs.getString("address_line1"),
                        rs.getString("address_line2"),
                        rs.getString("city"),
                        rs.getString("state"),
                        rs.getString("zip"),
                        rs.getString("employer"),
                        rs.getString("occupation"),
                        rs.getTimestamp("paid_at")
                                .toInstant()
                                .atZone(ZoneOffset.UTC)
                                .toLocalDate(),
                        rs.getLong("net"),
                        rs.getLong("aggregate"),
                        (rs.getString("election").equals("PRIMARY") ? "P" : "G") + rs.getInt("election_year"),
                        rs.getLong("refunded_cents"),
                        rs.getLong("disputed_cents")))
                .list();
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static Map<String, Object> ordered(List<String> columns, Map<String, Object> given) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String column : columns) {
            fields.put(column, given.get(column));
        }
        return fields;
    }

    private static String blankAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** First names and last name: the last word is the last name. */
    static String[] split(String fullName) {
        String name = fullName == null ? "" : fullName.trim();
        int space = name.lastIndexOf(' ');
        return space < 0 ? new String[] {"", name} : new String[] {name.substring(0, space), name.substring(space + 1)};
    }

    /**
     * A value as the FEC's schemas take it: letters without their accents, digits and single spaces only
     * (anything else, a hyphen or an apostrophe say, becomes a space), cut to the field's length.
     */
    static String text(String value, int max) {
        if (value == null) {
            return "";
        }
        // accents dropped first (María is MARIA, not MAR A), then anything else the FEC does not take
        String plain = java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        String kept =
                plain.replaceAll("[^A-Za-z0-9 ]", " ").replaceAll(" +", " ").trim();
        kept = kept.toUpperCase(Locale.ROOT);
        return kept.length() <= max ? kept : kept.substring(0, max).trim();
    }
}
