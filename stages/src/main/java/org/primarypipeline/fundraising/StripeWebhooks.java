package org.primarypipeline.fundraising;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stripe's webhook events: the signature checked with stripe-java against the endpoint secret (and a
 * five-minute tolerance, so a captured request replayed later is refused), then each event applied
 * once. The event id is written in the same transaction as its effect: a duplicate delivery finds the
 * id taken and changes nothing, and an effect that fails rolls the id back so Stripe's retry applies it.
 *
 * <p>The object is read from the payload as JSON rather than through stripe-java's typed models, so
 * that an endpoint pinned to another API version than this library still reads the fields we use.
 */
@Component
public class StripeWebhooks {

    public static final long TOLERANCE_SECONDS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final DonationLedger ledger;
    private final FundraisingSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;

    @Autowired
    public StripeWebhooks(
            JdbcClient jdbc,
            DonationLedger ledger,
            FundraisingSettings settings,
            PlatformTransactionManager transactions,
            ObjectProvider<Clock> clock) {
        this(jdbc, ledger, settings, transactions, clock.getIfAvailable(Clock::systemUTC));
    }

    public StripeWebhooks(
            JdbcClient jdbc,
            DonationLedger ledger,
            FundraisingSettings settings,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.settings = settings;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public enum Outcome {
        /** Applied now. */
        APPLIED,
        /** Seen before: nothing changed. */
        DUPLICATE,
        /** Verified and recorded, but of a kind (or about an object) we do not book. */
        IGNORED
    }

    /** The request is not from Stripe (bad or missing signature, or too old): answer 400. */
    public static final class RejectedException extends RuntimeException {
        public RejectedException(String message) {
            super(message);
        }
    }

    public Outcome receive(String payload, String signatureHeader) {
        if (settings.webhookSecret().isEmpty()) {
            throw new RejectedException("webhooks are off until pp.stripe.webhook-secret is configured");
        }
        try {
            Webhook.Signature.verifyHeader(
                    payload,
                    signatureHeader == null ? "" : signatureHeader,
                    settings.webhookSecret(),
                    TOLERANCE_SECONDS,
                    clock);
        } catch (SignatureVerificationException e) {
            throw new RejectedException("signature refused: " + e.getMessage());
        }
        JsonNode event;
        try {
            event = JSON.readTree(payload);
        } catch (IOException e) {
            throw new RejectedException("not JSON");
        }
        String id = event.path("id").asText("");
        String type = event.path("type").asText("");
        if (!id.startsWith("evt_") || type.isEmpty()) {
            throw new RejectedException("not a Stripe event");
        }
        Instant created = Instant.ofEpochSecond(
                event.path("created").asLong(clock.instant().getEpochSecond()));
        JsonNode object = event.path("data").path("object");
        return tx.execute(s -> {
            int fresh = jdbc.sql("""
                    insert into stripe_event (id, type, created, received_at, outcome) values (?, ?, ?, ?, 'RECEIVED')
                    on conflict (id) do nothing
                    """)
                    .params(id, type, Timestamp.from(created), Timestamp.from(clock.instant()))
                    .update();
            if (fresh == 0) {
                return Outcome.DUPLICATE;
            }
            Outcome outcome = apply(type, object, created) ? Outcome.APPLIED : Outcome.IGNORED;
            jdbc.sql("update stripe_event set outcome = ? where id = ?")
                    .params(outcome.name(), id)
                    .update();
            return outcome;
        });
    }

    private boolean apply(String type, JsonNode o, Instant created) {
        switch (type) {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded" -> {
                Long intent = intentOf(o);
                if (intent == null) {
                    return false;
                }
                if ("subscription".equals(o.path("mode").asText())) {
                    ledger.subscriptionStarted(intent, o.path("id").asText(), text(o, "subscription"));
                    return true;
                }
                if (!"paid".equals(o.path("payment_status").asText())) {
                    return false; // an async method (bank debit) still pending: its success comes as its own event
                }
                return ledger.bookPayment(new DonationLedger.Payment(
                                intent,
                                text(o, "payment_intent"),
                                null,
                                null,
                                o.path("amount_total").asLong(),
                                created))
                        .isPresent();
            }
            case "payment_intent.succeeded" -> {
                Long intent = intentOf(o);
                if (intent == null) {
                    return false; // an invoice's payment intent: booked from invoice.paid
                }
                return ledger.bookPayment(new DonationLedger.Payment(
                                intent,
                                text(o, "id"),
                                text(o, "latest_charge"),
                                null,
                                o.path("amount_received")
                                        .asLong(o.path("amount").asLong()),
                                created))
                        .isPresent();
            }
            case "invoice.paid", "invoice.payment_succeeded" -> {
                Long intent = invoiceIntent(o);
                if (intent == null || o.path("amount_paid").asLong() <= 0) {
                    return false;
                }
                if (DonorGifts.afterCancel(jdbc, intent, created)) {
                    return false; // the donor cancelled before Stripe dated this invoice: never booked
                }
                return ledger.bookPayment(new DonationLedger.Payment(
                                intent,
                                invoicePaymentIntent(o),
                                text(o, "charge"),
                                text(o, "id"),
                                o.path("amount_paid").asLong(),
                                created))
                        .isPresent();
            }
            case "payment_intent.payment_failed", "checkout.session.async_payment_failed" -> {
                Long intent = intentOf(o);
                if (intent == null) {
                    return false;
                }
                ledger.paymentFailed(
                        intent, o.path("last_payment_error").path("message").asText("payment failed"));
                return true;
            }
            case "customer.subscription.deleted" -> {
                // cancelled in Stripe's dashboard (or the echo of a donor's own cancel, which stays as it was)
                String subscription = text(o, "id");
                Long intent = subscription == null
                        ? null
                        : ledger.intentOfSubscription(subscription).orElse(null);
                return intent != null && DonorGifts.cancelledInStripe(jdbc, intent, created);
            }
            case "invoice.payment_failed" -> {
                Long intent = invoiceIntent(o);
                if (intent == null) {
                    return false;
                }
                ledger.paymentFailed(intent, "monthly payment failed for invoice " + text(o, "id"));
                return true;
            }
            case "charge.succeeded" -> {
                ledger.chargeSucceeded(text(o, "payment_intent"), text(o, "id"));
                return true;
            }
            case "charge.refunded" -> {
                ledger.refundedTotal(
                        text(o, "id"),
                        text(o, "payment_intent"),
                        o.path("amount_refunded").asLong(),
                        created);
                return true;
            }
            case "charge.dispute.created",
                    "charge.dispute.updated",
                    "charge.dispute.closed",
                    "charge.dispute.funds_withdrawn",
                    "charge.dispute.funds_reinstated" -> {
                ledger.dispute(
                        text(o, "id"),
                        text(o, "charge"),
                        o.path("amount").asLong(),
                        o.path("status").asText(""),
                        text(o, "reason"),
                        created);
                return true;
            }
            case "payout.created", "payout.updated", "payout.paid", "payout.failed", "payout.canceled" -> {
                jdbc.sql("""
                        insert into stripe_payout (id, amount_cents, status, arrival_date, created, event_created, pulled_at)
                        values (:id, :amount, :status, :arrival, :created, :event, :now)
                        on conflict (id) do update set status = excluded.status, amount_cents = excluded.amount_cents,
                            arrival_date = excluded.arrival_date, event_created = excluded.event_created
                        where stripe_payout.event_created is null or excluded.event_created >= stripe_payout.event_created
                        """)
                        .param("id", text(o, "id"))
                        .param("amount", o.path("amount").asLong())
                        .param("status", o.path("status").asText(""))
                        .param(
                                "arrival",
                                o.hasNonNull("arrival_date")
                                        ? Timestamp.from(Instant.ofEpochSecond(
                                                o.path("arrival_date").asLong()))
                                        : null)
                        .param(
                                "created",
                                Timestamp.from(
                                        Instant.ofEpochSecond(o.path("created").asLong(created.getEpochSecond()))))
                        .param("event", Timestamp.from(created))
                        .param("now", Timestamp.from(clock.instant()))
                        .update();
                return true;
            }
            case "account.updated" -> {
                // a committee's connected account (Connect event): onboarding finished, payouts enabled
                new Committees(jdbc, clock)
                        .accountUpdated(
                                text(o, "id"),
                                o.path("details_submitted").asBoolean(),
                                o.path("charges_enabled").asBoolean(),
                                o.path("payouts_enabled").asBoolean());
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static Long intentOf(JsonNode o) {
        String v = o.path("metadata").path("pp_intent_id").asText("");
        if (v.isEmpty()) {
            v = o.path("client_reference_id").asText("");
        }
        return v.matches("[0-9]{1,18}") ? Long.valueOf(v) : null;
    }

    /** The form behind an invoice: the subscription's metadata (where each API version puts it), or the subscription id. */
    private Long invoiceIntent(JsonNode o) {
        for (JsonNode meta : new JsonNode[] {
            o.path("parent").path("subscription_details").path("metadata"),
            o.path("subscription_details").path("metadata")
        }) {
            String v = meta.path("pp_intent_id").asText("");
            if (v.matches("[0-9]{1,18}")) {
                return Long.valueOf(v);
            }
        }
        String subscription = text(o.path("parent").path("subscription_details"), "subscription");
        if (subscription == null) {
            subscription = text(o, "subscription");
        }
        return subscription == null
                ? null
                : ledger.intentOfSubscription(subscription).orElse(null);
    }

    private static String invoicePaymentIntent(JsonNode o) {
        String pi = text(o, "payment_intent");
        if (pi != null) {
            return pi;
        }
        for (JsonNode p : o.path("payments").path("data")) {
            String v = text(p.path("payment"), "payment_intent");
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.path(field);
        if (v.isTextual()) {
            return v.asText();
        }
        // an expanded object in place of its id
        return v.isObject() && v.path("id").isTextual() ? v.path("id").asText() : null;
    }
}
