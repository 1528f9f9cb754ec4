package org.primarypipeline.fundraising;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primarypipeline.campaigns.Attribution;
import org.primarypipeline.core.money.Money;
import org.primarypipeline.cycles.Durations;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.outreach.Outbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The money side of donations, written by the webhook handler inside the event's transaction.
 *
 * <p>Every fact is booked so that order and repetition do not matter: a payment is keyed by its
 * payment intent or invoice; refunds come as the charge's refunded total, which only grows, so the
 * largest figure wins and the ledger gets the difference; a dispute is two facts (opened, won), each
 * booked once by its reference. A refund or dispute reported before its payment waits in its own
 * table and is applied when the payment is booked.
 *
 * <p>After each new payment the donor's aggregate for the election is checked against the limit
 * (excess flagged for staff), the receipt is queued, and a donor missing employer or occupation is
 * sent the best-efforts request.
 */
@Component
public class DonationLedger {

    /** Federal rules give a campaign 30 days from receipt to ask for missing employer or occupation. */
    public static final Duration BEST_EFFORTS_WINDOW = Duration.ofDays(30);

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final FundraisingSettings settings;
    private final Clock clock;
    private final Duration answerTtl;

    /** What became of a best-efforts answer. */
    public enum BestEffortsAnswer {
        RECORDED,
        /** A field was empty; the link is still good. */
        INCOMPLETE,
        UNKNOWN,
        /** The link was used already: it is good once. */
        USED,
        EXPIRED
    }

    @Autowired
    public DonationLedger(
            JdbcClient jdbc,
            Outbox outbox,
            FundraisingSettings settings,
            ObjectProvider<Clock> clock,
            @Value("${pp.fundraising.best-efforts-answer-ttl:30d}") String answerTtl) {
        this(
                jdbc,
                outbox,
                settings,
                clock.getIfAvailable(Clock::systemUTC),
                Durations.parse("pp.fundraising.best-efforts-answer-ttl", answerTtl, BEST_EFFORTS_WINDOW));
    }

    public DonationLedger(JdbcClient jdbc, Outbox outbox, FundraisingSettings settings, Clock clock) {
        this(jdbc, outbox, settings, clock, BEST_EFFORTS_WINDOW);
    }

