package org.primarypipeline.integrations.outreach.email;

import org.apache.camel.builder.RouteBuilder;
import org.primarypipeline.integrations.outreach.OutreachProperties;
import org.springframework.stereotype.Component;

/** Reads the unsubscribe mailbox (IMAP) and records each request in the consent registry. */
@Component
public class UnsubscribeMailboxRoute extends RouteBuilder {

    private final UnsubscribeMailbox mailbox;
    private final OutreachProperties properties;

    public UnsubscribeMailboxRoute(UnsubscribeMailbox mailbox, OutreachProperties properties) {
        this.mailbox = mailbox;
        this.properties = properties;
    }

    @Override
    public void configure() {
        if (!mailbox.available()) {
            return;
        }
        from(mailbox.endpointUri())
                .routeId("outreach-unsubscribe-mailbox")
                .autoStartup(properties.isAutoStart())
                .process(mailbox::handle);
    }
}
