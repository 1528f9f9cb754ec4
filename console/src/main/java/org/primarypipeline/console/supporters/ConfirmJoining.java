package org.primarypipeline.console.supporters;

import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.supporters.JoinRequests;
import org.springframework.stereotype.Service;

/**
 * A person follows the link they were sent and becomes a member of the group (moving from any other).
 * The link is the only authority; the audit entry names the member and the groups, never the token.
 */
@Service
public class ConfirmJoining {

    private final JoinRequests joins;
    private final AuditLog audit;

    public ConfirmJoining(JoinRequests joins, AuditLog audit) {
        this.joins = joins;
        this.audit = audit;
    }

    public JoinRequests.Pending peek(String token) {
        return joins.peek(token);
    }

    public JoinRequests.Confirmation perform(String token) {
        JoinRequests.Confirmation done = joins.confirm(token);
        if (done.state() == JoinRequests.State.VALID) {
            audit.record(
                    "member " + done.memberId(),
                    "MEMBER",
                    "member.join.confirmed",
                    Long.toString(done.memberId()),
                    Outcome.DONE,
                    "joined " + done.districtId() + " by the link sent to them"
                            + (done.leftDistrictId() == null ? "" : "; left " + done.leftDistrictId()),
                    null,
                    null);
        }
        return done;
    }
}
