package org.primarypipeline.console.users;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in console account. Its username is the actor recorded on the timeline and in the audit
 * log, and the name the workflow's four-eyes rule compares, so two accounts are two people.
 */
public final class StaffUser implements UserDetails {

    private final long id;
    private final String username;
    private final Role role;
    private final transient String passwordHash;
    private final boolean enabled;

    public StaffUser(long id, String username, Role role, String passwordHash, boolean enabled) {
        this.id = id;
        this.username = username;
        this.role = role;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    public long id() {
        return id;
    }

    public Role role() {
        return role;
    }

    public boolean can(Right right) {
        return enabled && role.has(right);
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    // the session registry finds a person's sessions by principal, so equality is by account name
    @Override
    public boolean equals(Object other) {
        return other instanceof StaffUser u
                && u.username.toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT));
    }

    @Override
    public int hashCode() {
        return username.toLowerCase(Locale.ROOT).hashCode();
    }

    @Override
    public String toString() {
        return username + " (" + role.label() + ")";
    }
}
