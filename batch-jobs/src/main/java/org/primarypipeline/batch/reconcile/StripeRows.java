package org.primarypipeline.batch.reconcile;

import com.stripe.model.BalanceTransaction;
import com.stripe.model.BalanceTransactionSource;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Refund;
import com.stripe.model.Transfer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Stores what Stripe lists; upserts, so pulling the same object twice (overlapping runs) is harmless. */
final class StripeRows {

    private StripeRows() {}

    static void upsertBalanceTransactions(
            JdbcTemplate jdbc, List<? extends BalanceTransaction> items, String payoutId, Instant now) {
        jdbc.batchUpdate("""
                insert into stripe_balance_transaction (id, type, reporting_category, source_id, charge_id, amount_cents,
                    fee_cents, net_cents, created, available_on, payout_id, pulled_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set payout_id = coalesce(excluded.payout_id, stripe_balance_transaction.payout_id),
                    charge_id = coalesce(excluded.charge_id, stripe_balance_transaction.charge_id),
                    fee_cents = excluded.fee_cents, net_cents = excluded.net_cents, pulled_at = excluded.pulled_at
                """, items, 500, (ps, bt) -> {
            ps.setString(1, bt.getId());
            ps.setString(2, bt.getType());
            ps.setString(3, bt.getReportingCategory());
            ps.setString(4, bt.getSource());
            ps.setString(5, chargeOf(bt));
            ps.setLong(6, bt.getAmount());
            ps.setLong(7, bt.getFee() == null ? 0 : bt.getFee());
            ps.setLong(8, bt.getNet());
            ps.setTimestamp(9, Timestamp.from(Instant.ofEpochSecond(bt.getCreated())));
            ps.setTimestamp(
                    10,
                    bt.getAvailableOn() == null ? null : Timestamp.from(Instant.ofEpochSecond(bt.getAvailableOn())));
            ps.setString(11, payoutId);
            ps.setTimestamp(12, Timestamp.from(now));
        });
    }

    static void upsertTransfers(JdbcTemplate jdbc, List<? extends Transfer> items, Instant now) {
        jdbc.batchUpdate("""
                insert into stripe_transfer (id, destination, amount_cents, reversed_cents, donation_id, source_charge, created,
                    pulled_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set reversed_cents = excluded.reversed_cents, pulled_at = excluded.pulled_at
                """, items, 500, (ps, t) -> {
            String donation = t.getMetadata() == null ? null : t.getMetadata().get("pp_donation_id");
            ps.setString(1, t.getId());
            ps.setString(2, t.getDestination());
            ps.setLong(3, t.getAmount());
            ps.setLong(4, t.getAmountReversed() == null ? 0 : t.getAmountReversed());
            if (donation != null && donation.matches("[0-9]{1,18}")) {
                ps.setLong(5, Long.parseLong(donation));
            } else {
                ps.setNull(5, java.sql.Types.BIGINT);
            }
            ps.setString(6, t.getSourceTransaction());
            ps.setTimestamp(7, Timestamp.from(Instant.ofEpochSecond(t.getCreated())));
            ps.setTimestamp(8, Timestamp.from(now));
        });
    }

    /** The charge a transaction is about: itself for a payment, the refunded or disputed charge otherwise. */
    static String chargeOf(BalanceTransaction bt) {
        BalanceTransactionSource source = bt.getSourceObject();
        if (source instanceof Charge c) {
            return c.getId();
        }
        if (source instanceof Refund r) {
            return r.getCharge();
        }
        if (source instanceof Dispute d) {
            return d.getCharge();
        }
        String id = bt.getSource();
        return id != null && (id.startsWith("ch_") || id.startsWith("py_")) ? id : null;
    }
}
