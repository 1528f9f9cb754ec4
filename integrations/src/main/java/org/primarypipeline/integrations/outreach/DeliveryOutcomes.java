package org.primarypipeline.integrations.outreach;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The last step of each delivery: writes down what became of the message. */
@Component
public class DeliveryOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryOutcomes.class);

    private final OutboxLedger ledger;
    private final RetryPolicy retry;
    private final QuietHours quietHours;
    private final OutreachClock clock;

    public DeliveryOutcomes(OutboxLedger ledger, RetryPolicy retry, QuietHours quietHours, OutreachClock clock) {
        this.ledger = ledger;
        this.retry = retry;
        this.quietHours = quietHours;
        this.clock = clock;
    }

    /** The first step of delivery: keeps the claimed row at hand while the body becomes the rendered message. */
    public void hold(Exchange exchange) {
        exchange.setProperty(OutreachExchange.MESSAGE, exchange.getIn().getBody(ClaimedMessage.class));
    }

    /** Runs right after the provider accepted the message. */
    public void sent(Exchange exchange) {
        exchange.setProperty(OutreachExchange.HANDED_OVER, true);
        ledger.sent(
                message(exchange).id(),
                exchange.getProperty(OutreachExchange.MESSAGE_ID, String.class),
                exchange.getProperty(OutreachExchange.PROVIDER_ID, String.class),
                clock.now());
    }

    public void suppressed(Exchange exchange) {
        ledger.suppress(message(exchange).id(), "recipient opted out before the message was sent");
    }

    public void deferred(Exchange exchange) {
        ClaimedMessage message = message(exchange);
        ledger.defer(
                java.util.List.of(message.id()),
                quietHours.nextAllowed(clock.now(), message.recipientZone()),
                "quiet hours in the recipient's time zone");
    }

    /** The error handler of a delivery route: retry later, or dead-letter with the reason. */
    public Processor failure(ChannelAdapter adapter) {
        return exchange -> {
            Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
            ClaimedMessage message = message(exchange);
            if (message == null) {
                LOG.error("{} delivery failed before a message was at hand", adapter.channel(), failure);
                return;
            }
            if (exchange.getProperty(OutreachExchange.HANDED_OVER, false, Boolean.class)) {
                recordSentAfterAll(exchange, message, failure);
                return;
            }
            DeliveryFailure verdict = adapter.classify(failure);
            if (verdict.permanent()) {
                LOG.warn(
                        "outbox {} ({} to {}) dead: {}",
                        message.id(),
                        message.template(),
                        adapter.provider(),
                        verdict.reason());
                ledger.deadLetter(message.id(), verdict.reason(), clock.now());
                return;
            }
            retry.nextAttempt(message.attempts(), clock.now())
                    .ifPresentOrElse(at -> ledger.retryLater(message.id(), at, verdict.reason()), () -> {
                        String reason = "gave up after " + message.attempts() + " attempts; last: " + verdict.reason();
                        LOG.warn("outbox {} ({}) dead: {}", message.id(), message.template(), reason);
                        ledger.deadLetter(message.id(), reason, clock.now());
                    });
        };
    }

    /**
     * The message went out but writing that down failed (the database went away). Scheduling a retry
     * would send it again in seconds; instead the write is tried once more, and if that fails too the
     * row stays SENDING, to be sent again only after the claim timeout (for SMS, long after Twilio's
     * status callback has had the chance to settle it).
     */
    private void recordSentAfterAll(Exchange exchange, ClaimedMessage message, Throwable failure) {
        try {
            sent(exchange);
        } catch (RuntimeException again) {
            again.addSuppressed(failure);
            LOG.error("outbox {} was sent but cannot be recorded; left in SENDING for the reaper", message.id(), again);
        }
    }

    private static ClaimedMessage message(Exchange exchange) {
        return exchange.getProperty(OutreachExchange.MESSAGE, ClaimedMessage.class);
    }
}
