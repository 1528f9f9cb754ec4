package org.primarypipeline.fundraising;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.primarypipeline.core.csv.SafeCsv;
import org.primarypipeline.core.money.Money;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What finance volunteers read and sign: per fundraiser and period (UTC calendar days, inclusive),
 * totals from the ledger (by booking date, so a signed-off period never changes and later changes
 * show as adjustments in the period they were booked in) with Stripe's fees from the pulled balance
 * transactions; the exceptions of the latest reconciliation; the itemized receipts as a Schedule
 * A-style CSV; who is over the limit and who was asked for employer and occupation.
 */
@Component
public class FinanceReports {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final FundraisingSettings settings;
    private final Clock clock;

    @Autowired
    public FinanceReports(JdbcClient jdbc, FundraisingSettings settings, ObjectProvider<Clock> clock) {
        this(jdbc, settings, clock.getIfAvailable(Clock::systemUTC));
    }

    public FinanceReports(JdbcClient jdbc, FundraisingSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    public record Totals(
            long fundraiserId,
            LocalDate from,
            LocalDate to,
            long grossCents,
            long refundCents,
            long disputeCents,
            long feeCents,
            long netCents,
            long adjustmentCents,
            int donations,
            String signedOffBy,
            String signedOffAt) {}

    /**
     * One exception the latest reconciliation left. The records below carry the report's rows as the
     * finance API has always sent them: component names and order are the JSON's keys.
     */
    public record ReconciliationException(
            String kind,
            Long donationId,
            String chargeId,
            String payoutId,
            String balanceTransactionId,
            Long ledgerCents,
            Long stripeCents,
            Long feeCents,
            String action,
            long run) {}

    /** A gift over the contribution limit; {@code todo} says what staff still have to decide. */
    public record OverLimitGift(
            long donationId,
            String donor,
            String election,
            long amountCents,
            long excessCents,
            String status,
            long redesignatedCents,
            String decidedBy,
            String todo) {}

    /** A best-efforts request for employer and occupation; the instants are ISO-8601 text. */
    public record BestEffortsRequest(
            long donorId,
            String donor,
            String requestedAt,
            String dueBy,
            boolean requestedInTime,
            String answeredAt,
            String employer,
            String occupation) {}

    /** A signed-off period, the days as ISO dates and the instant as ISO-8601 text. */
    public record SignOff(String from, String to, String signedBy, String signedAt) {}

    /** The totals as stored in {@code period_signoff.report}: the days as ISO dates. */
    private record StoredTotals(
            long fundraiserId,
            String from,
            String to,
            long grossCents,
            long refundCents,
            long disputeCents,
            long feeCents,
            long netCents,
            long adjustmentCents,
            int donations,
            String signedOffBy,
            String signedOffAt) {}

    public record Day(LocalDate day, long grossCents, long refundCents, long disputeCents) {}

    public record Progress(
            long fundraiserId,
            String title,
            String status,
            String payments,
            long goalCents,
            long raisedCents,
            int donors,
            String committeeName,
            String committeeFecId,
            String candidateFecId,
            LocalDate startsOn,
            LocalDate endsOn,
            String description) {}

    /**
     * One fundraiser as the finance list shows it: what it has raised, the latest reconciliation and the
     * exceptions it left for this fundraiser, and how far its periods are signed off.
     */
    public record Listed(
            long fundraiserId,
            String title,
            String status,
            String districtId,
            String candidate,
            long raisedCents,
            java.time.Instant reconciledAt,
            int exceptions,
            LocalDate signedThrough,
            int daysSignedInMonth) {}

    /**
     * Every fundraiser, running ones first, newest first; {@code daysSignedInMonth} counts the days of
     * the month from {@code monthStart} to {@code monthEnd} that signed-off periods cover (they never overlap).
     */
    public List<Listed> fundraisers(LocalDate monthStart, LocalDate monthEnd) {
        return jdbc.sql("""
                with latest as (select max(id) as id from reconciliation_run where finished_at is not null)
                select f.id, f.title, f.status, c.district_id, ca.full_name as candidate,
                       coalesce((select sum(e.amount_cents) from ledger_entry e where e.fundraiser_id = f.id), 0) as raised,
                       (select r.finished_at from reconciliation_run r where r.id = latest.id) as reconciled_at,
                       (select count(*) from reconciliation_item i where i.run_id = latest.id and not i.ok
                          and (i.fundraiser_id = f.id or i.fundraiser_id is null)) as exceptions,
                       (select max(s.period_end) from period_signoff s where s.fundraiser_id = f.id) as signed_through,
                       coalesce((select sum(least(s.period_end, :end) - greatest(s.period_start, :start) + 1) from period_signoff s
                                 where s.fundraiser_id = f.id and s.period_start <= :end and s.period_end >= :start), 0) as month_days
                from fundraiser f join cycle c on c.id = f.cycle_id
                     join candidacy cy on cy.id = f.candidacy_id join candidate ca on ca.id = cy.candidate_id
                     cross join latest
                order by f.status = 'LAUNCHED' desc, f.created_at desc, f.id desc
                """)
                .param("start", monthStart)
                .param("end", monthEnd)
                .query((rs, n) -> new Listed(
                        rs.getLong("id"),
                        rs.getString("title"),
                        rs.getString("status"),
                        rs.getString("district_id"),
                        rs.getString("candidate"),
                        rs.getLong("raised"),
                        rs.getTimestamp("reconciled_at") == null
                                ? null
                                : rs.getTimestamp("reconciled_at").toInstant(),
                        rs.getInt("exceptions"),
                        toDate(rs.getDate("signed_through")),
                        rs.getInt("month_days")))
                .list();
    }

    public Optional<Progress> progress(long fundraiserId) {
        return jdbc.sql("""
                select f.id, f.title, f.status, f.payments, f.goal_cents, f.committee_name, f.committee_fec_id, f.candidate_fec_id,
                       f.starts_on, f.ends_on, f.description,
                       coalesce((select sum(amount_cents) from ledger_entry e where e.fundraiser_id = f.id), 0) as raised,
                       (select count(distinct coalesce(o.merged_into, o.id)) from donation d join donor o on o.id = d.donor_id
                        where d.fundraiser_id = f.id and d.status = 'SUCCEEDED') as donors
                from fundraiser f where f.id = ?
                """)
                .param(fundraiserId)
                .query((rs, n) -> new Progress(
                        rs.getLong("id"),
                        rs.getString("title"),
                        rs.getString("status"),
                        rs.getString("payments"),
                        rs.getLong("goal_cents"),
                        rs.getLong("raised"),
                        rs.getInt("donors"),
                        rs.getString("committee_name"),
                        rs.getString("committee_fec_id"),
                        rs.getString("candidate_fec_id"),
                        toDate(rs.getDate("starts_on")),
                        toDate(rs.getDate("ends_on")),
                        rs.getString("description")))
                .optional();
    }

    /** The period's totals; a signed-off period answers with what was signed. */
    /** Gifts of a period by the refcode they arrived with (attribution's last touch; "(none)" without one). */
    public record RefcodeTotal(String refcode, long donations, long grossCents, long netCents) {}

    public List<RefcodeTotal> byRefcode(long fundraiserId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select coalesce(a.last_refcode, '(none)'), count(*), sum(d.amount_cents),
                       sum(d.amount_cents - d.refunded_cents - d.disputed_cents)
                from donation d
                left join attribution a on a.subject_kind = 'DONATION' and a.subject_id = d.id
                where d.fundraiser_id = ? and d.status = 'SUCCEEDED'
                  and d.paid_at >= cast(? as date) and d.paid_at < cast(? as date) + 1
                group by 1 order by 3 desc, 1
                """)
                .params(fundraiserId, from, to)
                .query((rs, n) -> new RefcodeTotal(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    public Totals totals(long fundraiserId, LocalDate from, LocalDate to) {
        Optional<Totals> signed = jdbc.sql("""
                select report::text from period_signoff where fundraiser_id = ? and period_start = ? and period_end = ?
                """)
                .params(fundraiserId, from, to)
                .query(String.class)
                .optional()
                .map(FinanceReports::readTotals);
        return signed.orElseGet(() -> compute(fundraiserId, from, to, null, null));
    }

    private Totals compute(long fundraiserId, LocalDate from, LocalDate to, String signedBy, String signedAt) {
        Timestamp start = start(from);
        Timestamp end = start(to.plusDays(1));
        return jdbc.sql("""
                select coalesce(sum(amount_cents) filter (where kind = 'DONATION'), 0) as gross,
                       coalesce(sum(amount_cents) filter (where kind = 'REFUND'), 0) as refunds,
                       coalesce(sum(amount_cents) filter (where kind in ('DISPUTE', 'DISPUTE_WON')), 0) as disputes,
                       coalesce(sum(amount_cents) filter (where adjusts_period is not null), 0) as adjustments,
                       count(*) filter (where kind = 'DONATION') as donations,
                       (select coalesce(sum(b.fee_cents), 0) from stripe_balance_transaction b
                        where b.created >= :start and b.created < :end
                          and b.charge_id in (select charge_id from donation where fundraiser_id = :f and charge_id is not null)) as fees
                from ledger_entry where fundraiser_id = :f and booked_at >= :start and booked_at < :end
                """)
                .param("f", fundraiserId)
                .param("start", start)
                .param("end", end)
                .query((rs, n) -> {
                    long gross = rs.getLong("gross");
                    long refunds = rs.getLong("refunds");
                    long disputes = rs.getLong("disputes");
                    long fees = rs.getLong("fees");
                    return new Totals(
                            fundraiserId,
                            from,
                            to,
                            gross,
                            refunds,
                            disputes,
                            fees,
                            gross + refunds + disputes - fees,
                            rs.getLong("adjustments"),
                            rs.getInt("donations"),
                            signedBy,
                            signedAt);
                })
                .single();
    }

    public List<Day> daily(long fundraiserId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select d::date as day,
                       coalesce(sum(e.amount_cents) filter (where e.kind = 'DONATION'), 0),
                       coalesce(sum(e.amount_cents) filter (where e.kind = 'REFUND'), 0),
                       coalesce(sum(e.amount_cents) filter (where e.kind in ('DISPUTE', 'DISPUTE_WON')), 0)
                from generate_series(cast(:from as date), cast(:to as date), interval '1 day') d
                left join ledger_entry e on e.fundraiser_id = :f and e.booked_at >= d and e.booked_at < d + interval '1 day'
                group by d order by d
                """)
                .param("f", fundraiserId)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new Day(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** The latest reconciliation's exceptions touching this fundraiser, and those no fundraiser owns (payouts, unknown charges). */
    public List<ReconciliationException> exceptions(long fundraiserId) {
        return jdbc.sql("""
                select i.kind, i.donation_id, i.charge_id, i.payout_id, i.balance_transaction_id, i.ledger_cents, i.stripe_cents,
                       i.fee_cents, i.action, r.id as run, r.started_at
                from reconciliation_item i join reconciliation_run r on r.id = i.run_id
                where i.run_id = (select max(id) from reconciliation_run where finished_at is not null)
                  and not i.ok and (i.fundraiser_id = :f or i.fundraiser_id is null)
                order by i.kind, i.charge_id, i.payout_id
                """)
                .param("f", fundraiserId)
                .query((rs, n) -> new ReconciliationException(
                        rs.getString("kind"),
                        rs.getObject("donation_id", Long.class),
                        rs.getString("charge_id"),
                        rs.getString("payout_id"),
                        rs.getString("balance_transaction_id"),
                        rs.getObject("ledger_cents", Long.class),
                        rs.getObject("stripe_cents", Long.class),
                        rs.getObject("fee_cents", Long.class),
                        rs.getString("action"),
                        rs.getLong("run")))
                .list();
    }

    /** Gifts over the limit: those waiting for a staff decision first, then those decided. */
    public List<OverLimitGift> limitStatus(long fundraiserId) {
        return jdbc.sql("""
                select d.id, o.full_name, d.election, d.election_year, d.amount_cents, d.excess_cents, d.limit_status,
                       d.limit_decided_by, d.limit_decided_at, d.redesignated_cents
                from donation d join donor o on o.id = d.donor_id
                where d.fundraiser_id = ? and d.limit_status <> 'WITHIN'
                order by d.limit_status <> 'OVER_LIMIT', d.id
                """)
                .param(fundraiserId)
                .query((rs, n) -> new OverLimitGift(
                        rs.getLong("id"),
                        rs.getString("full_name"),
                        rs.getString("election") + " " + rs.getInt("election_year"),
                        rs.getLong("amount_cents"),
                        rs.getLong("excess_cents"),
                        rs.getString("limit_status"),
                        rs.getLong("redesignated_cents"),
                        rs.getString("limit_decided_by"),
                        "OVER_LIMIT".equals(rs.getString("limit_status"))
                                ? "decide: refund the excess or redesignate it to the general election"
                                : "done"))
                .list();
    }

    /** Every best-efforts request for a donor of this fundraiser, with whether it went out within the 30 days. */
    public List<BestEffortsRequest> bestEfforts(long fundraiserId) {
        return jdbc.sql("""
                select o.id, o.full_name, b.requested_at, b.due_by, b.answered_at, b.requested_at <= b.due_by as on_time,
                       o.employer, o.occupation
                from best_efforts_request b join donor o on o.id = b.donor_id join donation d on d.id = b.donation_id
                where d.fundraiser_id = ? order by b.requested_at
                """)
                .param(fundraiserId)
                .query((rs, n) -> new BestEffortsRequest(
                        rs.getLong("id"),
                        rs.getString("full_name"),
                        rs.getTimestamp("requested_at").toInstant().toString(),
                        rs.getTimestamp("due_by").toInstant().toString(),
                        rs.getBoolean("on_time"),
                        rs.getTimestamp("answered_at") == null
                                ? null
                                : rs.getTimestamp("answered_at").toInstant().toString(),
                        rs.getString("employer"),
                        rs.getString("occupation")))
                .list();
    }

    /** What a donor changed on a monthly gift by the link in their receipt (issue 24): amount, cancel, receipts. */
    public record GiftChange(String donor, String change, Long oldCents, Long newCents, String at) {}

    /** Every change to a gift of this fundraiser (the donor's own, finance's cancel, Stripe's), newest first. */
    public List<GiftChange> giftChanges(long fundraiserId) {
        return jdbc.sql("""
                select o.full_name, c.kind, c.old_cents, c.new_cents, c.at, i.cancelled_by
                from gift_change c join contribution_intent i on i.id = c.intent_id join donor o on o.id = i.donor_id
                where i.fundraiser_id = ? order by c.at desc, c.id desc
                """)
                .param(fundraiserId)
                .query((rs, n) -> new GiftChange(
                        rs.getString(1),
                        switch (rs.getString(2)) {
                            case "AMOUNT" -> "monthly amount changed";
                            case "CANCEL" ->
                                switch (String.valueOf(rs.getString(6))) {
                                    case "STAFF" -> "monthly gift cancelled by finance";
                                    case "STRIPE" -> "monthly gift cancelled in Stripe";
                                    default -> "monthly gift cancelled by the donor";
                                };
                            default -> "receipts sent again";
                        },
                        rs.getObject(3) == null ? null : rs.getLong(3),
                        rs.getObject(4) == null ? null : rs.getLong(4),
                        rs.getTimestamp(5).toInstant().toString()))
                .list();
    }

    /** A monthly gift still running: finance can cancel it for its donor. */
    public record RunningGift(long intentId, String donor, long amountCents, String since) {}

    /** The monthly gifts of this fundraiser still running (subscribed, not cancelled), oldest first. */
    public List<RunningGift> runningMonthlyGifts(long fundraiserId) {
        return jdbc.sql("""
                select i.id, o.full_name, i.amount_cents, i.created_at
                from contribution_intent i join donor o on o.id = i.donor_id
                where i.fundraiser_id = ? and i.recurring and i.subscription_id is not null and i.cancelled_at is null
                order by i.created_at, i.id
                """)
                .param(fundraiserId)
                .query((rs, n) -> new RunningGift(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getTimestamp(4).toInstant().toString()))
                .list();
    }

    /**
     * Itemized receipts in the period as a Schedule A-style CSV: every contribution (net of refunds)
     * from a donor whose contributions to this committee this election cycle add up to more than the
     * itemization threshold, with the donor's cycle-to-date aggregate and the election designation.
     */
    public String scheduleA(long fundraiserId, LocalDate from, LocalDate to) {
        SafeCsv csv = SafeCsv.inMemory(
                "receipt_id",
                "contributor_name",
                "contributor_street_1",
                "contributor_street_2",
                "contributor_city",
                "contributor_state",
                "contributor_zip",
                "contributor_employer",
                "contributor_occupation",
                "contribution_date",
                "contribution_amount",
                "contribution_aggregate",
                "election_code",
                "memo");
        jdbc.sql("""
                with donor_root as (
                    select id, coalesce(merged_into, id) as root from donor
                ), gifts as (
                    select d.*, r.root, sum(d.amount_cents - d.refunded_cents) over (partition by r.root, d.election_year
                               order by d.paid_at, d.id) as aggregate,
                           sum(d.amount_cents - d.refunded_cents) over (partition by r.root, d.election_year) as cycle_total
                    from donation d join donor_root r on r.id = d.donor_id
                    where d.fundraiser_id = :f and d.status = 'SUCCEEDED'
                )
                select g.id, o.full_name, o.address_line1, o.address_line2, o.city, o.state, o.zip, o.employer, o.occupation,
                       g.paid_at, g.amount_cents - g.refunded_cents as net, g.aggregate, g.election, g.election_year,
                       g.redesignated_cents, g.refunded_cents
                from gifts g join donor o on o.id = g.root
                where g.cycle_total > :threshold and g.paid_at >= :start and g.paid_at < :end and g.amount_cents > g.refunded_cents
                order by g.paid_at, g.id
                """)
                .param("f", fundraiserId)
                .param("threshold", settings.itemizationThresholdCents())
                .param("start", start(from))
                .param("end", start(to.plusDays(1)))
                .query((rs, n) -> {
                    String election =
                            (rs.getString("election").equals("PRIMARY") ? "P" : "G") + rs.getInt("election_year");
                    List<String> memo = new ArrayList<>();
                    if (rs.getLong("redesignated_cents") > 0) {
                        memo.add(Money.plain(rs.getLong("redesignated_cents")) + " redesignated to G"
                                + rs.getInt("election_year"));
                    }
                    if (rs.getLong("refunded_cents") > 0) {
                        memo.add(Money.plain(rs.getLong("refunded_cents")) + " refunded");
                    }
                    if (rs.getString("employer") == null || rs.getString("occupation") == null) {
                        memo.add("best efforts: employer or occupation requested");
                    }
                    return new Object[] {
                        "PP-" + rs.getLong("id"),
                        rs.getString("full_name"),
                        rs.getString("address_line1"),
                        rs.getString("address_line2"),
                        rs.getString("city"),
                        rs.getString("state"),
                        rs.getString("zip"),
                        rs.getString("employer") == null ? "INFORMATION REQUESTED" : rs.getString("employer"),
                        rs.getString("occupation") == null ? "INFORMATION REQUESTED" : rs.getString("occupation"),
                        rs.getTimestamp("paid_at")
                                .toInstant()
                                .atZone(ZoneOffset.UTC)
                                .toLocalDate(),
                        Money.amount(rs.getLong("net")),
                        Money.amount(rs.getLong("aggregate")),
                        election,
                        String.join("; ", memo)
                    };
                })
                .list()
                .forEach(csv::row);
        return csv.toString();
    }

    /** The period's totals and daily figures as CSV. */
    public String totalsCsv(long fundraiserId, LocalDate from, LocalDate to) {
        Totals t = totals(fundraiserId, from, to);
        SafeCsv csv = SafeCsv.inMemory(
                "fundraiser_id",
                "period_start",
                "period_end",
                "gross",
                "refunds",
                "disputes",
                "fees",
                "net",
                "adjustments_of_signed_periods",
                "donations",
                "signed_off_by",
                "signed_off_at");
        csv.row(
                fundraiserId,
                from,
                to,
                Money.amount(t.grossCents()),
                Money.amount(t.refundCents()),
                Money.amount(t.disputeCents()),
                Money.amount(t.feeCents()),
                Money.amount(t.netCents()),
                Money.amount(t.adjustmentCents()),
                t.donations(),
                t.signedOffBy(),
                t.signedOffAt());
        csv.table("day", "gross", "refunds", "disputes");
        for (Day d : daily(fundraiserId, from, to)) {
            csv.row(
                    d.day(),
                    Money.amount(d.grossCents()),
                    Money.amount(d.refundCents()),
                    Money.amount(d.disputeCents()));
        }
        return csv.toString();
    }

    /**
     * A finance volunteer signs off a period that has ended: its totals are frozen as signed, and any
     * later change that belongs to it is booked in the open period as an adjustment.
     */
    @Transactional
    public Totals signOff(long fundraiserId, LocalDate from, LocalDate to, String actor) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends before it starts");
        }
        if (!to.isBefore(today)) {
            throw new IllegalStateException("a period can be signed off once it has ended; " + to + " has not");
        }
        if (progress(fundraiserId).isEmpty()) {
            throw new IllegalArgumentException("no fundraiser " + fundraiserId);
        }
        // one sign-off at a time per fundraiser, so two overlapping periods cannot both pass the check
        jdbc.sql("select id from fundraiser where id = ? for update")
                .param(fundraiserId)
                .query(Long.class)
                .single();
        Optional<String> overlap =
                jdbc.sql("""
                select period_start || ' to ' || period_end || ' (signed by ' || signed_by || ')' from period_signoff
                where fundraiser_id = ? and period_start <= ? and period_end >= ?
                """).params(fundraiserId, to, from).query(String.class).optional();
        if (overlap.isPresent()) {
            throw new IllegalStateException("overlaps the signed-off period " + overlap.get());
        }
        String signedAt = clock.instant().toString();
        Totals totals = compute(fundraiserId, from, to, actor, signedAt);
        jdbc.sql("""
                insert into period_signoff (fundraiser_id, period_start, period_end, signed_by, signed_at, report)
                values (?, ?, ?, ?, ?, cast(? as jsonb))
                """)
                .params(fundraiserId, from, to, actor, Timestamp.from(clock.instant()), writeTotals(totals))
                .update();
        return totals;
    }

