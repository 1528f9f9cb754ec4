package org.primarypipeline.console.users;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A guest caller at a phone-bank event, signed in by a one-time event link: no member (a guest never votes),
 * a session of its own ({@code caller_session}) that the members' chain lets reach only the call page of
 * its campaign ({@code /me/call/{cycleId}}). Its one authority, {@link #AUTHORITY}, opens nothing else.
 *
 * @param sessionId the guest's session ({@code caller_session.id}), recorded on each call
 * @param cycleId the campaign whose call page the session opens
 * @param name the name the event's host gave the guest
 * @param formKey the key the call page's forms carry
 */
public record GuestCaller(long sessionId, String cycleId, String name, String formKey) {

    public static final String AUTHORITY = "GUEST_CALLER";

    /** The cookie of a guest's session, scoped to the campaign's call page. */
    public static final String COOKIE = "pp_caller";

    /** The only pages the session opens. */
    public boolean opens(String path) {
        String page = "/me/call/" + cycleId;
        return path.equals(page) || path.startsWith(page + "/");
    }

    AbstractAuthenticationToken authentication() {
        return new SessionAuthentication(this, AUTHORITY);
    }
}
