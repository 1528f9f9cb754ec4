package org.primarypipeline.console.users;

/** What a console account may do; roles are named bundles of these (see {@link Role}). */
public enum Right {
    /** Read every console page and GET endpoint: dashboard, districts, cycles, results. */
    VIEW,
    /** Launch and steer cycles: review vetting, extend, close early, recount, certify, withdraw, cancel. */
    STEER_CYCLES,
    /** Read the audit log. */
    READ_AUDIT,
    /** Read and sign off finance reports (the fundraising capability's pages). */
    SIGN_OFF_FINANCE,
    /** Add, disable and enable console accounts. */
    MANAGE_USERS,
    /**
     * Organize the campaigns of the districts the account covers ({@code organizer_district}): approve or
     * object to their events, see their campaign dashboards, message their volunteers. Nothing else.
     */
    ORGANIZE
}
