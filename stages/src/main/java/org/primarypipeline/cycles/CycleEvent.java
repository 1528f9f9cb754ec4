package org.primarypipeline.cycles;

import java.time.Instant;

/** One line of a cycle's timeline: what happened, in which stage, who did it. */
public record CycleEvent(long id, Instant at, String stage, String kind, String detail, String actor) {}
