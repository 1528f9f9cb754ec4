package org.primarypipeline.console.campaigns;

import org.primarypipeline.campaigns.CampaignDashboardData;
import org.primarypipeline.campaigns.VolunteerMessages;
import org.primarypipeline.console.audit.AuditEntry;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.springframework.stereotype.Service;

/**
 * Staff, or the district's organizer, write to the district's volunteers: checked here, queued by
 * {@link VolunteerMessages} through the outbox (consent respected), audited.
 */
@Service
public class MessageVolunteers {

    static final int MAX_BODY = 4000;

    public static class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private final CampaignDashboardData data;
    private final CampaignAccess access;
    private final VolunteerMessages messages;
    private final AuditLog audit;

    public MessageVolunteers(
            CampaignDashboardData data, CampaignAccess access, VolunteerMessages messages, AuditLog audit) {
        this.data = data;
        this.access = access;
        this.messages = messages;
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
        VolunteerMessages.Queued queued = messages.send(c, s, b, who.getUsername());
        audit.record(
                who.getUsername(),
                who.role().label(),
                "campaign.message",
                cycleId,
                AuditEntry.Outcome.DONE,
                "queued \"" + s + "\" for " + queued.queued() + " of " + queued.volunteers() + " volunteers",
                null,
                null);
        return queued.queued();
    }
}
