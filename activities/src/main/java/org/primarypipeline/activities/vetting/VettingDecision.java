package org.primarypipeline.activities.vetting;

import java.util.Objects;

/** A staff member's decision on one candidacy. */
public record VettingDecision(long candidacyId, Verdict verdict, String reason, String actor) {

    public enum Verdict { APPROVE, REJECT, REQUEST_INFO }

    public VettingDecision {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(actor, "actor");
        if (verdict != Verdict.APPROVE && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a rejection or a request for information needs a reason");
        }
    }
}
