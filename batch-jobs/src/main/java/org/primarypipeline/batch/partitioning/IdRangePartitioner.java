package org.primarypipeline.batch.partitioning;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.support.Partitioner;
import org.springframework.batch.item.ExecutionContext;

/**
 * Splits the ids {@code min..max} (both included) into {@code gridSize} ranges of nearly equal width,
 * each partition's context holding {@value #MIN_ID} and {@value #MAX_ID}. Partition names sort in
 * range order ({@code range-000}, {@code range-001}, ...), so results kept per partition can be put
 * back in id order. No ids at all still gives one (empty) partition, so the step runs and reports.
 */
public final class IdRangePartitioner implements Partitioner {

    public static final String MIN_ID = "minId";
    public static final String MAX_ID = "maxId";

    private final long min;
    private final long max;

    /** {@code min} and {@code max} may be {@code null} (no rows): one empty range. */
    public IdRangePartitioner(Long min, Long max) {
        this.min = min == null ? 1 : min;
        this.max = max == null || min == null ? this.min - 1 : max;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> ranges = new LinkedHashMap<>();
        long ids = max - min + 1;
        if (ids <= 0) {
            ranges.put(name(0), range(min, min - 1));
            return ranges;
        }
        long parts = Math.max(1, Math.min(gridSize, ids));
        long width = ids / parts;
        long extra = ids % parts;
        long from = min;
        for (int i = 0; i < parts; i++) {
            long to = from + width - 1 + (i < extra ? 1 : 0);
            ranges.put(name(i), range(from, to));
            from = to + 1;
        }
        return ranges;
    }

    private static String name(int i) {
        return String.format("range-%03d", i);
    }

    private static ExecutionContext range(long from, long to) {
        ExecutionContext context = new ExecutionContext();
        context.putLong(MIN_ID, from);
        context.putLong(MAX_ID, to);
        return context;
    }
}
