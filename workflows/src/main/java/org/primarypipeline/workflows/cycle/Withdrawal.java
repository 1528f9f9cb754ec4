package org.primarypipeline.workflows.cycle;

/** A candidate leaving the race, as recorded by a staff member. */
public record Withdrawal(long candidacyId, String actor) {}
