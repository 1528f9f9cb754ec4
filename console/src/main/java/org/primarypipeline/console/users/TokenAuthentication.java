package org.primarypipeline.console.users;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request signed in with an API token rather than a password: the same account, roles and rights,
 * and the token's id, so that {@code pp logout} can revoke exactly the token it was sent with.
 */
public final class TokenAuthentication extends AbstractAuthenticationToken {

    private final StaffUser account;
    private final long tokenId;

    public TokenAuthentication(StaffUser account, long tokenId) {
        super(account.getAuthorities());
        this.account = account;
        this.tokenId = tokenId;
        setAuthenticated(true);
    }

    public long tokenId() {
        return tokenId;
    }

    @Override
    public StaffUser getPrincipal() {
        return account;
    }

    @Override
    public Object getCredentials() {
        return null;
    }
}
