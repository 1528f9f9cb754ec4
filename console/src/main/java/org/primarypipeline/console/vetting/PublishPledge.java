package org.primarypipeline.console.vetting;

import org.primarypipeline.console.audit.AuditEntry;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.vetting.PledgeRepository;
import org.springframework.stereotype.Service;

/**
 * Publishes a new pledge version (a signed one is never changed). The one door for the pledge page's
 * form and the API: the right to steer cycles, the new version, an audit entry done or refused.
 */
@Service
public class PublishPledge {

    private final PledgeRepository pledge;
    private final Permissions permissions;
    private final AuditLog audit;

    public PublishPledge(PledgeRepository pledge, Permissions permissions, AuditLog audit) {
        this.pledge = pledge;
        this.permissions = permissions;
        this.audit = audit;
    }

    public PledgeRepository.PledgeVersion perform(StaffUser who, String title, String principles, String body) {
        permissions.require(who, Right.STEER_CYCLES, "pledge.publish", String.valueOf(title));
        try {
            PledgeRepository.PledgeVersion v = pledge.publish(title, principles, body);
            audit.record(
                    who.getUsername(),
                    who.role().label(),
                    "pledge.publish",
                    "version " + v.version(),
                    AuditEntry.Outcome.DONE,
                    v.contentHash(),
                    null,
                    null);
            return v;
        } catch (IllegalArgumentException refused) {
            audit.record(
                    who.getUsername(),
                    who.role().label(),
                    "pledge.publish",
                    String.valueOf(title),
                    AuditEntry.Outcome.REFUSED,
                    refused.getMessage(),
                    null,
                    null);
            throw refused;
        }
    }
}
