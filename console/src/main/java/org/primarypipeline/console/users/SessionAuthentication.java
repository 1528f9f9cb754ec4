package org.primarypipeline.console.users;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authentication of a session opened by a link (a member's, a guest caller's): a session, not a
 * password, so there are no credentials; the principal is who the session stands for.
 */
final class SessionAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final transient Object principal;

    SessionAuthentication(Object principal, String authority) {
        super(List.of(new SimpleGrantedAuthority(authority)));
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }
}
