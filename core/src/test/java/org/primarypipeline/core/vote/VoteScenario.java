package org.primarypipeline.core.vote;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic electorates shaped like a national organisation's: members in local chapters who mostly name
 * proxies they know in their chapter and sometimes a prominent member (who usually votes), some who name
 * no one (dead ends when they stay home), and small knots of non-voters who name only each other (closed
 * cycles). Leaking cycles arise on their own inside chapters. Same arguments, same electorate.
 */
public final class VoteScenario {

    private static final int CHAPTER_SIZE = 40;
    private static final double PROMINENT_SHARE = 0.01;
    private static final double PROMINENT_VOTING = 0.8;
    private static final double SHARE_TO_PROMINENT = 0.3;
    private static final double NAMES_NO_ONE = 0.08;
    /** Chance a member starts a knot of 2 to 4 non-voters naming only each other; about 1% end up in one. */
    private static final double KNOT_START = 0.0033;

    private VoteScenario() {}

    /**
     * @param members electorate size
     * @param avgProxies mean proxies named per member (at most 10 each)
     * @param votingShare expected share of members casting a ballot
     * @param nominees ballot size; names {@code nominee-01} and up
     */
    public static IndexedVoteInput generate(
            int members, double avgProxies, double votingShare, int nominees, long seed) {
        if (members < 2
                || nominees < 1
                || avgProxies < 0
                || avgProxies > IndexedVoteInput.MAX_PROXIES
                || votingShare < 0
                || votingShare > 1) {
            throw new IllegalArgumentException("scenario out of range");
        }
        SplittableRandom random = new SplittableRandom(seed);
        int n = members;
        int[] knot = knots(n, random); // first member of the member's knot, or -1
        int[] knotSize = new int[n];
        int knotted = 0;
        for (int m = 0; m < n; m++) {
            if (knot[m] >= 0) {
                knotSize[knot[m]]++;
                knotted++;
            }
        }

        boolean[] prominent = new boolean[n];
        List<Integer> prominentList = new ArrayList<>();
        for (int m = 0; m < n; m++) {
            if (knot[m] < 0 && random.nextDouble() < PROMINENT_SHARE) {
                prominent[m] = true;
                prominentList.add(m);
            }
        }
        int[] prominentMembers =
                prominentList.stream().mapToInt(Integer::intValue).toArray();
        int ordinary = n - knotted - prominentMembers.length;
        double ordinaryVoting = ordinary <= 0
                ? 0
                : Math.min(1, Math.max(0, (votingShare * n - PROMINENT_VOTING * prominentMembers.length) / ordinary));
        boolean[] votes = new boolean[n];
        for (int m = 0; m < n; m++) {
            if (knot[m] < 0) {
                votes[m] = random.nextDouble() < (prominent[m] ? PROMINENT_VOTING : ordinaryVoting);
            }
        }

        // Mean proxies among those who name any, so that the electorate-wide mean is avgProxies.
        double naming = (1 - NAMES_NO_ONE) * (n - knotted);
        double meanNamed = naming <= 0 ? 1 : Math.max(1, (avgProxies * n - 1.5 * knotted) / naming);
        int[] proxyStart = new int[n + 1];
        int[] proxyTarget = new int[(int) Math.min(Integer.MAX_VALUE - 8, (long) (avgProxies * n * 1.2) + 16)];
        byte[] proxyUnits = new byte[proxyTarget.length];
        int edges = 0;
        int[] chosen = new int[IndexedVoteInput.MAX_PROXIES];
        int[] units = new int[IndexedVoteInput.MAX_PROXIES];
        for (int m = 0; m < n; m++) {
            int count;
            if (knot[m] >= 0) {
                count = knotProxies(m, knot[m], knotSize[knot[m]], chosen);
            } else if (random.nextDouble() < NAMES_NO_ONE) {
                count = 0;
            } else {
                count = pickProxies(m, n, sampleCount(meanNamed, random), prominentMembers, random, chosen);
            }
            split(count, random, units);
            if (edges + count > proxyTarget.length) {
                proxyTarget = Arrays.copyOf(proxyTarget, proxyTarget.length * 3 / 2 + 16);
                proxyUnits = Arrays.copyOf(proxyUnits, proxyTarget.length);
            }
            for (int i = 0; i < count; i++) {
                proxyTarget[edges] = chosen[i];
                proxyUnits[edges] = (byte) units[i];
                edges++;
            }
            proxyStart[m + 1] = edges;
        }

        List<String> names = new ArrayList<>(nominees);
        int width = Math.max(2, Integer.toString(nominees).length());
        for (int i = 1; i <= nominees; i++) {
            names.add("nominee-" + String.format("%0" + width + "d", i));
        }
        int voters = 0;
        for (boolean v : votes) {
            voters += v ? 1 : 0;
        }
        int[] ballotMember = new int[voters];
        int[] rankingStart = new int[voters + 1];
        int[] rankingNominee = new int[voters * Math.min(nominees, 6)];
        double[] appeal = new double[nominees];
        for (int i = 0; i < nominees; i++) {
            appeal[i] = 1.0 / (i + 1.5);
        }
        int b = 0;
        int at = 0;
        double[] remaining = new double[nominees];
        for (int m = 0; m < n; m++) {
            if (!votes[m]) {
                continue;
            }
            ballotMember[b] = m;
            int length = 1 + random.nextInt(Math.min(nominees, 6));
            System.arraycopy(appeal, 0, remaining, 0, nominees);
            double total = 0;
            for (double a : appeal) {
                total += a;
            }
            for (int r = 0; r < length; r++) {
                double pick = random.nextDouble() * total;
                int nominee = 0;
                while (nominee < nominees - 1 && (remaining[nominee] == 0 || pick >= remaining[nominee])) {
                    pick -= remaining[nominee];
                    nominee++;
                }
                while (remaining[nominee] == 0) {
                    nominee--; // rounding walked past the last one still available
                }
                total -= remaining[nominee];
                remaining[nominee] = 0;
                rankingNominee[at++] = nominee;
            }
            rankingStart[++b] = at;
        }
        return new IndexedVoteInput(
                MemberIds.numbered("m", n),
                proxyStart,
                Arrays.copyOf(proxyTarget, edges),
                Arrays.copyOf(proxyUnits, edges),
                ballotMember,
                rankingStart,
                Arrays.copyOf(rankingNominee, at),
                names,
                FlowPolicy.SMARTOCRACY,
                TallyMethod.IRV,
                seed);
    }

