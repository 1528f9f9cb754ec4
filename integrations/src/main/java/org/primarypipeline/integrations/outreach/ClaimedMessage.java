package org.primarypipeline.integrations.outreach;

import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.primarypipeline.outreach.Channel;

/** An outbox row a sender has claimed (status SENDING); {@code attempts} counts this attempt. */
public record ClaimedMessage(
        long id,
        String dedupKey,
        Channel channel,
        String recipient,
        String template,
        Map<String, Object> model,
        boolean transactional,
        ZoneId recipientZone,
        int attempts,
        UUID unsubscribeToken) {}
