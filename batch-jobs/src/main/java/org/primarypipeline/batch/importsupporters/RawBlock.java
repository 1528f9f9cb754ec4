package org.primarypipeline.batch.importsupporters;

import java.util.List;

/**
 * Consecutive records of the file, the unit the import's step reads, processes and writes. Handing Spring
 * Batch a few hundred rows at a time instead of one keeps its per-item bookkeeping (timers, listeners,
 * retry and skip state) off the million-row path, where it cost a quarter of the job's processor time.
 */
public record RawBlock(List<RawRow> rows) {}
