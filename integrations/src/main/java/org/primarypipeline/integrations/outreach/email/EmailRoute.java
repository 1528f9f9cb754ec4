package org.primarypipeline.integrations.outreach.email;

import org.apache.camel.builder.RouteBuilder;
import org.primarypipeline.integrations.outreach.ChannelRoutes;
import org.primarypipeline.integrations.outreach.DeliveryGate;
import org.primarypipeline.integrations.outreach.DeliveryOutcomes;
import org.primarypipeline.integrations.outreach.OutboxClaimer;
import org.primarypipeline.integrations.outreach.OutreachExchange;
import org.primarypipeline.integrations.outreach.OutreachProperties;
import org.primarypipeline.integrations.outreach.RateLimits;
import org.primarypipeline.outreach.Channel;
import org.springframework.stereotype.Component;

/**
 * Outbox to SMTP: claim a batch of due email rows, then for each (in parallel) render, wait for a
 * rate-limit slot, check consent, send through Camel's mail component, record.
 */
@Component
public class EmailRoute extends RouteBuilder {

    private final EmailAdapter adapter;
    private final OutboxClaimer claimer;
    private final DeliveryGate gate;
    private final DeliveryOutcomes outcomes;
    private final RateLimits rates;
    private final OutreachProperties properties;

    public EmailRoute(
            EmailAdapter adapter,
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
        Channel channel = Channel.EMAIL;
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
                .otherwise()
                .to(adapter.endpointUri())
                .process(outcomes::sent)
                .end();
    }
}
