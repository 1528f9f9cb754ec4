package org.primarypipeline.console.events;

import org.primarypipeline.campaigns.events.EventRecord;
import org.primarypipeline.campaigns.events.EventStore;
import org.springframework.stereotype.Component;

/** The host's own event: what the host's page and commands start from (anyone else's is "not found"). */
@Component
public class HostedEvents {

    /** Not the member's event, or no such event: the host pages answer 404 alike. */
    public static final class NotYours extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotYours() {
            super("no such event of yours");
        }
    }

    private final EventStore store;

    public HostedEvents(EventStore store) {
        this.store = store;
    }

    public EventRecord of(long memberId, long eventId) {
        return store.find(eventId).filter(e -> e.hostMemberId() == memberId).orElseThrow(NotYours::new);
    }
}
