package org.primarypipeline.vetting;

import java.util.Objects;

/**
 * A staff member's decision on one candidacy, with the checklist items they ticked (null: none now).
 * Approving needs the whole checklist, given now or earlier.
 */
public record VettingDecision(
        long candidacyId, Verdict verdict, String reason, String actor, ReviewChecklist checklist) {

    public enum Verdict {
        APPROVE,
        REJECT,
        REQUEST_INFO
    }

    public VettingDecision {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(actor, "actor");
        if (verdict != Verdict.APPROVE && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a rejection or a request for information needs a reason");
        }
    }

    /** A decision without checklist ticks (a rejection, or an approval after the checklist was recorded). */
    public VettingDecision(long candidacyId, Verdict verdict, String reason, String actor) {
        this(candidacyId, verdict, reason, actor, null);
    }
}
