package org.primarypipeline.integrations.outreach.sms;

import org.apache.camel.builder.RouteBuilder;
import org.primarypipeline.integrations.outreach.ChannelRoutes;
import org.primarypipeline.integrations.outreach.DeliveryGate;
import org.primarypipeline.integrations.outreach.DeliveryOutcomes;
import org.primarypipeline.integrations.outreach.OutboxClaimer;
import org.primarypipeline.integrations.outreach.OutreachExchange;
import org.primarypipeline.integrations.outreach.OutreachProperties;
import org.primarypipeline.integrations.outreach.RateLimits;
import org.primarypipeline.outreach.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Outbox to Twilio: claim a batch of due SMS rows (those in quiet hours go back to wait for morning),
 * then for each render, wait for a rate-limit slot, check consent and quiet hours once more, send,
 * record. Not started while Twilio is not configured: SMS rows then wait in PENDING.
 */
@Component
public class SmsRoute extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(SmsRoute.class);

    private final TwilioSmsAdapter adapter;
    private final OutboxClaimer claimer;
    private final DeliveryGate gate;
    private final DeliveryOutcomes outcomes;
    private final RateLimits rates;
    private final OutreachProperties properties;

    public SmsRoute(
            TwilioSmsAdapter adapter,
            OutboxClaimer claimer,
            DeliveryGate gate,
            DeliveryOutcomes outcomes,
            RateLimits rates,
            OutreachProperties properties) {
        this.adapter = adapter;
        this.claimer = claimer;
        this.gate = gate;
        this.outcomes = outcomes;
        this.rates = rates;
        this.properties = properties;
    }

    @Override
    public void configure() {
        Channel channel = Channel.SMS;
        if (!adapter.available()) {
            LOG.info("SMS is not configured (pp.outreach.sms.twilio.*): SMS messages wait in the outbox");
        }
        from(ChannelRoutes.pollEndpoint(channel, properties))
                .routeId(ChannelRoutes.routeId(channel))
                .autoStartup(properties.isAutoStart() && adapter.available())
                .process(claimer.claimFor(channel))
                .split(body())
                .parallelProcessing()
                .executorService(ChannelRoutes.workers(getContext(), channel, properties))
                .to(ChannelRoutes.deliverEndpoint(channel))
                .end();

        from(ChannelRoutes.deliverEndpoint(channel))
                .routeId(ChannelRoutes.routeId(channel) + "-deliver")
                .onException(Exception.class)
                .handled(true)
                .process(outcomes.failure(adapter))
                .end()
                .process(outcomes::hold)
                .process(adapter::compose)
                .process(rates.step(channel))
                .process(gate)
                .choice()
                .when(exchangeProperty(OutreachExchange.VERDICT).isEqualTo(DeliveryGate.Verdict.SUPPRESS))
                .process(outcomes::suppressed)
                .when(exchangeProperty(OutreachExchange.VERDICT).isEqualTo(DeliveryGate.Verdict.DEFER))
                .process(outcomes::deferred)
                .otherwise()
                .process(adapter::send)
                .process(outcomes::sent)
                .end();
    }
}
