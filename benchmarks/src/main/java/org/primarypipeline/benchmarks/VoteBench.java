package org.primarypipeline.benchmarks;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;
import org.primarypipeline.core.vote.IndexedVoteInput;
import org.primarypipeline.core.vote.VoteCount;
import org.primarypipeline.core.vote.VoteResult;
import org.primarypipeline.core.vote.VoteScenario;
import picocli.CommandLine.Command;

/**
 * Times a national-scale count: a million members naming 3 proxies on average, a quarter voting, dead
 * ends and closed and leaking cycles, 10 nominees. Generating the electorate is not timed; resolving the
 * flow, weighing the ballots and the IRV count (with its runner-up count) are.
 *
 * <p>Heap: after generation the heap is collected and every heap pool's peak is reset; after the count
 * the pools' peaks are added up. That is the most the heap held at any moment of the count (input and
 * not-yet-collected garbage included), and an upper bound on it, since pools may peak at different times.
 * No Spring, no database: {@code pp bench vote} prints {@code vote.seconds} and {@code vote.heap_mb}.
 */
@Command(name = "vote", description = "Time resolving the flow and the IRV count for 1,000,000 members.")
public final class VoteBench implements Runnable {

    static final int MEMBERS = 1_000_000;
    static final double AVG_PROXIES = 3.0;
    static final double VOTING_SHARE = 0.25;
    static final int NOMINEES = 10;

    @Override
    public void run() {
        run(System.out);
    }

    static void run(PrintStream out) {
        IndexedVoteInput warmUp = VoteScenario.generate(MEMBERS / 10, AVG_PROXIES, VOTING_SHARE, NOMINEES, 1L);
        for (int i = 0; i < 3; i++) {
            consume(VoteCount.count(warmUp));
        }
        warmUp = null;
        IndexedVoteInput input = VoteScenario.generate(MEMBERS, AVG_PROXIES, VOTING_SHARE, NOMINEES, 2026L);

        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid())
                .toList();
        System.gc();
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);

        long started = System.nanoTime();
        VoteResult result = VoteCount.count(input);
        long elapsed = System.nanoTime() - started;

        long peakBytes = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            peakBytes += pool.getPeakUsage().getUsed();
        }
        consume(result);
        out.println(String.format(Locale.ROOT, "vote.seconds: %.3f s", elapsed / 1e9));
        out.println(String.format(Locale.ROOT, "vote.heap_mb: %.1f MB", peakBytes / (1024.0 * 1024.0)));
    }

    private static void consume(VoteResult result) {
        if (result.winner() == null && result.rounds().isEmpty()) {
            throw new IllegalStateException("count produced nothing");
        }
    }
}
