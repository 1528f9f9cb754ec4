package org.primarypipeline.batch.importsupporters;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/** TEMPORARY: wall time per phase, summed over partitions. */
public final class PhaseTimes {
    public static final Map<String, LongAdder> NANOS = new ConcurrentSkipListMap<>();

    public static long start() {
        return System.nanoTime();
    }

    public static void add(String phase, long start) {
        NANOS.computeIfAbsent(phase, k -> new LongAdder()).add(System.nanoTime() - start);
    }

    public static String report() {
        StringBuilder b = new StringBuilder();
        NANOS.forEach((k, v) -> b.append(String.format("phase %s: %.2f s%n", k, v.sum() / 1e9)));
        NANOS.clear();
        return b.toString();
    }
}
