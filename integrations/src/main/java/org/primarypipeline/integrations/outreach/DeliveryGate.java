package org.primarypipeline.integrations.outreach;

import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.outreach.ConsentRegistry;
import org.springframework.stereotype.Component;

/**
 * The last look before a message leaves, after any wait for a rate-limit slot: a STOP or unsubscribe
 * that arrived while the message sat in a claimed batch still stops it, and an SMS whose batch ran
 * into the recipient's quiet hours waits for morning.
 */
@Component
public class DeliveryGate implements Processor {

    public enum Verdict {
        SEND,
        SUPPRESS,
        DEFER
    }

    private final ConsentRegistry consent;
    private final QuietHours quietHours;
    private final OutreachClock clock;

    public DeliveryGate(ConsentRegistry consent, QuietHours quietHours, OutreachClock clock) {
        this.consent = consent;
        this.quietHours = quietHours;
        this.clock = clock;
    }

    public Verdict verdict(ClaimedMessage message, Instant now) {
        if (!consent.allows(message.channel(), message.recipient(), message.transactional())) {
            return Verdict.SUPPRESS;
        }
        if (message.channel() == Channel.SMS && quietHours.isQuiet(now, message.recipientZone())) {
            return Verdict.DEFER;
        }
        return Verdict.SEND;
    }

    @Override
    public void process(Exchange exchange) {
        ClaimedMessage message = exchange.getProperty(OutreachExchange.MESSAGE, ClaimedMessage.class);
        exchange.setProperty(OutreachExchange.VERDICT, verdict(message, clock.now()));
    }
}
