package org.primarypipeline.console.users;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Adds a console account: by an admin, or from the command line for the first admin. (Disabling and
 * enabling are {@link DisableAccount} and {@link EnableAccount}.)
 */
@Service
public class UserAdministration {

    /** Names appear on timelines and in the four-eyes rule: short, no spaces, nothing to confuse. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,39}");

    private final ConsoleUsers users;
    private final PasswordEncoder passwords;
    private final Permissions permissions;
    private final AuditLog audit;

    public UserAdministration(ConsoleUsers users, PasswordEncoder passwords, Permissions permissions, AuditLog audit) {
        this.users = users;
        this.passwords = passwords;
        this.permissions = permissions;
        this.audit = audit;
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
        audit.record(
                actor,
                actorRole,
                "user.add",
                target,
                Outcome.DONE,
                username.trim() + " added as " + role.label(),
                null,
                Map.of("username", username.trim(), "role", role.label(), "enabled", true));
        return id;
    }
}