    private static int[] knots(int n, SplittableRandom random) {
        int[] knot = new int[n];
        Arrays.fill(knot, -1);
        int m = 0;
        while (m < n) {
            if (random.nextDouble() < KNOT_START) {
                int size = Math.min(2 + random.nextInt(3), n - m);
                if (size >= 2) {
                    for (int i = 0; i < size; i++) {
                        knot[m + i] = m;
                    }
                    m += size;
                    continue;
                }
            }
            m++;
        }
        return knot;
    }

    /** Knot members name the next one round (and, in knots of 3+, the one after too). */
    private static int knotProxies(int m, int first, int size, int[] chosen) {
        int next = first + (m - first + 1) % size;
        if (size == 2) {
            chosen[0] = next;
            return 1;
        }
        int after = first + (m - first + 2) % size;
        chosen[0] = Math.min(next, after);
        chosen[1] = Math.max(next, after);
        return 2;
    }

    private static int sampleCount(double mean, SplittableRandom random) {
        // Uniform on 1..2*mean-1 has the right mean; randomised rounding of the upper end keeps it exact.
        double top = 2 * mean - 1;
        int upper = (int) top + (random.nextDouble() < top - Math.floor(top) ? 1 : 0);
        return Math.min(IndexedVoteInput.MAX_PROXIES, 1 + random.nextInt(Math.max(1, upper)));
    }

    private static int pickProxies(int m, int n, int wanted, int[] prominent, SplittableRandom random, int[] chosen) {
        int chapter = m / CHAPTER_SIZE * CHAPTER_SIZE;
        int chapterEnd = Math.min(n, chapter + CHAPTER_SIZE);
        int count = 0;
        for (int attempt = 0; count < wanted && attempt < wanted * 8; attempt++) {
            int proxy;
            if (prominent.length > 0 && random.nextDouble() < SHARE_TO_PROMINENT) {
                // Some prominent members are far more often chosen than others.
                double u = random.nextDouble();
                proxy = prominent[(int) (prominent.length * u * u)];
            } else {
                proxy = chapter + random.nextInt(chapterEnd - chapter);
            }
            boolean fresh = proxy != m;
            for (int i = 0; i < count && fresh; i++) {
                fresh = chosen[i] != proxy;
            }
            if (fresh) {
                chosen[count++] = proxy;
            }
        }
        return count;
    }

    /** Splits 10 units into {@code parts} positive whole shares at random cut points. */
    private static void split(int parts, SplittableRandom random, int[] units) {
        if (parts == 0) {
            return;
        }
        boolean[] cut = new boolean[IndexedVoteInput.UNITS_PER_MEMBER];
        int cuts = 0;
        while (cuts < parts - 1) {
            int at = 1 + random.nextInt(IndexedVoteInput.UNITS_PER_MEMBER - 1);
            if (!cut[at]) {
                cut[at] = true;
                cuts++;
            }
        }
        int part = 0;
        int last = 0;
        for (int at = 1; at <= IndexedVoteInput.UNITS_PER_MEMBER; at++) {
            if (at == IndexedVoteInput.UNITS_PER_MEMBER || cut[at]) {
                units[part++] = at - last;
                last = at;
            }
        }
    }
}
