package org.primarypipeline.console.users;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

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

    Authentication authentication() {
        return new Authentication(this);
    }

    /** The members' chain's authentication: a session, not a password, so there are no credentials. */
    static final class Authentication extends AbstractAuthenticationToken {

        private static final long serialVersionUID = 1L;

        private final transient SignedInMember member;

        Authentication(SignedInMember member) {
            super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
            this.member = member;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return member;
        }
    }
}
