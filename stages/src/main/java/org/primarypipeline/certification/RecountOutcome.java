package org.primarypipeline.certification;

/** Whether re-deriving the result from the raw rows gave the stored result, and if not, what differs. */
public record RecountOutcome(boolean matches, String detail) {}
