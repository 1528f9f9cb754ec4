package org.primarypipeline.vetting;

/** The cycle's moments every candidate on the ballot hears about, each once. */
public enum CandidateStep {
    /** The nomination window closed with them on the ballot. */
    ON_BALLOT,
    /** Members can vote now. */
    VOTING_OPEN,
    /** The count is in: who won. */
    RESULT
}
