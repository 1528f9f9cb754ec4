package org.primarypipeline.console.supporters;

import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.supporters.JoinForm;
import org.primarypipeline.supporters.JoinLimited;
import org.primarypipeline.supporters.JoinRequests;
import org.springframework.stereotype.Service;

/**
 * Anyone asks to join a district group (no account: the link sent to their own email or phone is the
 * proof, see {@link JoinRequests}). The one door for the API, the command line (through the API) and the
 * members' join page. Requests refused for volume are audited; addresses are not written to the log.
 */
@Service
public class JoinDistrictGroup {

    private final JoinRequests joins;
    private final AuditLog audit;

    public JoinDistrictGroup(JoinRequests joins, AuditLog audit) {
        this.joins = joins;
        this.audit = audit;
    }

    public JoinRequests.Requested perform(JoinForm form, String ip) {
        try {
            JoinRequests.Requested requested = joins.request(form, ip);
            audit.record(
                    "public",
                    "PUBLIC",
                    "member.join.requested",
                    requested.districtId(),
                    Outcome.DONE,
                    "link to confirm sent by " + requested.channel(),
                    null,
                    null);
            return requested;
        } catch (JoinLimited limited) {
            audit.record(
                    "public",
                    "PUBLIC",
                    "member.join.requested",
                    form.district(),
                    Outcome.REFUSED,
                    limited.getMessage().replaceAll("\\S+@\\S+|\\+\\d+", "(address)"),
                    null,
                    null);
            throw limited;
        }
    }
}
