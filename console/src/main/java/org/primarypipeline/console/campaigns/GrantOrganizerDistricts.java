package org.primarypipeline.console.campaigns;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.primarypipeline.campaigns.OrganizerDistricts;
import org.primarypipeline.console.audit.AuditEntry;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.ConsoleUsers;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.Role;
import org.primarypipeline.console.users.StaffUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin grants an organizer account the districts it organizes (or takes one back). Only an account
 * with the organizer role takes districts; each district must exist in the current plan.
 */
@Service
public class GrantOrganizerDistricts {

    public static class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private final ConsoleUsers users;
    private final OrganizerDistricts organizers;
    private final JdbcClient jdbc;
    private final Permissions permissions;
    private final AuditLog audit;

    public GrantOrganizerDistricts(
            ConsoleUsers users,
            OrganizerDistricts organizers,
            JdbcClient jdbc,
            Permissions permissions,
            AuditLog audit) {
        this.users = users;
        this.organizers = organizers;
        this.jdbc = jdbc;
        this.permissions = permissions;
        this.audit = audit;
    }

    /** {@code districts} as typed: "GA-01, GA-02". Returns the districts the account now organizes. */
    @Transactional
    public List<String> grant(StaffUser who, String username, String districts) {
        permissions.require(who, Right.MANAGE_USERS, "organizer.grant", username);
        StaffUser organizer = organizer(username);
        Set<String> wanted = new LinkedHashSet<>();
        for (String d : (districts == null ? "" : districts).split("[,\\s]+")) {
            if (!d.isBlank()) {
                wanted.add(d.strip().toUpperCase(Locale.ROOT));
            }
        }
        if (wanted.isEmpty()) {
            throw new Refused("name at least one district, e.g. GA-01");
        }
        List<String> unknown = new ArrayList<>();
        for (String d : wanted) {
            boolean known = jdbc.sql("""
                    select count(*) from district x join district_plan p on p.id = x.plan_id and p.is_current where x.id = ?
                    """).param(d).query(Long.class).single() > 0;
            if (!known) {
                unknown.add(d);
            }
        }
        if (!unknown.isEmpty()) {
            throw new Refused("no district " + String.join(", ", unknown) + " in the current plan");
        }
        int added = organizers.grant(organizer.id(), List.copyOf(wanted), who.getUsername());
        List<String> now = organizers.of(organizer.id());
        audit.record(
                who.getUsername(),
                who.role().label(),
                "organizer.grant",
                username,
                AuditEntry.Outcome.DONE,
                "granted " + String.join(", ", wanted) + " (" + added + " new)",
                null,
                Map.of("districts", now));
        return now;
    }

    @Transactional
    public void revoke(StaffUser who, String username, String district) {
        permissions.require(who, Right.MANAGE_USERS, "organizer.revoke", username);
        StaffUser organizer = organizer(username);
        int removed = organizers.revoke(organizer.id(), district == null ? "" : district.strip());
        audit.record(
                who.getUsername(),
                who.role().label(),
                "organizer.revoke",
                username,
                removed == 1 ? AuditEntry.Outcome.DONE : AuditEntry.Outcome.REFUSED,
                removed == 1 ? "took back " + district : "did not organize " + district,
                null,
                null);
    }

    private StaffUser organizer(String username) {
        StaffUser organizer = users.find(username == null ? "" : username.strip())
                .orElseThrow(() -> new Refused("there is no account " + username));
        if (organizer.role() != Role.ORGANIZER) {
            throw new Refused(username + " is not an organizer account; only organizers are scoped to districts");
        }
        return organizer;
    }
}
