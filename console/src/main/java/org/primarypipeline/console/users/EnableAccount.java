package org.primarypipeline.console.users;

import java.util.Map;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.ConsoleUsers.Account;
import org.springframework.stereotype.Service;

/** An admin enables a disabled console account again. */
@Service
public class EnableAccount {

    private final ConsoleUsers users;
    private final Permissions permissions;
    private final AuditLog audit;

    public EnableAccount(ConsoleUsers users, Permissions permissions, AuditLog audit) {
        this.users = users;
        this.permissions = permissions;
        this.audit = audit;
    }

    public void perform(StaffUser who, long accountId) {
        Account account = users.account(accountId).orElse(null);
        String target = "user " + (account == null ? "#" + accountId : account.username());
        permissions.require(who, Right.MANAGE_USERS, "user.enable", target);
        if (account == null) {
            audit.record(
                    who.getUsername(),
                    who.role().label(),
                    "user.enable",
                    target,
                    Outcome.REFUSED,
                    "no such account",
                    null,
                    null);
            throw new IllegalArgumentException("no account #" + accountId);
        }
        users.setEnabled(accountId, true);
        audit.record(
                who.getUsername(),
                who.role().label(),
                "user.enable",
                target,
                Outcome.DONE,
                account.username() + " may sign in again",
                Map.of("enabled", account.enabled()),
                Map.of("enabled", true));
    }
}
