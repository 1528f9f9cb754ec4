package org.primarypipeline.batch.importsupporters;

import org.primarypipeline.core.geo.Assignment;
import org.primarypipeline.core.supporter.SupporterRecord;

/** A valid row with the district the precedence gave it on the import's plan. */
public record ImportRow(SupporterRecord supporter, Assignment assignment) {}
