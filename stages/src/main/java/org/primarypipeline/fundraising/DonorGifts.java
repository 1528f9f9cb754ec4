package org.primarypipeline.fundraising;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primarypipeline.core.money.Money;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.outreach.Outbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Donor self-service: every receipt carries a link (256 random bits, only the SHA-256 kept, good for
 * {@link #LINK_TTL}) to one contribution form. With it a monthly donor changes the amount or cancels,
 * and any donor has their receipts sent again. The link carries the token itself, not a session: each
 * action re-checks it, and a cancelled gift's link still shows the gift (cancelled) until it expires.
 */
@Service
public class DonorGifts {

    public static final Duration LINK_TTL = Duration.ofDays(30);
    public static final String RECEIPTS_TEMPLATE = "donation-receipts";

    public enum State {
        VALID,
        UNKNOWN,
        EXPIRED
    }

    /** One gift as its donor sees it. */
    public record Gift(
            long intentId,
            long fundraiserId,
            String fundraiserTitle,
            long amountCents,
            boolean monthly,
            Instant cancelledAt,
            String donorEmail,
            String subscriptionId,
            String productId) {
        public boolean cancelled() {
            return cancelledAt != null;
        }
    }

    /** A link opened: the gift, when the link is VALID. */
    public record Opened(State state, Gift gift) {}

    /** A field the donor must correct; the page puts the sentence beside it. */
    public static final class Refused extends RuntimeException {
        private final String field;
        private final String code;

        public Refused(String field, String code, String sentence) {
            super(sentence);
            this.field = field;
            this.code = code;
        }

        public String field() {
            return field;
        }

        /** Which problem, for the page's words in the donor's language. */
        public String code() {
            return code;
        }
    }

    private final JdbcClient jdbc;
    private final StripeGateway stripe;
    private final Outbox outbox;
    private final FundraisingSettings settings;
    private final Clock clock;

    @Autowired
    public DonorGifts(
            JdbcClient jdbc,
            StripeGateway stripe,
            Outbox outbox,
            FundraisingSettings settings,
            ObjectProvider<Clock> clock) {
        this(jdbc, stripe, outbox, settings, clock.getIfAvailable(Clock::systemUTC));
    }

    public DonorGifts(JdbcClient jdbc, StripeGateway stripe, Outbox outbox, FundraisingSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.stripe = stripe;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /** A fresh link for a receipt of this form; returns the token (the URL is {@link #url}). */
    public static String issueLink(JdbcClient jdbc, long intentId, Instant now) {
        String token = AnswerTokens.newToken();
        jdbc.sql("insert into gift_link (token_hash, intent_id, expires_at) values (?, ?, ?)")
                .params(AnswerTokens.hash(token), intentId, Timestamp.from(now.plus(LINK_TTL)))
                .update();
        return token;
    }

    public static String url(FundraisingSettings settings, String token) {
        return settings.publicBaseUrl() + "/fundraisers/gift/" + token;
    }

    /** What the link shows; never spends it. */
    public Opened open(String token) {
        if (token == null || token.length() > 100) {
            return new Opened(State.UNKNOWN, null);
        }
        Optional<Object[]> link = jdbc.sql("select intent_id, expires_at from gift_link where token_hash = ?")
                .param(AnswerTokens.hash(token))
                .query((rs, n) ->
                        new Object[] {rs.getLong(1), rs.getTimestamp(2).toInstant()})
                .optional();
        if (link.isEmpty()) {
            return new Opened(State.UNKNOWN, null);
        }
        if (!clock.instant().isBefore((Instant) link.get()[1])) {
            return new Opened(State.EXPIRED, null);
        }
        return new Opened(State.VALID, gift((Long) link.get()[0]));
    }

    /** The monthly amount from the next invoice on; refused beside the field when out of bounds. */
    @Transactional
    public Gift changeAmount(String token, long amountCents) {
        Gift g = valid(token);
        if (!g.monthly() || g.cancelled() || g.subscriptionId() == null) {
            throw new Refused(
                    "amount", "notRunning", "Only a monthly gift that is still running can change its amount.");
        }
        if (amountCents < ContributionForm.MINIMUM_CENTS) {
            throw new Refused("amount", "tooLow", "The amount must be at least $1.00.");
        }
        if (amountCents > settings.limitPerElectionCents()) {
            throw new Refused("amount", "tooHigh", "The amount cannot be more than the federal limit per election.");
        }
        if (amountCents == g.amountCents()) {
            return g;
        }
        stripe.changeSubscriptionAmount(g.subscriptionId(), g.productId(), amountCents);
        jdbc.sql("update contribution_intent set amount_cents = ?, amount_changed_at = ? where id = ?")
                .params(amountCents, Timestamp.from(clock.instant()), g.intentId())
                .update();
        change(g.intentId(), "AMOUNT", g.amountCents(), amountCents);
        return gift(g.intentId());
    }

    /** Ends the monthly gift; invoices Stripe dates after this are not booked. */
    @Transactional
    public Gift cancel(String token) {
        return cancel(valid(token), "DONOR");
    }

    /**
     * Finance ends a monthly gift for its donor (asked by phone or mail): the same change as the donor's
     * own, recorded as {@code cancelled_by = 'STAFF'}. The caller checks the right and audits.
     */
    @Transactional
    public Gift cancelForDonor(long fundraiserId, long intentId) {
        Optional<Gift> g = find(intentId).filter(f -> f.fundraiserId() == fundraiserId);
        if (g.isEmpty()) {
            throw new Refused("cancel", "unknown", "This fundraiser has no gift " + intentId + ".");
        }
        return cancel(g.get(), "STAFF");
    }

    private Gift cancel(Gift g, String by) {
        if (!g.monthly() || g.subscriptionId() == null) {
            throw new Refused("cancel", "oneTime", "A one-time gift has nothing to cancel.");
        }
        if (g.cancelled()) {
            return g;
        }
        stripe.cancelSubscription(g.subscriptionId());
        jdbc.sql("update contribution_intent set cancelled_at = ?, cancelled_by = ? where id = ?")
                .params(Timestamp.from(clock.instant()), by, g.intentId())
                .update();
        change(g.intentId(), "CANCEL", g.amountCents(), null);
        return gift(g.intentId());
    }

    /** Sends every receipt of this donor's gifts on this form again, in one email; returns how many. */
    @Transactional
    public int resendReceipts(String token) {
        Gift g = valid(token);
        if (g.donorEmail() == null) {
            throw new Refused("receipts", "noEmail", "We have no email address for this gift.");
        }
        List<String> rows = new ArrayList<>();
        jdbc.sql("""
                select d.id, d.amount_cents, d.paid_at from donation d
                where d.intent_id = ? and d.status = 'SUCCEEDED' order by d.paid_at
                """)
                .param(g.intentId())
                .query((rs, n) -> rs.getTimestamp(3).toInstant().toString().substring(0, 10) + "  PP-" + rs.getLong(1)
                        + "  " + Money.dollars(rs.getLong(2)))
                .list()
                .forEach(rows::add);
        long id = change(g.intentId(), "RECEIPTS", null, null);
        Map<String, Object> model = new HashMap<>();
        model.put("fundraiserTitle", g.fundraiserTitle());
        model.put("receipts", String.join("\n", rows));
        model.put("count", rows.size());
        model.put("monthly", g.monthly());
        outbox.enqueue(
                OutboundMessage.email("gift-change:" + id + ":receipts", g.donorEmail(), RECEIPTS_TEMPLATE, model)
                        .asTransactional());
        return rows.size();
    }

    private Gift valid(String token) {
        Opened o = open(token);
        if (o.state() != State.VALID) {
            throw new Refused(
                    "link", "gone", "This link has expired or is not ours: use the link in your latest receipt.");
        }
        return o.gift();
    }

    private long change(long intentId, String kind, Long oldCents, Long newCents) {
        return jdbc.sql("""
                insert into gift_change (intent_id, kind, old_cents, new_cents, at) values (?, ?, ?, ?, ?) returning id
                """)
                .params(intentId, kind, oldCents, newCents, Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
    }

    private Gift gift(long intentId) {
        return find(intentId).orElseThrow();
    }

    private Optional<Gift> find(long intentId) {
        return jdbc.sql("""
                select i.id, i.fundraiser_id, f.title, i.amount_cents, i.recurring, i.cancelled_at, o.email,
                       i.subscription_id, f.stripe_product_id
                from contribution_intent i join fundraiser f on f.id = i.fundraiser_id join donor o on o.id = i.donor_id
                where i.id = ?
                """)
                .param(intentId)
                .query((rs, n) -> new Gift(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getBoolean(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9)))
                .optional();
    }

    /** A subscription ended in Stripe itself: marked cancelled once (a donor's own cancel is kept as it is). */
    public static boolean cancelledInStripe(JdbcClient jdbc, long intentId, Instant at) {
        int changed = jdbc.sql("""
                update contribution_intent set cancelled_at = ?, cancelled_by = 'STRIPE'
                where id = ? and cancelled_at is null
                """).params(Timestamp.from(at), intentId).update();
        if (changed == 0) {
            return false;
        }
        jdbc.sql("insert into gift_change (intent_id, kind, old_cents, at) "
                        + "select id, 'CANCEL', amount_cents, ? from contribution_intent where id = ?")
                .params(Timestamp.from(at), intentId)
                .update();
        return true;
    }

    /** Whether an invoice Stripe dated {@code created} for this form comes after the donor cancelled. */
    public static boolean afterCancel(JdbcClient jdbc, long intentId, Instant created) {
        return jdbc.sql("select cancelled_at from contribution_intent where id = ?")
                .param(intentId)
                .query(Timestamp.class)
                .optional()
                .map(t -> !created.isBefore(t.toInstant()))
                .orElse(false);
    }
}
