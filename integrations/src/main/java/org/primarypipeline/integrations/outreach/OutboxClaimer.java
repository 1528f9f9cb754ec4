package org.primarypipeline.integrations.outreach;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.primarypipeline.outreach.Channel;
import org.springframework.stereotype.Component;

/**
 * The first step of each channel's route: claims a batch of due rows and hands on the ones that may go
 * now. SMS rows claimed in their recipient's quiet hours are put back until morning in one update per
 * wake-up time, rather than each taking a rate-limit slot only to be deferred.
 */
@Component
public class OutboxClaimer {

    private final OutboxLedger ledger;
    private final QuietHours quietHours;
    private final OutreachClock clock;
    private final SenderIdentity sender;
    private final int batchSize;

    public OutboxClaimer(
            OutboxLedger ledger,
            QuietHours quietHours,
            OutreachClock clock,
            SenderIdentity sender,
            OutreachProperties properties) {
        this.ledger = ledger;
        this.quietHours = quietHours;
        this.clock = clock;
        this.sender = sender;
        this.batchSize = properties.getBatchSize();
    }

    public Processor claimFor(Channel channel) {
        return exchange -> claim(channel, exchange);
    }

    private void claim(Channel channel, Exchange exchange) {
        Instant now = clock.now();
        List<ClaimedMessage> claimed = ledger.claim(channel, batchSize, now, sender.id());
        List<ClaimedMessage> sendable = channel == Channel.SMS ? outsideQuietHours(claimed, now) : claimed;
        exchange.getIn().setBody(sendable);
        // tells the greedy scheduler whether to claim again at once or to wait a poll interval
        exchange.setProperty(Exchange.SCHEDULER_POLLED_MESSAGES, !claimed.isEmpty());
    }

    private List<ClaimedMessage> outsideQuietHours(List<ClaimedMessage> claimed, Instant now) {
        List<ClaimedMessage> sendable = new ArrayList<>(claimed.size());
        Map<Instant, List<Long>> heldUntil = new TreeMap<>();
        for (ClaimedMessage message : claimed) {
            Instant allowed = quietHours.nextAllowed(now, message.recipientZone());
            if (allowed.isAfter(now)) {
                heldUntil.computeIfAbsent(allowed, at -> new ArrayList<>()).add(message.id());
            } else {
                sendable.add(message);
            }
        }
        heldUntil.forEach((until, ids) -> ledger.defer(ids, until, "quiet hours in the recipient's time zone"));
        return sendable;
    }
}
