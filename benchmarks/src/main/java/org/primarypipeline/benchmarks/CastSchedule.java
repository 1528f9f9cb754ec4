package org.primarypipeline.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Queue;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop schedule of ballots: the i-th is due at {@code start + i / rate}, whoever is still
 * waiting for an answer, and its latency is counted from that due time, not from when it was sent, so
 * a queue building up in the app (or in this process) shows in the figures instead of slowing the
 * offered rate down (no coordinated omission). Each ballot is cast by a member drawn at random with a
 * fresh ranking (a member drawn again changes their ballot); a share of them is posted twice at once, as
 * a double-click does.
 */
final class CastSchedule {

    /** A ballot the app answered 200 to: who, what, and the receipt the page showed. */
    record Confirmed(long memberId, List<Long> ranking, long seq, String code) {}

    /** What one step of the schedule gave. */
    record Outcome(
            int rate,
            int sent,
            int doubles,
            double p50Ms,
            double p99Ms,
            int errors,
            int processedTwice,
            int differentReceipts,
            List<Confirmed> confirmed,
            List<String> errorSamples) {

        boolean healthy(double p99TargetMs) {
            return errors == 0 && p99Ms < p99TargetMs;
        }
    }

    private final List<BallotVoter> voters;
    private final Random random;
    private final double doubleShare;

    CastSchedule(List<BallotVoter> voters, long seed, double doubleShare) {
        this.voters = voters;
        this.random = new Random(seed);
        this.doubleShare = doubleShare;
    }

    /** Offers {@code rate} ballots a second for {@code seconds}, then waits for every answer. */
    Outcome run(int rate, double seconds) {
        int total = (int) Math.round(rate * seconds);
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        Queue<Long> latencies = new ConcurrentLinkedQueue<>();
        Queue<Confirmed> confirmed = new ConcurrentLinkedQueue<>();
        Queue<String> errors = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<?>> pending = new ArrayList<>(total);
        // every post that stored a ballot (member, receipt number), and the double submits whose two posts both did
        Queue<long[]> stored = new ConcurrentLinkedQueue<>();
        Queue<long[]> bothStored = new ConcurrentLinkedQueue<>();
        AtomicInteger differentReceipts = new AtomicInteger();
        int doubles = 0;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            BallotVoter voter = voters.get(random.nextInt(voters.size()));
            List<Long> ranking = ranking(voter.nominees());
            boolean doubled = random.nextDouble() < doubleShare;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            List<CompletableFuture<BallotVoter.Answer>> posts = new ArrayList<>(2);
            for (int copy = 0; copy < (doubled ? 2 : 1); copy++) {
                posts.add(voter.rank(ranking).whenComplete((answer, failure) -> {
                    latencies.add(System.nanoTime() - due);
                    if (failure != null) {
                        errors.add(failure.toString());
                    } else if (answer.status() != 200 || answer.code() == null) {
                        errors.add("member " + voter.memberId + ": HTTP " + answer.status()
                                + (answer.status() == 200 ? " without a receipt" : ""));
                    } else {
                        if (answer.stored()) {
                            stored.add(new long[] {voter.memberId, answer.seq()});
                        }
                        confirmed.add(new Confirmed(voter.memberId, ranking, answer.seq(), answer.code()));
                    }
                }));
            }
            if (doubled) {
                doubles++;
                CompletableFuture<BallotVoter.Answer> first = posts.get(0);
                CompletableFuture<BallotVoter.Answer> second = posts.get(1);
                // a double submit is processed once: one of the two posts stores the ballot, the other gets
                // the stored receipt back without a secret. Whether a post stored a ballot is what the server
                // says (the secret), not the receipt numbers: another ballot of the same member may land between
                // the two posts (the member is drawn again), and then the second answer shows that ballot's
                // receipt, or, when that ballot ranks differently, the second post is a change of ballot again
                pending.add(CompletableFuture.allOf(first, second).handle((ignored, failure) -> {
                    if (failure == null
                            && first.join().stored()
                            && second.join().stored()) {
                        long a = first.join().seq();
                        long b = second.join().seq();
                        bothStored.add(new long[] {voter.memberId, Math.min(a, b), Math.max(a, b)});
                    }
                    if (failure == null
                            && first.join().code() != null
                            && second.join().code() != null
                            && first.join().seq() != second.join().seq()) {
                        // what was counted as "processed twice" before #18's correction: shown beside it
                        differentReceipts.incrementAndGet();
                    }
                    return null;
                }));
            } else {
                pending.add(posts.get(0).handle((answer, failure) -> null));
            }
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        if (!confirmed.isEmpty() && stored.isEmpty()) {
            // the count of double submits stored twice rests on the secret the page shows a stored ballot with
            throw new IllegalStateException(
                    "no answer showed a ballot's secret: the ballot page changed, and stored ballots cannot be told apart");
        }
        int twice = processedTwice(stored, bothStored);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        List<String> samples = errors.stream().limit(5).toList();
        return new Outcome(
                rate,
                sorted.length,
                doubles,
                percentileMs(sorted, 0.50),
                percentileMs(sorted, 0.99),
                errors.size() + twice,
                twice,
                differentReceipts.get(),
                List.copyOf(confirmed),
                samples);
    }

    /**
     * Double submits whose two posts were stored as two ballots in a row of their member's ballots: the
     * same form processed twice. When another ballot of the member was stored between the two (an answer
     * showing its secret, with a receipt number between theirs), the second post changed the member's
     * ballot back, which is what the member's last click asked for: not counted.
     */
    static int processedTwice(Iterable<long[]> stored, Iterable<long[]> bothStored) {
        Map<Long, NavigableSet<Long>> byMember = new HashMap<>();
        for (long[] s : stored) {
            byMember.computeIfAbsent(s[0], m -> new TreeSet<>()).add(s[1]);
        }
        int twice = 0;
        for (long[] d : bothStored) {
            if (byMember.getOrDefault(d[0], new TreeSet<>())
                    .subSet(d[1], false, d[2], false)
                    .isEmpty()) {
                twice++;
            }
        }
        return twice;
    }

    /** One to five nominees in a random order. */
    private List<Long> ranking(List<Long> nominees) {
        List<Long> shuffled = new ArrayList<>(nominees);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, 1 + random.nextInt(Math.min(5, shuffled.size()))));
    }

    /** Nearest rank. */
    private static double percentileMs(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sortedNanos.length);
        return sortedNanos[Math.max(0, rank - 1)] / 1e6;
    }
}
