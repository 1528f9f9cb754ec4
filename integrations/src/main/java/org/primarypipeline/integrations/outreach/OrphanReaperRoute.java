package org.primarypipeline.integrations.outreach;

import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts rows back in the queue whose sender died between claiming and recording (a crash, a kill, a
 * lost database connection). Runs at start, so a restarted process picks up what the last one left,
 * once the claim timeout shows nobody is still working on them.
 */
@Component
public class OrphanReaperRoute extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanReaperRoute.class);

    private final OutboxLedger ledger;
    private final OutreachClock clock;
    private final OutreachProperties properties;

    public OrphanReaperRoute(OutboxLedger ledger, OutreachClock clock, OutreachProperties properties) {
        this.ledger = ledger;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public void configure() {
        from("scheduler:outreach-reaper?initialDelay=0&delay="
                        + properties.getReaperInterval().toMillis())
                .routeId("outreach-reaper")
                .autoStartup(properties.isAutoStart())
                .process(exchange -> {
                    int reclaimed = ledger.reclaimOrphans(clock.now().minus(properties.getClaimTimeout()));
                    if (reclaimed > 0) {
                        LOG.warn(
                                "{} outbox rows were left in SENDING past {}; queued again",
                                reclaimed,
                                properties.getClaimTimeout());
                    }
                });
    }
}
