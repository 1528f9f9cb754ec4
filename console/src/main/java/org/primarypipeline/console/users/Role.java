package org.primarypipeline.console.users;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The five kinds of console account. Each person has exactly one, so who may do what is read off one
 * column and one table (this enum), which is also what docs/console.md prints.
 */
public enum Role {
    ADMIN(
            "admin",
            "national staff lead: everything staff do, plus accounts",
            EnumSet.of(Right.VIEW, Right.STEER_CYCLES, Right.READ_AUDIT, Right.SIGN_OFF_FINANCE, Right.MANAGE_USERS)),
    STAFF(
            "staff",
            "national staff: launch and steer cycles, certify results",
            EnumSet.of(Right.VIEW, Right.STEER_CYCLES, Right.READ_AUDIT)),
    FINANCE(
            "finance",
            "finance volunteers: read cycles and fundraisers, sign off finance reports",
            EnumSet.of(Right.VIEW, Right.SIGN_OFF_FINANCE)),
    AUDITOR(
            "auditor",
            "read everything, the audit log included; change nothing",
            EnumSet.of(Right.VIEW, Right.READ_AUDIT)),
    ORGANIZER(
            "organizer",
            "a district's field organizer: approve or object to its events, see its campaign dashboard, message its"
                    + " volunteers; only in the districts an admin granted",
            EnumSet.of(Right.ORGANIZE));

    private final String label;
    private final String description;
    private final Set<Right> rights;

    Role(String label, String description, Set<Right> rights) {
        this.label = label;
        this.description = description;
        this.rights = rights;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public boolean has(Right right) {
        return rights.contains(right);
    }

    /** Spring Security authority, e.g. {@code ROLE_STAFF}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Role parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a role is needed: admin, staff, finance, auditor or organizer");
        }
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(r -> r.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown role '" + text + "': admin, staff, finance, auditor or organizer"));
    }
}
