package org.primarypipeline.console.users;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.nominations.RefusedField;
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

    /**
     * Adds the account an admin typed in; every problem of the form is refused at once, each beside the
     * field it is about ({@link RefusedField#fields()}: username, role, password, confirm). The right is
     * checked first, so someone without it learns nothing about the names that exist.
     */
    public long add(StaffUser who, String username, String role, char[] password, char[] confirm) {
        permissions.require(who, Right.MANAGE_USERS, "user.add", "user " + username);
        return create(who.getUsername(), who.role().label(), username, role, password, confirm);
    }

    /**
     * The first admin has nobody to add them, so {@code pp users add} may: whoever can run it on the
     * server can read the database anyway. The audit entry names the operating-system user.
     */
    public long addFromCommandLine(String operator, String username, Role role, char[] password) {
        return create("cli:" + operator, null, username, role == null ? null : role.name(), password, password);
    }

    private long create(
            String actor, String actorRole, String username, String roleText, char[] password, char[] confirm) {
        String target = "user " + username;
        Map<String, String> problems = new LinkedHashMap<>();
        if (username == null || !NAME.matcher(username.trim()).matches()) {
            problems.put(
                    "username",
                    "an account name is 2 to 40 letters, digits, '.', '_' or '-', starting with a letter or digit");
        } else if (users.find(username).isPresent()) {
            problems.put("username", "an account named " + username.trim() + " exists already; choose another name");
        }
        Role role = null;
        try {
            role = Role.parse(roleText == null || roleText.isBlank() ? null : roleText);
        } catch (IllegalArgumentException e) {
            problems.put("role", "choose one of the roles: admin, staff, finance, auditor or organizer");
        }
        try {
            PasswordHashing.checkStrength(username, password);
        } catch (IllegalArgumentException e) {
            problems.put("password", e.getMessage());
        }
        if (!Arrays.equals(password, confirm)) {
            problems.put("confirm", "the two passwords differ; type the same password in both fields");
        }
        if (role == null || !problems.isEmpty()) {
            RefusedField refused = new RefusedField(problems);
            audit.record(actor, actorRole, "user.add", target, Outcome.REFUSED, refused.getMessage(), null, null);
            throw refused;
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
