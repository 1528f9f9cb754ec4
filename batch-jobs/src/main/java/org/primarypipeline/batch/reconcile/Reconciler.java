package org.primarypipeline.batch.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matches what Stripe's balance says against our ledger, set-wise in PostgreSQL (a million of each is
 * one hash join, not a million lookups), and writes the exceptions of one run with what to do about
 * each. Classes: MATCHED (counted, not listed), IN_STRIPE_NOT_LEDGER, IN_LEDGER_NOT_STRIPE,
 * AMOUNT_MISMATCH, FEE_MISMATCH (Stripe charged more than the expected rate), REFUND and DISPUTE
 * (listed, flagged when Stripe and the ledger disagree), PAYOUT_MISMATCH (a payout whose transactions
 * do not add up to it), and for the conduit: NOT_FORWARDED (an earmarked gift past its 10-day deadline
 * with no transfer in Stripe), FORWARDED_LATE, TRANSFER_MISMATCH (what the committee kept differs from
 * the gift's net after refunds and disputes).
 */
@Component
public class Reconciler {

    /** A donation younger than this may not be in Stripe's balance yet: not called missing. */
    public static final Duration SETTLING = Duration.ofHours(1);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final long feeBasisPoints;
    private final long feeFixedCents;
    private final java.time.Clock clock;

    public Reconciler(
            JdbcClient jdbc,
            org.springframework.beans.factory.ObjectProvider<java.time.Clock> clock,
            @Value("${pp.fundraising.expected-fee-basis-points:290}") long feeBasisPoints,
            @Value("${pp.fundraising.expected-fee-fixed-cents:30}") long feeFixedCents) {
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(java.time.Clock::systemUTC);
        this.feeBasisPoints = feeBasisPoints;
        this.feeFixedCents = feeFixedCents;
    }

    /** Classifies everything pulled against the whole ledger; returns the run's counts by class. */
    @Transactional
    public Map<String, Long> run(long runId, Instant asOf) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("delete from reconciliation_item where run_id = ?")
                .param(runId)
                .update();
        Timestamp settled = Timestamp.from(asOf.minus(SETTLING));
        jdbc.sql("""
                with k as (
                    select d.id as donation_id, d.fundraiser_id, coalesce(d.charge_id, b.source_id) as charge_id,
                           d.amount_cents, b.id as bt_id, b.amount_cents as bt_amount, b.fee_cents,
                           case when d.id is null then 'IN_STRIPE_NOT_LEDGER'
                                when b.id is null and d.paid_at > :settled then 'PENDING'
                                when b.id is null then 'IN_LEDGER_NOT_STRIPE'
                                when b.amount_cents <> d.amount_cents then 'AMOUNT_MISMATCH'
                                when b.fee_cents > (d.amount_cents * :bp + 5000) / 10000 + :fixed + 1 then 'FEE_MISMATCH'
                                else 'MATCHED' end as kind
                    from (select id, fundraiser_id, charge_id, amount_cents, paid_at from donation where status = 'SUCCEEDED') d
                    full join (select id, source_id, amount_cents, fee_cents from stripe_balance_transaction
                               where type in ('charge', 'payment')) b on b.source_id = d.charge_id
                ), listed as (
                    insert into reconciliation_item (run_id, kind, fundraiser_id, donation_id, balance_transaction_id, charge_id,
                                                     ledger_cents, stripe_cents, fee_cents, ok, action)
                    select :run, kind, fundraiser_id, donation_id, bt_id, charge_id, amount_cents, bt_amount, fee_cents, false,
                           case kind
                               when 'IN_STRIPE_NOT_LEDGER' then 'Stripe took this payment but the ledger has no donation for it: find the charge in the Stripe dashboard and resend its webhook events; if it is not a donation, note what it is'
                               when 'IN_LEDGER_NOT_STRIPE' then 'the ledger has this donation but Stripe''s balance has no charge for it: look the payment up in the Stripe dashboard; if it never settled, refund it and tell the donor'
                               when 'AMOUNT_MISMATCH' then 'Stripe settled a different amount than the donation: compare the charge with the donor''s form, then correct the ledger or refund the difference'
                               else 'Stripe''s fee is above the expected rate: check the card (international and American Express cost more) or ask Stripe'
                           end
                    from k where kind not in ('MATCHED', 'PENDING')
                    returning 1
                )
                select kind, count(*) from k group by kind
                """)
                .param("settled", settled)
                .param("bp", feeBasisPoints)
                .param("fixed", feeFixedCents)
                .param("run", runId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));

        count(counts, jdbc.sql("""
                with s as (
                    select charge_id, -sum(amount_cents) as refunded, sum(fee_cents) as fee, min(id) as bt
                    from stripe_balance_transaction where type in ('refund', 'payment_refund') group by charge_id
                ), l as (
                    select charge_id, id, fundraiser_id, refunded_cents from donation where refunded_cents > 0
                )
                insert into reconciliation_item (run_id, kind, fundraiser_id, donation_id, balance_transaction_id, charge_id,
                                                 ledger_cents, stripe_cents, fee_cents, ok, action)
                select :run, case when coalesce(l.refunded_cents, 0) = coalesce(s.refunded, 0) then 'REFUND' else 'REFUND_MISMATCH' end,
                       l.fundraiser_id, l.id, s.bt, coalesce(s.charge_id, l.charge_id), l.refunded_cents, s.refunded, s.fee,
                       coalesce(l.refunded_cents, 0) = coalesce(s.refunded, 0),
                       case when coalesce(l.refunded_cents, 0) = coalesce(s.refunded, 0) then 'refund agrees with Stripe; nothing to do'
                            else 'refunds on this charge differ between Stripe and the ledger: resend the charge.refunded event from the Stripe dashboard, or record the refund' end
                from s full join l on l.charge_id = s.charge_id
                """).param("run", runId).update(), "REFUND_ITEMS");

        count(counts, jdbc.sql("""
                with s as (
                    select charge_id, sum(amount_cents) as amount, sum(fee_cents) as fee, min(id) as bt
                    from stripe_balance_transaction
                    where type = 'adjustment' and (reporting_category in ('dispute', 'dispute_reversal') or source_id like 'dp\\_%')
                    group by charge_id
                ), l as (
                    select e.charge_id, min(e.donation_id) as donation_id, min(e.fundraiser_id) as fundraiser_id, sum(e.amount_cents) as amount
                    from ledger_entry e where e.kind in ('DISPUTE', 'DISPUTE_WON') group by e.charge_id
                )
                insert into reconciliation_item (run_id, kind, fundraiser_id, donation_id, balance_transaction_id, charge_id,
                                                 ledger_cents, stripe_cents, fee_cents, ok, action)
                select :run, 'DISPUTE', l.fundraiser_id, l.donation_id, s.bt, coalesce(s.charge_id, l.charge_id), l.amount, s.amount,
                       s.fee, coalesce(l.amount, 0) = coalesce(s.amount, 0),
                       case when coalesce(l.amount, 0) <> coalesce(s.amount, 0)
                                then 'the dispute''s money in Stripe differs from the ledger: resend the dispute''s events from the Stripe dashboard'
                            when exists (select 1 from dispute p where p.charge_id = coalesce(s.charge_id, l.charge_id) and not p.closed)
                                then 'dispute open: answer it in the Stripe dashboard before its deadline'
                            else 'dispute closed and booked; nothing to do' end
                from s full join l on l.charge_id = s.charge_id
                """).param("run", runId).update(), "DISPUTE_ITEMS");

        count(counts, jdbc.sql("""
                insert into reconciliation_item (run_id, kind, payout_id, ledger_cents, stripe_cents, ok, action)
                select :run, 'PAYOUT_MISMATCH', p.id, coalesce(sum(b.net_cents), 0), p.amount_cents, false,
                       'payout of ' || p.amount_cents || ' cents but its ' || count(b.id) || ' transactions sum to '
                           || coalesce(sum(b.net_cents), 0) || ' cents: pull again from an earlier date (transactions missing), then ask Stripe'
                from stripe_payout p
                left join stripe_balance_transaction b on b.payout_id = p.id and b.type <> 'payout'
                where p.status in ('paid', 'in_transit') and p.account_id is null
                group by p.id, p.amount_cents
                having p.amount_cents <> coalesce(sum(b.net_cents), 0)
                """).param("run", runId).update(), "PAYOUT_MISMATCH");

        count(
                counts,
                jdbc.sql("""
                with f as (
                    select e.donation_id, e.fundraiser_id, e.due_by, e.transfer_id, d.charge_id,
                           greatest(0, d.amount_cents - d.refunded_cents - d.disputed_cents) as net
                    from earmark_forward e join donation d on d.id = e.donation_id
                ), t as (
                    select donation_id, min(id) as id, sum(amount_cents) as amount, sum(reversed_cents) as reversed,
                           min(created) as created
                    from stripe_transfer where donation_id is not null group by donation_id
                ), k as (
                    select f.*, t.id as stripe_transfer, t.amount - t.reversed as kept, t.created,
                           case when t.donation_id is null and f.net > 0 and f.due_by < :asOf then 'NOT_FORWARDED'
                                when t.donation_id is not null and t.amount - t.reversed <> f.net then 'TRANSFER_MISMATCH'
                                when t.created > f.due_by then 'FORWARDED_LATE'
                           end as kind
                    from f left join t on t.donation_id = f.donation_id
                )
                insert into reconciliation_item (run_id, kind, fundraiser_id, donation_id, charge_id, transfer_id, ledger_cents,
                                                 stripe_cents, ok, action)
                select :run, kind, fundraiser_id, donation_id, charge_id, coalesce(stripe_transfer, transfer_id), net, kept, false,
                       case kind
                           when 'NOT_FORWARDED' then case when transfer_id is null
                               then 'not forwarded to the committee by its deadline (' || to_char(due_by, 'YYYY-MM-DD')
                                    || '): connect the committee''s Stripe account or forward it now; the late forward must be reported'
                               else 'our records say transfer ' || transfer_id || ' forwarded it, but Stripe does not list it: look it up in the Stripe dashboard, then forward again'
                               end
                           when 'TRANSFER_MISMATCH' then 'the committee kept ' || kept || ' cents of this gift but its net is ' || net
                               || ' cents: a refund or dispute was not reversed, or the transfer was for another amount; check the transfer in the Stripe dashboard'
                           else 'forwarded on ' || to_char(created, 'YYYY-MM-DD') || ', after its deadline of ' || to_char(due_by, 'YYYY-MM-DD')
                               || ': note it in the earmark report (11 CFR 110.6) with the reason'
                       end
                from k where kind is not null
                """)
                        .param("run", runId)
                        .param("asOf", Timestamp.from(asOf))
                        .update(),
                "TRANSFER_EXCEPTIONS");
        counts.put(
                "TRANSFERS",
                jdbc.sql("select count(*) from stripe_transfer")
                        .query(Long.class)
                        .single());
        counts.put(
                "CONNECTED_PAYOUT_CENTS",
                jdbc.sql(
                                "select coalesce(sum(amount_cents), 0) from stripe_payout where account_id is not null and status = 'paid'")
                        .query(Long.class)
                        .single());

        jdbc.sql("update reconciliation_run set finished_at = ?, summary = cast(? as jsonb) where id = ?")
                .params(Timestamp.from(clock.instant()), toJson(counts), runId)
                .update();
        return counts;
    }

    private static void count(Map<String, Long> counts, int rows, String name) {
        counts.put(name, (long) rows);
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
