package org.primarypipeline.fundraising;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primarypipeline.core.money.Money;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.outreach.Outbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The organization as a conduit (11 CFR 110.6): every gift to a fundraiser is earmarked for its
 * candidate and forwarded to the candidate's committee within 10 days of receipt.
 *
 * <p><b>Separate charges and transfers, not destination charges.</b> Donors give from the day the
 * fundraiser launches, usually before the committee has a Stripe account at all, so the charge is
 * made on the organization's account; once the committee is connected each gift goes as its own
 * transfer (tied to its charge with {@code source_transaction}, keyed by the donation). A transfer
 * per gift is also what the earmark report lists, and a refund or dispute of that gift reverses that
 * transfer.
 *
 * <p>Each step is idempotent, so {@link #sweep} can be run by a timer, a retry, or by hand: the
 * transfer key is the donation's, the reversal key names the total reversed, and the escalation is
 * marked sent in the same statement that picks it.
 */
@Component
public class Conduit {

    /** 11 CFR 110.6(b)(1)(iii): forward within 10 days of receipt. */
    public static final Duration FORWARD_WITHIN = Duration.ofDays(10);
    /** Finance is warned this long before a gift's deadline if it has not gone. */
    public static final Duration ESCALATE_BEFORE = Duration.ofDays(3);
    /** Transfers per sweep, so one activity stays well inside its timeout; the clock sweeps again at once when full. */
    public static final int FORWARDS_PER_SWEEP = 200;

    private final JdbcClient jdbc;
    private final Committees committees;
    private final StripeGateway stripe;
    private final Outbox outbox;
    private final Clock clock;
    private final String financeEmail;

    @Autowired
    public Conduit(
            JdbcClient jdbc,
            Committees committees,
            StripeGateway stripe,
            Outbox outbox,
            ObjectProvider<Clock> clock,
            @Value("${pp.fundraising.finance-email:finance@localhost}") String financeEmail) {
        this(jdbc, committees, stripe, outbox, clock.getIfAvailable(Clock::systemUTC), financeEmail);
    }

    public Conduit(
            JdbcClient jdbc,
            Committees committees,
            StripeGateway stripe,
            Outbox outbox,
            Clock clock,
            String financeEmail) {
        this.jdbc = jdbc;
        this.committees = committees;
        this.stripe = stripe;
        this.outbox = outbox;
        this.clock = clock;
        this.financeEmail = financeEmail;
    }

    /** What one sweep did. */
    public record Sweep(int forwarded, int reversed, int escalated, Optional<Instant> nextDeadlineWarning) {}

    /**
     * Creates the committee's connected account once (recorded details needed) and returns a fresh
     * onboarding link to send to the committee's treasurer.
     */
    public String onboardingLink(long fundraiserId) {
        Committees.Committee c = committees
                .find(fundraiserId)
                .orElseThrow(() -> new IllegalArgumentException("no fundraiser " + fundraiserId));
        if (!c.recorded()) {
            throw new IllegalStateException(
                    "record the committee's name and FEC id before connecting its Stripe account");
        }
        String account = c.accountId();
        if (account == null) {
            account = stripe.createConnectedAccount(fundraiserId, c.name(), c.fecId());
            committees.accountCreated(fundraiserId, account);
            account = committees.find(fundraiserId).orElseThrow().accountId();
        }
        String page = stripe.settings().publicBaseUrl() + "/finance/fundraisers/" + fundraiserId + "/committee";
        return stripe.onboardingLink(account, page + "?onboarding=again", page + "?onboarding=back");
    }

    /** Asks Stripe where the committee's account stands (the return from onboarding, or a button). */
    public Committees.Committee refresh(long fundraiserId) {
        Committees.Committee c = committees
                .find(fundraiserId)
                .orElseThrow(() -> new IllegalArgumentException("no fundraiser " + fundraiserId));
        if (c.accountId() != null) {
            StripeGateway.AccountStatus s = stripe.account(c.accountId());
            committees.accountUpdated(s.id(), s.detailsSubmitted(), s.chargesEnabled(), s.payoutsEnabled());
        }
        return committees.find(fundraiserId).orElseThrow();
    }

    /** Forwards what is held, reverses what was refunded or disputed, warns finance of deadlines near. */
    public Sweep sweep(long fundraiserId) {
        Optional<Committees.Committee> c = committees.find(fundraiserId);
        int forwarded = 0;
        int reversed = 0;
        if (c.isPresent() && c.get().connected()) {
            forwarded = forwardHeld(fundraiserId, c.get().accountId());
            reversed = reverseTaken(fundraiserId);
        }
        int escalated = escalate(fundraiserId);
        Optional<Instant> next = jdbc.sql("""
                select min(e.due_by) from earmark_forward e join donation d on d.id = e.donation_id
                where e.fundraiser_id = ? and e.transfer_id is null and e.escalated_at is null
                  and d.amount_cents - d.refunded_cents - d.disputed_cents > 0
                """)
                .param(fundraiserId)
                .query((rs, n) -> rs.getTimestamp(1) == null
                        ? null
                        : rs.getTimestamp(1).toInstant().minus(ESCALATE_BEFORE))
                .optional();
        return new Sweep(forwarded, reversed, escalated, next);
    }

    private int forwardHeld(long fundraiserId, String account) {
        List<Object[]> held = jdbc.sql("""
                select d.id, d.amount_cents - d.refunded_cents - d.disputed_cents, d.charge_id
                from earmark_forward e join donation d on d.id = e.donation_id
                where e.fundraiser_id = ? and e.transfer_id is null and d.charge_id is not null
                  and d.amount_cents - d.refunded_cents - d.disputed_cents > 0
                order by e.due_by limit %d
                """.formatted(FORWARDS_PER_SWEEP))
                .param(fundraiserId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)})
                .list();
        int done = 0;
        for (Object[] h : held) {
            long donation = (Long) h[0];
            long cents = (Long) h[1];
            String transfer = stripe.transfer(donation, fundraiserId, account, cents, (String) h[2]);
            done += jdbc.sql("""
                    update earmark_forward set transfer_id = ?, transfer_cents = ?, account_id = ?, forwarded_at = ?
                    where donation_id = ? and transfer_id is null
                    """)
                    .params(transfer, cents, account, Timestamp.from(clock.instant()), donation)
                    .update();
        }
        return done;
    }

    private int reverseTaken(long fundraiserId) {
        List<Object[]> taken = jdbc.sql("""
                select e.donation_id, e.transfer_id, e.reversed_cents,
                       least(e.transfer_cents, greatest(0, e.transfer_cents - (d.amount_cents - d.refunded_cents - d.disputed_cents)))
                from earmark_forward e join donation d on d.id = e.donation_id
                where e.fundraiser_id = ? and e.transfer_id is not null
                  and e.reversed_cents < least(e.transfer_cents,
                        greatest(0, e.transfer_cents - (d.amount_cents - d.refunded_cents - d.disputed_cents)))
                """)
                .param(fundraiserId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)})
                .list();
        int done = 0;
        for (Object[] t : taken) {
            long already = (Long) t[2];
            long target = (Long) t[3];
            stripe.reverseTransfer((String) t[1], target - already, target);
            done += jdbc.sql(
                            "update earmark_forward set reversed_cents = ? where donation_id = ? and reversed_cents < ?")
                    .params(target, t[0], target)
                    .update();
        }
        return done;
    }

    private int escalate(long fundraiserId) {
        Instant now = clock.instant();
        List<Object[]> due = jdbc.sql("""
                update earmark_forward e set escalated_at = :now
                from donation d
                where d.id = e.donation_id and d.amount_cents - d.refunded_cents - d.disputed_cents > 0
                  and e.fundraiser_id = :f and e.transfer_id is null and e.escalated_at is null
                  and e.due_by - interval '3 days' <= :now
                returning e.donation_id, e.due_by
                """)
                .param("now", Timestamp.from(now))
                .param("f", fundraiserId)
                .query((rs, n) ->
                        new Object[] {rs.getLong(1), rs.getTimestamp(2).toInstant()})
                .list();
        if (due.isEmpty()) {
            return 0;
        }
        Instant earliest =
                due.stream().map(d -> (Instant) d[1]).min(Instant::compareTo).orElseThrow();
        long first = due.stream().mapToLong(d -> (Long) d[0]).min().orElseThrow();
        long cents = jdbc.sql(
                        "select coalesce(sum(amount_cents - refunded_cents - disputed_cents), 0) from donation "
                                + "where id in (select donation_id from earmark_forward where fundraiser_id = ? and escalated_at = ?)")
                .params(fundraiserId, Timestamp.from(now))
                .query(Long.class)
                .single();
        Map<String, Object> model = new HashMap<>();
        model.put("fundraiserId", fundraiserId);
        model.put("gifts", due.size());
        model.put("amount", Money.dollars(cents));
        model.put("deadline", earliest.toString().substring(0, 10));
        model.put(
                "committeeUrl",
                stripe.settings().publicBaseUrl() + "/finance/fundraisers/" + fundraiserId + "/committee");
        outbox.enqueue(OutboundMessage.email(
                        "fundraiser:" + fundraiserId + ":forward-deadline:" + first,
                        financeEmail,
                        "conduit-deadline",
                        model)
                .asTransactional());
        return due.size();
    }

    /** A gift waiting to be forwarded, for the finance page. */
    public record Held(
            long donationId, String donorName, long cents, Instant receivedAt, Instant dueBy, boolean escalated) {
        public String amount() {
            return Money.dollars(cents);
        }

        public long daysLeft(Instant now) {
            return Math.floorDiv(Duration.between(now, dueBy).toHours(), 24);
        }
    }

    public List<Held> held(long fundraiserId) {
        return jdbc.sql("""
                select d.id, d.donor_name, d.amount_cents - d.refunded_cents - d.disputed_cents, e.received_at, e.due_by,
                       e.escalated_at is not null
                from earmark_forward e join donation d on d.id = e.donation_id
                where e.fundraiser_id = ? and e.transfer_id is null
                  and d.amount_cents - d.refunded_cents - d.disputed_cents > 0
                order by e.due_by, d.id limit 200
                """)
                .param(fundraiserId)
                .query((rs, n) -> new Held(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant(),
                        rs.getBoolean(6)))
                .list();
    }
}
