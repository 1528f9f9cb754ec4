package org.primarypipeline.console.users;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * Who is signed in on the members' pages ({@code /me}): a member, by the session a one-time sign-in link
 * opened. The principal of the members' chain only ({@link MemberSecurityConfiguration}); its one
 * authority, {@link #AUTHORITY}, is no console role, and a console account's session never carries one.
 * A controller takes it as {@code @AuthenticationPrincipal SignedInMember me}.
 *
 * @param memberId the member ({@code member.id})
 * @param formKey the key every form of the session carries ({@code <input name="formKey">})
 */
public record SignedInMember(long memberId, String formKey) {

    public static final String AUTHORITY = "MEMBER";

    /** The parameter the members' forms carry their session's form key in. */
    public static final String FORM_KEY = "formKey";

    AbstractAuthenticationToken authentication() {
        return new SessionAuthentication(this, AUTHORITY);
    }
}
