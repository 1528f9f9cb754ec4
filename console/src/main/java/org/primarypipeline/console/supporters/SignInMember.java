package org.primarypipeline.console.supporters;

import java.util.Optional;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.supporters.MemberSessions;
import org.primarypipeline.supporters.MemberSignIns;
import org.springframework.stereotype.Service;

/**
 * A member signs in to their home page by a one-time link, and out again. The one door for the sign-in
 * pages. Requests for a link are not written to the audit log (they would tell whose address was asked
 * for, and a flood past the limits would write a row each); a sign-in and a sign-out are.
 */
@Service
public class SignInMember {

    private final MemberSignIns signIns;
    private final MemberSessions sessions;
    private final AuditLog audit;

    public SignInMember(MemberSignIns signIns, MemberSessions sessions, AuditLog audit) {
        this.signIns = signIns;
        this.sessions = sessions;
        this.audit = audit;
    }

    /** Sends a link when the address is a member's; answers the same either way. */
    public void requestLink(String address, String ip) {
        signIns.request(address, ip);
    }

    public MemberSignIns.Pending peek(String token) {
        return signIns.peek(token);
    }

    /** Spends the link and opens the session; the audit entry names the member, never the link. */
    public MemberSignIns.Opened open(String token) {
        MemberSignIns.Opened opened = signIns.exchange(token);
        if (opened.state() == MemberSignIns.State.VALID) {
            record(opened.memberId(), "member.sign-in", "signed in by a one-time link");
        }
        return opened;
    }

    /** Ends the session of this cookie's key, if it is live. */
    public void signOut(String sessionKey) {
        Optional<Long> member = sessions.end(sessionKey);
        member.ifPresent(id -> record(id, "member.sign-out", "signed out"));
    }

    private void record(long memberId, String action, String detail) {
        audit.record("member " + memberId, "MEMBER", action, Long.toString(memberId), Outcome.DONE, detail, null, null);
    }
}
