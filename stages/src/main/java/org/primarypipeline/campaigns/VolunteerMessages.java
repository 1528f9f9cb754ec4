package org.primarypipeline.campaigns;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.outreach.Outbox;
import org.primarypipeline.platform.links.PublicLinks;
import org.springframework.stereotype.Component;

/**
 * A message from staff or the district's organizer to the district's volunteers, queued in the outbox
 * as a non-transactional email (template {@code organizer-message}): whoever unsubscribed is left out
 * ({@link Outbox#enqueueAll}), and the same words go once per person (the dedup key holds their digest).
 */
@Component
public class VolunteerMessages {

    public static final String TEMPLATE = "organizer-message";

    /** How many were queued (unsubscribed addresses are stored as suppressed), of how many volunteers. */
    public record Queued(int queued, int volunteers) {}

    private final CampaignDashboardData data;
    private final Outbox outbox;
    private final PublicLinks links;

    public VolunteerMessages(CampaignDashboardData data, Outbox outbox, PublicLinks links) {
        this.data = data;
        this.outbox = outbox;
        this.links = links;
    }

    public Queued send(CampaignDashboardData.Campaign c, String subject, String body, String sender) {
        String digest = digest(subject + "\n" + body);
        List<OutboundMessage> messages = new ArrayList<>();
        for (CampaignDashboardData.Volunteer v : data.volunteers(c.districtId())) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("recipientName", v.fullName());
            model.put("subject", subject);
            model.put("body", body);
            model.put("paragraphs", List.of(body.split("\\R\\s*\\R")));
            model.put("senderName", sender);
            model.put("candidateName", c.candidate());
            model.put("districtId", c.districtId());
            model.put("pageUrl", links.url("/c/" + c.cycleId()));
            model.put("locale", v.locale());
            messages.add(OutboundMessage.email(
                            "campaign:" + c.cycleId() + ":message:" + digest + ":member:" + v.memberId(),
                            v.email(),
                            TEMPLATE,
                            model)
                    .inState(c.districtId()));
        }
        return new Queued(outbox.enqueueAll(messages), messages.size());
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
