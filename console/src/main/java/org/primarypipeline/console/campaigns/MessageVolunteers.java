package org.primarypipeline.console.campaigns;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primarypipeline.campaigns.CampaignDashboardData;
import org.primarypipeline.console.audit.AuditEntry;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.outreach.Outbox;
import org.primarypipeline.platform.links.PublicLinks;
import org.springframework.stereotype.Service;

/**
 * Staff, or the district's organizer, write to the district's volunteers. Through the outbox, as a
 * non-transactional message: whoever unsubscribed gets nothing ({@link Outbox#enqueueAll} leaves them
 * out). The same words sent twice go once per person (the dedup key holds their digest).
 */
@Service
public class MessageVolunteers {

    static final String TEMPLATE = "organizer-message";
    static final int MAX_BODY = 4000;

    public static class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private final CampaignDashboardData data;
    private final CampaignAccess access;
    private final Outbox outbox;
    private final PublicLinks links;
    private final AuditLog audit;

    public MessageVolunteers(
            CampaignDashboardData data, CampaignAccess access, Outbox outbox, PublicLinks links, AuditLog audit) {
        this.data = data;
        this.access = access;
        this.outbox = outbox;
        this.links = links;
        this.audit = audit;
    }

    /** Queues the message; returns how many volunteers it was queued for. */
    public int perform(StaffUser who, String cycleId, String subject, String body) {
        String district = data.districtOf(cycleId).orElse(null);
        access.require(who, Right.STEER_CYCLES, "campaign.message", cycleId, district);
        CampaignDashboardData.Campaign c =
                data.campaign(cycleId).orElseThrow(() -> new Refused("there is no campaign for " + cycleId));
        String s = subject == null ? "" : subject.strip();
        String b = body == null ? "" : body.strip();
        if (s.isEmpty() || s.length() > 150) {
            throw new Refused("a subject of 1 to 150 characters is needed");
        }
        if (b.isEmpty() || b.length() > MAX_BODY) {
            throw new Refused("a message of 1 to " + MAX_BODY + " characters is needed");
        }
        String digest = digest(s + "\n" + b);
        List<OutboundMessage> messages = new ArrayList<>();
        for (CampaignDashboardData.Volunteer v : data.volunteers(c.districtId())) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("recipientName", v.fullName());
            model.put("subject", s);
            model.put("body", b);
            model.put("paragraphs", List.of(b.split("\\R\\s*\\R")));
            model.put("senderName", who.getUsername());
            model.put("candidateName", c.candidate());
            model.put("districtId", c.districtId());
            model.put("pageUrl", links.url("/c/" + cycleId));
            model.put("locale", v.locale());
            messages.add(OutboundMessage.email(
                            "campaign:" + cycleId + ":message:" + digest + ":member:" + v.memberId(),
                            v.email(),
                            TEMPLATE,
                            model)
                    .inState(c.districtId()));
        }
        int queued = outbox.enqueueAll(messages);
        audit.record(
                who.getUsername(),
                who.role().label(),
                "campaign.message",
                cycleId,
                AuditEntry.Outcome.DONE,
                "queued \"" + s + "\" for " + queued + " of " + messages.size() + " volunteers",
                null,
                null);
        return queued;
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