    public List<SignOff> signOffs(long fundraiserId) {
        return jdbc.sql(
                        "select period_start, period_end, signed_by, signed_at from period_signoff where fundraiser_id = ? order by period_start")
                .param(fundraiserId)
                .query((rs, n) -> new SignOff(
                        rs.getDate(1).toLocalDate().toString(),
                        rs.getDate(2).toLocalDate().toString(),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant().toString()))
                .list();
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static LocalDate toDate(java.sql.Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static String writeTotals(Totals t) {
        StoredTotals stored = new StoredTotals(
                t.fundraiserId(),
                t.from().toString(),
                t.to().toString(),
                t.grossCents(),
                t.refundCents(),
                t.disputeCents(),
                t.feeCents(),
                t.netCents(),
                t.adjustmentCents(),
                t.donations(),
                t.signedOffBy(),
                t.signedOffAt());
        try {
            return JSON.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Totals readTotals(String json) {
        try {
            var n = JSON.readTree(json);
            return new Totals(
                    n.get("fundraiserId").asLong(),
                    LocalDate.parse(n.get("from").asText()),
                    LocalDate.parse(n.get("to").asText()),
                    n.get("grossCents").asLong(),
                    n.get("refundCents").asLong(),
                    n.get("disputeCents").asLong(),
                    n.get("feeCents").asLong(),
                    n.get("netCents").asLong(),
                    n.get("adjustmentCents").asLong(),
                    n.get("donations").asInt(),
                    n.get("signedOffBy").asText(),
                    n.get("signedOffAt").asText());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
