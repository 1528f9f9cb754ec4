package org.primarypipeline.console.audit;

import java.time.Instant;

/** One line of the audit log as the console shows it; before and after are JSON text (or null). */
public record AuditEntry(
        long id,
        Instant at,
        String actor,
        String actorRole,
        String action,
        String target,
        Outcome outcome,
        String detail,
        String before,
        String after,
        String remoteAddr) {

    public enum Outcome {
        /** The action was carried out. */
        DONE,
        /** Allowed for this role, but refused by the cycle's rules (wrong stage, four eyes, bad input). */
        REFUSED,
        /** The account's role has no right to this action (HTTP 403), or a sign-in failed. */
        DENIED
    }
}
