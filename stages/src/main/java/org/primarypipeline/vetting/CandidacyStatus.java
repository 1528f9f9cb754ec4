package org.primarypipeline.vetting;

/** Where a candidacy stands in vetting. */
public enum CandidacyStatus {
    INVITED,
    ACCEPTED,
    INFO_REQUESTED,
    APPROVED,
    REJECTED,
    WITHDRAWN
}