    public DonationLedger(
            JdbcClient jdbc, Outbox outbox, FundraisingSettings settings, Clock clock, Duration answerTtl) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
        this.answerTtl = answerTtl;
    }

    /** A payment Stripe says succeeded. Any of the ids may be missing; at least one of payment intent and invoice is there. */
    public record Payment(
            long intentId,
            String paymentIntentId,
            String chargeId,
            String invoiceId,
            long amountCents,
            Instant paidAt) {}

    /** Books a successful payment once; returns the donation id, or empty when the intent is not ours. */
    @Transactional
    public Optional<Long> bookPayment(Payment p) {
        var intent = jdbc.sql("""
                select i.fundraiser_id, i.donor_id, i.election, i.election_year, o.full_name, o.email
                from contribution_intent i join donor o on o.id = i.donor_id where i.id = ?
                """)
                .param(p.intentId())
                .query((rs, n) -> new Intent(
                        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6)))
                .optional();
        if (intent.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> existing = findDonation(p.paymentIntentId(), p.invoiceId(), p.chargeId());
        if (existing.isPresent()) {
            fillIds(existing.get(), p.paymentIntentId(), p.chargeId());
            applyChargeFacts(existing.get());
            return existing;
        }
        Intent i = intent.get();
        long id = jdbc.sql("""
                insert into donation (fundraiser_id, amount_cents, donor_name, donor_email, external_id, intent_id, donor_id,
                                      election, election_year, status, payment_intent_id, charge_id, invoice_id, paid_at,
                                      last_event_at, created_at)
                values (:f, :amount, :name, :email, :external, :intent, :donor, :election, :year, 'SUCCEEDED', :pi, :ch,
                        :inv, :paid, :paid, :paid)
                returning id
                """)
                .param("f", i.fundraiserId())
                .param("amount", p.amountCents())
                .param("name", i.donorName())
                .param("email", i.donorEmail())
                .param("external", p.invoiceId() != null ? p.invoiceId() : p.paymentIntentId())
                .param("intent", p.intentId())
                .param("donor", i.donorId())
                .param("election", i.election())
                .param("year", i.electionYear())
                .param("pi", p.paymentIntentId())
                .param("ch", p.chargeId())
                .param("inv", p.invoiceId())
                .param("paid", Timestamp.from(p.paidAt()))
                .query(Long.class)
                .single();
        book(
                i.fundraiserId(),
                id,
                p.chargeId(),
                "DONATION",
                p.amountCents(),
                p.paidAt(),
                "donation:" + (p.invoiceId() != null ? p.invoiceId() : p.paymentIntentId()));
        Attribution.donationBooked(jdbc, id, p.intentId());
        // every gift to a fundraiser is earmarked for its candidate: forwarded within 10 days (Conduit)
        jdbc.sql("""
                insert into earmark_forward (donation_id, fundraiser_id, received_at, due_by) values (?, ?, ?, ?)
                on conflict (donation_id) do nothing
                """)
                .params(
                        id,
                        i.fundraiserId(),
                        Timestamp.from(p.paidAt()),
                        Timestamp.from(p.paidAt().plus(Conduit.FORWARD_WITHIN)))
                .update();
        checkLimit(id);
        queueReceipt(id);
        requestBestEffortsIfMissing(id);
        applyChargeFacts(id);
        return Optional.of(id);
    }

    /** A charge became known for a payment intent (charge.succeeded): later refund and dispute events name the charge. */
    @Transactional
    public void chargeSucceeded(String paymentIntentId, String chargeId) {
        if (paymentIntentId == null || chargeId == null) {
            return;
        }
        findDonation(paymentIntentId, null, null).ifPresent(id -> {
            fillIds(id, paymentIntentId, chargeId);
            applyChargeFacts(id);
        });
    }

    /** Stripe's running total refunded on a charge (charge.refunded): only ever raises what we know. */
    @Transactional
    public void refundedTotal(String chargeId, String paymentIntentId, long refundedCents, Instant eventCreated) {
        jdbc.sql("""
                insert into charge_refund_state (charge_id, refunded_cents, event_created) values (?, ?, ?)
                on conflict (charge_id) do update set refunded_cents = excluded.refunded_cents, event_created = excluded.event_created
                where excluded.refunded_cents > charge_refund_state.refunded_cents
                """)
                .params(chargeId, refundedCents, Timestamp.from(eventCreated))
                .update();
        findDonation(paymentIntentId, null, chargeId).ifPresent(id -> {
            fillIds(id, paymentIntentId, chargeId);
            applyChargeFacts(id);
        });
    }

    /** A dispute's state (charge.dispute.*); an event older than the one already applied changes nothing. */
    @Transactional
    public void dispute(
            String disputeId, String chargeId, long amountCents, String status, String reason, Instant eventCreated) {
        boolean closed = status.equals("won") || status.equals("lost") || status.equals("warning_closed");
        jdbc.sql("""
                insert into dispute (id, charge_id, amount_cents, status, reason, closed, event_created)
                values (:id, :charge, :amount, :status, :reason, :closed, :at)
                on conflict (id) do update set status = excluded.status, reason = excluded.reason,
                    closed = excluded.closed, amount_cents = excluded.amount_cents, event_created = excluded.event_created
                where not dispute.closed and (excluded.closed or excluded.event_created >= dispute.event_created)
                """)
                .param("id", disputeId)
                .param("charge", chargeId)
                .param("amount", amountCents)
                .param("status", status)
                .param("reason", reason)
                .param("closed", closed)
                .param("at", Timestamp.from(eventCreated))
                .update();
        findDonation(null, null, chargeId).ifPresent(this::applyChargeFacts);
    }

    /** A declined payment: shown to staff on the form's record; never undoes a payment that succeeded. */
    @Transactional
    public void paymentFailed(long intentId, String message) {
        jdbc.sql("update contribution_intent set last_failure = ?, last_failure_at = ? where id = ?")
                .params(message == null ? "declined" : message, Timestamp.from(clock.instant()), intentId)
                .update();
    }

    /** The subscription a monthly form started; its invoices are the donations. */
    @Transactional
    public void subscriptionStarted(long intentId, String checkoutSessionId, String subscriptionId) {
        jdbc.sql("update contribution_intent set subscription_id = coalesce(subscription_id, ?), "
                        + "checkout_session_id = coalesce(checkout_session_id, ?) where id = ?")
                .params(subscriptionId, checkoutSessionId, intentId)
                .update();
    }

    public Optional<Long> intentOfSubscription(String subscriptionId) {
        return jdbc.sql("select id from contribution_intent where subscription_id = ?")
                .param(subscriptionId)
                .query(Long.class)
                .optional();
    }

    /**
     * Brings a donation's refunded and disputed amounts up to what Stripe has said about its charge,
     * booking each difference once.
     */
    private void applyChargeFacts(long donationId) {
        var d = jdbc.sql("select fundraiser_id, charge_id, refunded_cents from donation where id = ?")
                .param(donationId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3)})
                .single();
        String charge = (String) d[1];
        if (charge == null) {
            return;
        }
        long fundraiser = (Long) d[0];
        var state = jdbc.sql("select refunded_cents, event_created from charge_refund_state where charge_id = ?")
                .param(charge)
                .query((rs, n) ->
                        new Object[] {rs.getLong(1), rs.getTimestamp(2).toInstant()})
                .optional();
        if (state.isPresent() && (Long) state.get()[0] > (Long) d[2]) {
            long refunded = (Long) state.get()[0];
            Instant at = (Instant) state.get()[1];
            book(
                    fundraiser,
                    donationId,
                    charge,
                    "REFUND",
                    -(refunded - (Long) d[2]),
                    at,
                    "refund:" + charge + ":" + refunded);
            jdbc.sql("update donation set refunded_cents = ?, last_event_at = ? where id = ?")
                    .params(refunded, Timestamp.from(at), donationId)
                    .update();
        }
        List<Object[]> disputes = jdbc.sql(
                        "select id, amount_cents, status, event_created from dispute where charge_id = ?")
                .param(charge)
                .query((rs, n) -> new Object[] {
                    rs.getString(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant()
                })
                .list();
        long disputed = 0;
        for (Object[] dp : disputes) {
            String id = (String) dp[0];
            long amount = (Long) dp[1];
            String status = (String) dp[2];
            book(fundraiser, donationId, charge, "DISPUTE", -amount, (Instant) dp[3], "dispute:" + id + ":opened");
            if (status.equals("won") || status.equals("warning_closed")) {
                book(fundraiser, donationId, charge, "DISPUTE_WON", amount, (Instant) dp[3], "dispute:" + id + ":won");
            } else {
                disputed += amount;
            }
        }
        jdbc.sql("update donation set disputed_cents = ? where id = ?")
                .params(disputed, donationId)
                .update();
    }

    /** Books a ledger entry once; in a signed-off period it is booked now, as that period's adjustment. */
    void book(
            long fundraiserId,
            Long donationId,
            String chargeId,
            String kind,
            long amountCents,
            Instant occurredAt,
            String reference) {
        LocalDate day = occurredAt.atZone(ZoneOffset.UTC).toLocalDate();
        Optional<Long> locked =
                jdbc.sql("""
                select id from period_signoff where fundraiser_id = ? and ? between period_start and period_end
                """).params(fundraiserId, day).query(Long.class).optional();
        Instant bookedAt = locked.isPresent() ? clock.instant() : occurredAt;
        jdbc.sql("""
                insert into ledger_entry (fundraiser_id, donation_id, charge_id, kind, amount_cents, occurred_at, booked_at,
                                          adjusts_period, reference)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (reference) do nothing
                """)
                .params(
                        fundraiserId,
                        donationId,
                        chargeId,
                        kind,
                        amountCents,
                        Timestamp.from(occurredAt),
                        Timestamp.from(bookedAt),
                        locked.orElse(null),
                        reference)
                .update();
    }

    /** A donor's total for one election after refunds and redesignations, merged identities included. */
    public long aggregate(long donorId, String election, int year) {
        return jdbc.sql("""
                select coalesce(sum(case when d.election = :e then d.amount_cents - d.refunded_cents - d.redesignated_cents else 0 end), 0)
                     + case when :e = 'GENERAL' then coalesce(sum(case when d.election = 'PRIMARY' then d.redesignated_cents else 0 end), 0) else 0 end
                from donation d join donor o on o.id = d.donor_id
                where coalesce(o.merged_into, o.id) = (select coalesce(merged_into, id) from donor where id = :donor)
                  and d.election_year = :y and d.status = 'SUCCEEDED'
                """)
                .param("e", election)
                .param("donor", donorId)
                .param("y", year)
                .query(Long.class)
                .single();
    }

    /**
     * After staff merge two identities: the merged person's gifts are walked in the order they were
     * paid, per election, and those that took the total past the limit are flagged as if they had
     * come in as one person's. Returns how many were flagged.
     */
    @Transactional
    public int recheckLimits(long donorId) {
        return jdbc.sql("""
                with g as (
                    select d.id, d.amount_cents,
                           sum(d.amount_cents - d.refunded_cents - d.redesignated_cents)
                               over (partition by d.election, d.election_year order by d.paid_at, d.id) as running
                    from donation d join donor o on o.id = d.donor_id
                    where coalesce(o.merged_into, o.id) = (select coalesce(merged_into, id) from donor where id = :donor)
                      and d.status = 'SUCCEEDED'
                )
                update donation set limit_status = 'OVER_LIMIT', excess_cents = least(g.amount_cents, g.running - :limit)
                from g where donation.id = g.id and g.running > :limit and donation.limit_status = 'WITHIN'
                """)
                .param("donor", donorId)
                .param("limit", settings.limitPerElectionCents())
                .update();
    }

    private void checkLimit(long donationId) {
        var d = jdbc.sql("select donor_id, election, election_year, amount_cents from donation where id = ?")
                .param(donationId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4)})
                .single();
        long total = aggregate((Long) d[0], (String) d[1], (Integer) d[2]);
        long over = total - settings.limitPerElectionCents();
        if (over > 0) {
            jdbc.sql("update donation set limit_status = 'OVER_LIMIT', excess_cents = ? where id = ?")
                    .params(Math.min(over, (Long) d[3]), donationId)
                    .update();
        }
    }

    private void queueReceipt(long donationId) {
        Map<String, Object> m = donationModel(donationId);
        if (m.get("donorEmail") == null) {
            return;
        }
        Long intent = jdbc.sql("select intent_id from donation where id = ?")
                .param(donationId)
                .query(Long.class)
                .optional()
                .orElse(null);
        boolean linked = intent != null;
        if (linked) {
            m.put("manageUrl", DonorGifts.url(settings, DonorGifts.issueLink(jdbc, intent, clock.instant())));
        }
        OutboundMessage receipt = OutboundMessage.email(
                        "donation:" + donationId + ":receipt",
                        (String) m.get("donorEmail"),
                        "donation-receipt",
                        messageModel(m))
                .asTransactional();
        outbox.enqueue(linked ? receipt.withSecrets("manageUrl") : receipt);
    }

    private void requestBestEffortsIfMissing(long donationId) {
        Map<String, Object> m = donationModel(donationId);
        boolean missingEmployer = m.get("employerRaw") == null;
        boolean missingOccupation = m.get("occupationRaw") == null;
        if (!missingEmployer && !missingOccupation) {
            return;
        }
        long donor = (Long) m.get("donorId");
        Instant paid = (Instant) m.get("paidAt");
        Instant now = clock.instant();
        String token = AnswerTokens.newToken();
        int added = jdbc.sql("""
                insert into best_efforts_request (donor_id, donation_id, due_by, requested_at, answer_token_hash,
                                                  answer_expires_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (donor_id) do nothing
                """)
                .params(
                        donor,
                        donationId,
                        Timestamp.from(paid.plus(BEST_EFFORTS_WINDOW)),
                        Timestamp.from(now),
                        AnswerTokens.hash(token),
                        Timestamp.from(now.plus(answerTtl)))
                .update();
        if (added == 0 || m.get("donorEmail") == null) {
            return;
        }
        Map<String, Object> model = new HashMap<>(m);
        model.put(
                "missing",
                missingEmployer && missingOccupation
                        ? "employer and occupation"
                        : missingEmployer ? "employer" : "occupation");
        model.put("answerUrl", settings.publicBaseUrl() + "/fundraisers/best-efforts/" + token);
        outbox.enqueue(OutboundMessage.email(
                        "donor:" + donor + ":best-efforts",
                        (String) m.get("donorEmail"),
                        "best-efforts-request",
                        messageModel(model))
                .asTransactional()
                .withSecrets("answerUrl"));
    }

    /** The outbox stores models as plain JSON: text, numbers and flags only, no nulls. */
    private static Map<String, Object> messageModel(Map<String, Object> m) {
        Map<String, Object> out = new HashMap<>();
        m.forEach((k, v) -> {
            if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                out.put(k, v);
            }
        });
        out.remove("donorId");
        out.remove("employerRaw");
        out.remove("occupationRaw");
        return out;
    }

    /** Whether this best-efforts link can still be answered (UNKNOWN, USED, EXPIRED or INCOMPLETE: not yet answered). */
    public BestEffortsAnswer bestEffortsLink(String token) {
        return linkState(token, false).answer();
    }

    /**
     * The donor answers the best-efforts request; their later reports carry it. The link is good once and
     * until it expires ({@code pp.fundraising.best-efforts-answer-ttl}, 30 days by default).
     */
    @Transactional
    public BestEffortsAnswer answerBestEfforts(String token, String employer, String occupation) {
        LinkState link = linkState(token, true);
        if (link.answer() != BestEffortsAnswer.INCOMPLETE) {
            return link.answer();
        }
        if (ContributionForm.blank(employer) || ContributionForm.blank(occupation)) {
            return BestEffortsAnswer.INCOMPLETE;
        }
        jdbc.sql("update donor set employer = ?, occupation = ?, updated_at = now() where id = ?")
                .params(employer.trim(), occupation.trim(), link.donorId())
                .update();
        jdbc.sql("update best_efforts_request set answered_at = ? where donor_id = ? and answered_at is null")
                .params(Timestamp.from(clock.instant()), link.donorId())
                .update();
        return BestEffortsAnswer.RECORDED;
    }

    private record LinkState(BestEffortsAnswer answer, long donorId) {}

    /** INCOMPLETE here means "open": the link is known, unused and in time. */
    private LinkState linkState(String token, boolean lock) {
        record Row(long donorId, boolean answered, Instant expiresAt) {}
        Optional<Row> row = token == null || token.length() > 100
                ? Optional.empty()
                : jdbc.sql("select donor_id, answered_at is not null, answer_expires_at from best_efforts_request "
                                + "where answer_token_hash = ?" + (lock ? " for update" : ""))
                        .param(AnswerTokens.hash(token))
                        .query((rs, n) -> new Row(
                                rs.getLong(1),
                                rs.getBoolean(2),
                                rs.getTimestamp(3).toInstant()))
                        .optional();
        if (row.isEmpty()) {
            return new LinkState(BestEffortsAnswer.UNKNOWN, 0);
        }
        Row r = row.get();
        if (r.answered()) {
            return new LinkState(BestEffortsAnswer.USED, r.donorId());
        }
        if (!clock.instant().isBefore(r.expiresAt())) {
            return new LinkState(BestEffortsAnswer.EXPIRED, r.donorId());
        }
        return new LinkState(BestEffortsAnswer.INCOMPLETE, r.donorId());
    }

    private Map<String, Object> donationModel(long donationId) {
        return jdbc.sql("""
                select d.amount_cents, d.paid_at, d.election, d.election_year, d.donor_id, o.full_name, o.email,
                       o.address_line1, o.address_line2, o.city, o.state, o.zip, o.employer, o.occupation,
                       f.title, f.committee_name, f.committee_fec_id, i.recurring
                from donation d join donor o on o.id = d.donor_id join fundraiser f on f.id = d.fundraiser_id
                left join contribution_intent i on i.id = d.intent_id
                where d.id = ?
                """)
                .param(donationId)
                .query((rs, n) -> {
                    Map<String, Object> m = new HashMap<>();
                    Instant paid = rs.getTimestamp("paid_at").toInstant();
                    m.put("donorId", rs.getLong("donor_id"));
                    m.put("paidAt", paid);
                    m.put("amount", Money.dollars(rs.getLong("amount_cents")));
                    m.put("date", paid.atZone(ZoneOffset.UTC).toLocalDate().toString());
                    m.put("election", rs.getString("election").toLowerCase(java.util.Locale.ROOT));
                    m.put("electionYear", rs.getInt("election_year"));
                    m.put("donorName", rs.getString("full_name"));
                    m.put("donorEmail", rs.getString("email"));
                    String line2 = rs.getString("address_line2");
                    m.put(
                            "address",
                            rs.getString("address_line1") + (line2 == null ? "" : ", " + line2) + ", "
                                    + rs.getString("city") + ", " + rs.getString("state") + " " + rs.getString("zip"));
                    m.put("employerRaw", rs.getString("employer"));
                    m.put("occupationRaw", rs.getString("occupation"));
                    m.put("employer", rs.getString("employer") == null ? "(not given)" : rs.getString("employer"));
                    m.put(
                            "occupation",
                            rs.getString("occupation") == null ? "(not given)" : rs.getString("occupation"));
                    m.put("fundraiserTitle", rs.getString("title"));
                    m.put(
                            "committeeName",
                            rs.getString("committee_name") == null
                                    ? rs.getString("title")
                                    : rs.getString("committee_name"));
                    m.put("committeeFecId", rs.getString("committee_fec_id"));
                    m.put("recurring", rs.getBoolean("recurring"));
                    m.put("receiptNumber", "PP-" + donationId);
                    m.put("limit", Money.dollars(settings.limitPerElectionCents()));
                    return m;
                })
                .single();
    }

    private Optional<Long> findDonation(String paymentIntentId, String invoiceId, String chargeId) {
        return jdbc.sql("""
                select id from donation where (payment_intent_id = :pi) or (invoice_id = :inv) or (charge_id = :ch)
                order by id limit 1
                """)
                .param("pi", paymentIntentId)
                .param("inv", invoiceId)
                .param("ch", chargeId)
                .query(Long.class)
                .optional();
    }

    private void fillIds(long donationId, String paymentIntentId, String chargeId) {
        jdbc.sql("""
                update donation set payment_intent_id = coalesce(payment_intent_id, :pi), charge_id = coalesce(charge_id, :ch)
                where id = :id
                """)
                .param("pi", paymentIntentId)
                .param("ch", chargeId)
                .param("id", donationId)
                .update();
        if (chargeId != null) {
            jdbc.sql("update ledger_entry set charge_id = :ch where donation_id = :id and charge_id is null")
                    .param("ch", chargeId)
                    .param("id", donationId)
                    .update();
        }
    }

    private record Intent(
            long fundraiserId, long donorId, String election, int electionYear, String donorName, String donorEmail) {}
}
