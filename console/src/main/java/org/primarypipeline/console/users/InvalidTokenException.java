package org.primarypipeline.console.users;

import org.springframework.security.core.AuthenticationException;

/** A bearer token that signs nobody in: never issued, revoked, or its account disabled. */
public class InvalidTokenException extends AuthenticationException {

    public InvalidTokenException() {
        super("the token is unknown or revoked, or its account is disabled: sign in again with pp login");
    }
}
