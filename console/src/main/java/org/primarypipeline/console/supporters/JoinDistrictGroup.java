package org.primarypipeline.console.supporters;

import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.supporters.JoinForm;
import org.primarypipeline.supporters.JoinRequests;
import org.springframework.stereotype.Service;

/**
 * Anyone asks to join a district group (no account: the link sent to their own email or phone is the
 * proof, see {@link JoinRequests}). The one door for the API, the command line (through the API) and the
 * members' join page. Addresses are not written to the log.
 */
@Service
public class JoinDistrictGroup {

    private final JoinRequests joins;
    private final AuditLog audit;

    public JoinDistrictGroup(JoinRequests joins, AuditLog audit) {
        this.joins = joins;
        this.audit = audit;
    }

    /**
     * Requests refused for volume are not written to the audit log: a flood past the limits would
     * otherwise write a row per request, the very load the limits are there to keep off the database;
     * nor are bots' requests, which sent nothing.
     */
    public JoinRequests.Requested perform(JoinForm form, String ip) {
        return perform(form, ip, JoinRequests.Consent.NOT_ASKED);
    }

    /** The join page's request, with the person's consent per channel (recorded once the link is followed). */
    public JoinRequests.Requested perform(JoinForm form, String ip, JoinRequests.Consent consent) {
        JoinRequests.Requested requested = joins.request(form, ip, consent);
        if (!requested.sent()) {
            return requested;
        }
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
    }
}
