package org.primarypipeline.console.users;

import java.util.Map;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.ConsoleUsers.Account;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;

/**
 * An admin disables a console account: it can no longer sign in, its open sessions end now, and its
 * command-line tokens are revoked.
 */
@Service
public class DisableAccount {

    private final ConsoleUsers users;
    private final Permissions permissions;
    private final AuditLog audit;
    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;
    private final ApiTokens tokens;

    public DisableAccount(
            ConsoleUsers users,
            Permissions permissions,
            AuditLog audit,
            ObjectProvider<FindByIndexNameSessionRepository<?>> sessions,
            ApiTokens tokens) {
        this.users = users;
        this.permissions = permissions;
        this.audit = audit;
        this.sessions = sessions;
        this.tokens = tokens;
    }

    public void perform(StaffUser who, long accountId) {
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
            audit.record(
                    who.getUsername(),
                    who.role().label(),
                    "user.disable",
                    target,
                    Outcome.REFUSED,
                    e.getMessage(),
                    null,
                    null);
            throw e;
        }
        users.setEnabled(accountId, false);
        endSessionsOf(account.username());
        int revoked = tokens.revokeAllOf(accountId);
        audit.record(
                who.getUsername(),
                who.role().label(),
                "user.disable",
                target,
                Outcome.DONE,
                account.username() + " can no longer sign in; open sessions ended"
                        + (revoked == 0 ? "" : ", " + revoked + " command-line token(s) revoked"),
                Map.of("enabled", account.enabled()),
                Map.of("enabled", false));
    }

    /**
     * Sessions are rows in PostgreSQL shared by every serve replica: deleting them ends them on all of
     * them at once (the next request with the old cookie is sent to sign in).
     */
    private void endSessionsOf(String username) {
        FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
        if (repository == null) {
            return;
        }
        repository.findByPrincipalName(username).keySet().forEach(repository::deleteById);
    }
}
