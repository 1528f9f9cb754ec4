package org.primarypipeline.console.contacts;

import org.primarypipeline.console.users.GuestCaller;
import org.primarypipeline.console.users.SignedInMember;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who is calling from the phone bank: a member signed in on the members' pages, or a guest caller by a
 * one-time event link (no member; their session's id and the name the host gave them go on each call).
 *
 * @param key the caller's name on leases and attempts ({@code member:{id}} or {@code guest:{session}})
 */
record Caller(String key, Long memberId, Long guestSessionId, String guestName, String formKey) {

    /** The principal of the members' chain, for a page of campaign {@code cycleId}. */
    static Caller of(Object principal, String cycleId) {
        if (principal instanceof SignedInMember me) {
            return new Caller("member:" + me.memberId(), me.memberId(), null, null, me.formKey());
        }
        if (principal instanceof GuestCaller guest && guest.cycleId().equals(cycleId)) {
            return new Caller("guest:" + guest.sessionId(), null, guest.sessionId(), guest.name(), guest.formKey());
        }
        throw new AccessDeniedException("not a caller of this campaign");
    }

    boolean member() {
        return memberId != null;
    }
}
