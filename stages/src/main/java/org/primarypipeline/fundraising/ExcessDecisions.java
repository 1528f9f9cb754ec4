package org.primarypipeline.fundraising;

import java.sql.Timestamp;
import java.time.Clock;
import org.primarypipeline.core.money.Money;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What staff decide about a gift flagged over the limit: refund the excess through Stripe, or move it
 * to the general election when the donor has room there. Either way the decision and its author are
 * on the donation, and the gift leaves the over-limit list.
 */
@Component
public class ExcessDecisions {

    public enum Decision {
        REFUND,
        REDESIGNATE
    }

    private final JdbcClient jdbc;
    private final StripeGateway stripe;
    private final DonationLedger ledger;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    public ExcessDecisions(JdbcClient jdbc, StripeGateway stripe, DonationLedger ledger, ObjectProvider<Clock> clock) {
        this(jdbc, stripe, ledger, clock.getIfAvailable(Clock::systemUTC));
    }

    public ExcessDecisions(JdbcClient jdbc, StripeGateway stripe, DonationLedger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.stripe = stripe;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Returns what was done, in words for the staff member; refuses what does not fit with IllegalStateException. */
    public String decide(long donationId, Decision decision, String actor) {
        var d = jdbc.sql("""
                select limit_status, excess_cents, charge_id, donor_id, election, election_year from donation where id = ?
                """)
                .param(donationId)
                .query((rs, n) -> new Object[] {
                    rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getInt(6)
                })
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("no donation " + donationId));
        if (!"OVER_LIMIT".equals(d[0])) {
            throw new IllegalStateException("donation " + donationId + " is not over the limit (" + d[0] + ")");
        }
        long excess = (Long) d[1];
        if (decision == Decision.REFUND) {
            if (d[2] == null) {
                throw new IllegalStateException(
                        "Stripe has not yet told us the charge of donation " + donationId + "; try again shortly");
            }
            String refund = stripe.refund((String) d[2], excess, "excess-" + donationId);
            mark(donationId, "EXCESS_REFUNDED", 0, actor);
            return "refunded " + Money.dollars(excess) + " of donation " + donationId + " (Stripe refund " + refund
                    + ")";
        }
        if (!"PRIMARY".equals(d[4])) {
            throw new IllegalStateException("only a primary gift can be redesignated to the general election");
        }
        long general = ledger.aggregate((Long) d[3], "GENERAL", (Integer) d[5]);
        long limit = stripe.settings().limitPerElectionCents();
        if (general + excess > limit) {
            throw new IllegalStateException("the donor has " + Money.dollars(Math.max(0, limit - general))
                    + " left for the general election, less than the excess of " + Money.dollars(excess)
                    + ": refund instead");
        }
        mark(donationId, "REDESIGNATED", excess, actor);
        return "redesignated " + Money.dollars(excess) + " of donation " + donationId + " to the general election";
    }

    private void mark(long donationId, String status, long redesignated, String actor) {
        jdbc.sql("""
                update donation set limit_status = ?, redesignated_cents = redesignated_cents + ?, limit_decided_by = ?,
                    limit_decided_at = ? where id = ? and limit_status = 'OVER_LIMIT'
                """)
                .params(status, redesignated, actor, Timestamp.from(clock.instant()), donationId)
                .update();
    }
}
