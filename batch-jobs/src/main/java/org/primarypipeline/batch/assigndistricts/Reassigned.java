package org.primarypipeline.batch.assigndistricts;

import org.primarypipeline.core.geo.Assignment;

/** A supporter's district on the new plan, beside the one they had. */
public record Reassigned(long memberId, String before, Assignment after) {}
