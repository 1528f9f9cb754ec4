package org.primarypipeline.activities.outbox;

import java.util.Map;
import java.util.Objects;

/**
 * A message to send, written to the outbox in the same transaction as the state change that caused
 * it. The deduplication key names the step and recipient (e.g. {@code cycle:TX-07/1:voting-open:member:42}),
 * so a retried activity or handler cannot create a second message.
 */
public record OutboundMessage(String dedupKey, Channel channel, String recipient, String template,
                              Map<String, Object> model) {

    public OutboundMessage {
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(template, "template");
        model = model == null ? Map.of() : Map.copyOf(model);
    }
}
