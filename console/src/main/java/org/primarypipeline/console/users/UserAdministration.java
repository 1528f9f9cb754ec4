package org.primarypipeline.console.users;

import org.primarypipeline.console.staff.Permissions;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.ConsoleUsers.Account;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Console accounts: added by an admin (or from the command line for the first admin), disabled, enabled. */
@Service
public class UserAdministration {

    /** Names appear on timelines and in the four-eyes rule: short, no spaces, nothing to confuse. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,39}");

    private final ConsoleUsers users;
    private final PasswordEncoder passwords;
    private final Permissions permissions;
    private final AuditLog audit;
    private final ObjectProvider<SessionRegistry> sessions;

    public UserAdministration(ConsoleUsers users, PasswordEncoder passwords, Permissions permissions, AuditLog audit,
                              ObjectProvider<SessionRegistry> sessions) {
        this.users = users;
        this.passwords = passwords;
        this.permissions = permissions;
        this.audit = audit;
        this.sessions = sessions;
    }

    public long add(StaffUser who, String username, Role role, char[] password) {
        permissions.require(who, Right.MANAGE_USERS, "user.add", "user " + username);
        return create(who.getUsername(), who.role().label(), username, role, password);
    }

    /**
     * The first admin has nobody to add them, so {@code pp users add} may: whoever can run it on the
     * server can read the database anyway. The audit entry names the operating-system user.
     */
    public long addFromCommandLine(String operator, String username, Role role, char[] password) {
        return create("cli:" + operator, null, username, role, password);
    }

    public void disable(StaffUser who, long accountId) {
        Account account = users.account(accountId).orElse(null);
        String target = "user " + (account == null ? "#" + accountId : account.username());
        permissions.require(who, Right.MANAGE_USERS, "user.disable", target);
        try {
            if (account == null) {
                throw new IllegalArgumentException("no account #" + accountId);
            }
            if (account.username().equalsIgnoreCase(who.getUsername())) {
                throw new IllegalArgumentException("you cannot disable your own account");
            }
            if (account.role() == Role.ADMIN && account.enabled() && users.countEnabledAdmins() <= 1) {
                throw new IllegalArgumentException("the last enabled admin cannot be disabled");
            }
        } catch (IllegalArgumentException e) {
            audit.record(who.getUsername(), who.role().label(), "user.disable", target, Outcome.REFUSED, e.getMessage(), null, null);
            throw e;
        }
        users.setEnabled(accountId, false);
        endSessionsOf(account.username());
        audit.record(who.getUsername(), who.role().label(), "user.disable", target, Outcome.DONE,
                account.username() + " can no longer sign in; open sessions ended",
                Map.of("enabled", account.enabled()), Map.of("enabled", false));
    }

    public void enable(StaffUser who, long accountId) {
        Account account = users.account(accountId).orElse(null);
        String target = "user " + (account == null ? "#" + accountId : account.username());
        permissions.require(who, Right.MANAGE_USERS, "user.enable", target);
        if (account == null) {
            audit.record(who.getUsername(), who.role().label(), "user.enable", target, Outcome.REFUSED, "no such account", null, null);
            throw new IllegalArgumentException("no account #" + accountId);
        }
        users.setEnabled(accountId, true);
        audit.record(who.getUsername(), who.role().label(), "user.enable", target, Outcome.DONE,
                account.username() + " may sign in again", Map.of("enabled", account.enabled()), Map.of("enabled", true));
    }

    private long create(String actor, String actorRole, String username, Role role, char[] password) {
        String target = "user " + username;
        try {
            if (username == null || !NAME.matcher(username.trim()).matches()) {
                throw new IllegalArgumentException("an account name is 2 to 40 letters, digits, '.', '_' or '-', "
                        + "starting with a letter or digit");
            }
            if (role == null) {
                throw new IllegalArgumentException("a role is needed: admin, staff, finance or auditor");
            }
            PasswordHashing.checkStrength(username, password);
            if (users.find(username).isPresent()) {
                throw new IllegalArgumentException("an account named " + username.trim() + " exists already");
            }
        } catch (IllegalArgumentException e) {
            audit.record(actor, actorRole, "user.add", target, Outcome.REFUSED, e.getMessage(), null, null);
            throw e;
        }
        String hash = passwords.encode(new String(password));
        Arrays.fill(password, '\0');
        long id = users.insert(username.trim(), role, hash, actor);
        audit.record(actor, actorRole, "user.add", target, Outcome.DONE, username.trim() + " added as " + role.label(),
                null, Map.of("username", username.trim(), "role", role.label(), "enabled", true));
        return id;
    }

    private void endSessionsOf(String username) {
        SessionRegistry registry = sessions.getIfAvailable();
        if (registry == null) {
            return;
        }
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof StaffUser u && u.getUsername().equalsIgnoreCase(username)) {
                registry.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
            }
        }
    }
}
