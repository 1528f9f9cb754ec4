package org.primarypipeline.core.vote;

import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.DUPLICATE_BALLOT;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.DUPLICATE_PROXY;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.EMPTY_RANKING;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.PROXY_TO_SELF;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.REPEATED_NOMINEE;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.TOO_MANY_PROXIES;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.UNITS_NOT_POSITIVE;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.UNITS_NOT_TEN;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.UNKNOWN_PROXY;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.UNKNOWN_VOTER;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A count's input on member indices: the proxy lists as compressed rows (member {@code m}'s proxies are
 * {@code proxyTarget[proxyStart[m] .. proxyStart[m+1])} with their units alongside), the ballots as member
 * indices with rankings of nominee indices. A million-member electorate fits in a few dozen megabytes
 * this way, where a string per proxy row would not.
 *
 * <p>The constructor takes ownership of the arrays, puts them in canonical order (each member's proxies by
 * index, ballots by member, nominees by name) and enforces the rules, so any two inputs describing the
 * same vote are counted identically. Instances are immutable afterwards.
 */
public final class IndexedVoteInput {

    public static final int UNITS_PER_MEMBER = 10;
    public static final int MAX_PROXIES = 10;

    final MemberIds members;
    final int[] proxyStart;
    final int[] proxyTarget;
    final byte[] proxyUnits;
    final int[] ballotMember;
    final int[] rankingStart;
    final int[] rankingNominee;
    final List<String> nominees;
    final FlowPolicy policy;
    final TallyMethod method;
    final long seed;

    public IndexedVoteInput(
            MemberIds members,
            int[] proxyStart,
            int[] proxyTarget,
            byte[] proxyUnits,
            int[] ballotMember,
            int[] rankingStart,
            int[] rankingNominee,
            List<String> nominees,
            FlowPolicy policy,
            TallyMethod method,
            long seed) {
        this.members = Objects.requireNonNull(members, "members");
        int n = members.size();
        checkShape(proxyStart, n, proxyTarget.length, "proxyStart");
        if (proxyUnits.length != proxyTarget.length) {
            throw new IllegalArgumentException("proxyUnits and proxyTarget differ in length");
        }
        checkShape(rankingStart, ballotMember.length, rankingNominee.length, "rankingStart");
        this.proxyStart = proxyStart;
        this.proxyTarget = proxyTarget;
        this.proxyUnits = proxyUnits;
        checkProxies();

        List<String> names = new ArrayList<>(nominees);
        int[] rank = nomineeOrder(names);
        this.nominees = List.copyOf(names);
        if (rank != null) {
            for (int i = 0; i < rankingNominee.length; i++) {
                int nominee = rankingNominee[i];
                rankingNominee[i] = nominee >= 0 && nominee < rank.length ? rank[nominee] : nominee;
            }
        }
        int[][] ballots = ballotsInMemberOrder(ballotMember, rankingStart, rankingNominee);
        this.ballotMember = ballots[0];
        this.rankingStart = ballots[1];
        this.rankingNominee = ballots[2];
        checkBallots();

        this.policy = policy == null ? FlowPolicy.SMARTOCRACY : policy;
        this.method = method == null ? TallyMethod.IRV : method;
        this.seed = seed;
    }

    private IndexedVoteInput(IndexedVoteInput base, FlowPolicy policy, TallyMethod method, long seed) {
        this.members = base.members;
        this.proxyStart = base.proxyStart;
        this.proxyTarget = base.proxyTarget;
        this.proxyUnits = base.proxyUnits;
        this.ballotMember = base.ballotMember;
        this.rankingStart = base.rankingStart;
        this.rankingNominee = base.rankingNominee;
        this.nominees = base.nominees;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.method = Objects.requireNonNull(method, "method");
        this.seed = seed;
    }

    /** Validates and indexes a string-keyed input; see {@link InvalidVoteInputException} for refusals. */
    public static IndexedVoteInput from(VoteInput input) {
        return InputIndexer.index(input);
    }

    /** The same electorate, proxies and ballots counted another way; shares the arrays. */
    public IndexedVoteInput with(FlowPolicy newPolicy, TallyMethod newMethod, long newSeed) {
        return new IndexedVoteInput(this, newPolicy, newMethod, newSeed);
    }

    public MemberIds memberIds() {
        return members;
    }

    public int electorate() {
        return members.size();
    }

    public int proxyRowCount() {
        return proxyTarget.length;
    }

    public int ballotCount() {
        return ballotMember.length;
    }

    /** The nominees in name order; rankings refer to them by this position. */
    public List<String> nominees() {
        return nominees;
    }

    public FlowPolicy policy() {
        return policy;
    }

    public TallyMethod method() {
        return method;
    }

    public long seed() {
        return seed;
    }

    int proxyCount(int member) {
        return proxyStart[member + 1] - proxyStart[member];
    }

    /** Back to string keys, for small electorates and for checking one form against the other. */
    public VoteInput toVoteInput() {
        int n = members.size();
        List<String> ids = new ArrayList<>(n);
        List<ProxyShare> proxies = new ArrayList<>(proxyTarget.length);
        for (int m = 0; m < n; m++) {
            ids.add(members.id(m));
            for (int e = proxyStart[m]; e < proxyStart[m + 1]; e++) {
                proxies.add(new ProxyShare(members.id(m), members.id(proxyTarget[e]), proxyUnits[e]));
            }
        }
        List<Ballot> ballots = new ArrayList<>(ballotMember.length);
        for (int b = 0; b < ballotMember.length; b++) {
            List<String> ranking = new ArrayList<>(rankingStart[b + 1] - rankingStart[b]);
            for (int r = rankingStart[b]; r < rankingStart[b + 1]; r++) {
                ranking.add(nominees.get(rankingNominee[r]));
            }
            ballots.add(new Ballot(members.id(ballotMember[b]), ranking));
        }
        return new VoteInput(ids, proxies, ballots, policy, method, seed);
    }

    private static void checkShape(int[] start, int rows, int entries, String name) {
        if (start.length != rows + 1 || start[0] != 0 || start[rows] != entries) {
            throw new IllegalArgumentException(
                    name + " must have one more entry than rows, start at 0 and end at " + entries);
        }
        for (int i = 0; i < rows; i++) {
            if (start[i] > start[i + 1]) {
                throw new IllegalArgumentException(name + " decreases at " + i);
            }
        }
    }

    private void checkProxies() {
        int n = members.size();
        for (int m = 0; m < n; m++) {
            int from = proxyStart[m];
            int to = proxyStart[m + 1];
            if (to == from) {
                continue;
            }
            sortByTarget(from, to);
            long units = 0;
            for (int e = from; e < to; e++) {
                int proxy = proxyTarget[e];
                if (proxy < 0 || proxy >= n) {
                    throw refusal(
                            UNKNOWN_PROXY,
                            m,
                            "#" + proxy,
                            "member " + id(m) + " names proxy #" + proxy + ", who is not in the electorate");
                }
                if (proxy == m) {
                    throw refusal(PROXY_TO_SELF, m, id(m), "member " + id(m) + " names themself as a proxy");
                }
                if (proxyUnits[e] <= 0) {
                    throw refusal(
                            UNITS_NOT_POSITIVE,
                            m,
                            id(proxy),
                            "member " + id(m) + " gives proxy " + id(proxy) + " " + proxyUnits[e]
                                    + " units; each share must be at least 1");
                }
                if (e > from && proxyTarget[e - 1] == proxy) {
                    throw refusal(
                            DUPLICATE_PROXY, m, id(proxy), "member " + id(m) + " names proxy " + id(proxy) + " twice");
                }
                units += proxyUnits[e];
            }
            if (to - from > MAX_PROXIES) {
                throw refusal(
                        TOO_MANY_PROXIES,
                        m,
                        null,
                        "member " + id(m) + " names " + (to - from) + " proxies; at most " + MAX_PROXIES
                                + " are allowed");
            }
            if (units != UNITS_PER_MEMBER) {
                throw refusal(
                        UNITS_NOT_TEN,
                        m,
                        null,
                        "member " + id(m) + "'s proxy units sum to " + units + "; they must sum to "
                                + UNITS_PER_MEMBER);
            }
        }
    }

    /** Proxy lists are at most ten long (longer ones are refused just after), so insertion sort is enough. */
    private void sortByTarget(int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int target = proxyTarget[i];
            byte units = proxyUnits[i];
            int j = i - 1;
            while (j >= from && proxyTarget[j] > target) {
                proxyTarget[j + 1] = proxyTarget[j];
                proxyUnits[j + 1] = proxyUnits[j];
                j--;
            }
            proxyTarget[j + 1] = target;
            proxyUnits[j + 1] = units;
        }
    }

    /** Sorts the names; returns old index to new index, or null when they were already in order. */
    private static int[] nomineeOrder(List<String> names) {
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("blank nominee name");
            }
        }
        Integer[] order = new Integer[names.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> names.get(a).compareTo(names.get(b)));
        boolean sorted = true;
        List<String> inOrder = new ArrayList<>(names.size());
        int[] rank = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            sorted &= order[i] == i;
            rank[order[i]] = i;
            inOrder.add(names.get(order[i]));
            if (i > 0 && inOrder.get(i).equals(inOrder.get(i - 1))) {
                throw new IllegalArgumentException("nominee named twice: " + inOrder.get(i));
            }
        }
        names.clear();
        names.addAll(inOrder);
        return sorted ? null : rank;
    }

    /** Returns the ballot arrays in member order, reordering (stably) only when needed. */
    private static int[][] ballotsInMemberOrder(int[] member, int[] start, int[] nominee) {
        boolean sorted = true;
        for (int b = 1; b < member.length && sorted; b++) {
            sorted = member[b - 1] <= member[b];
        }
        if (sorted) {
            return new int[][] {member, start, nominee};
        }
        Integer[] order = new Integer[member.length];
        for (int b = 0; b < order.length; b++) {
            order[b] = b;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(member[a], member[b]));
        int[] newMember = new int[member.length];
        int[] newStart = new int[start.length];
        int[] newNominee = new int[nominee.length];
        int at = 0;
        for (int b = 0; b < order.length; b++) {
            int old = order[b];
            newMember[b] = member[old];
            int length = start[old + 1] - start[old];
            System.arraycopy(nominee, start[old], newNominee, at, length);
            at += length;
            newStart[b + 1] = at;
        }
        return new int[][] {newMember, newStart, newNominee};
    }

    private void checkBallots() {
        int n = members.size();
        int k = nominees.size();
        int[] seenOnBallot = new int[k];
        Arrays.fill(seenOnBallot, -1);
        for (int b = 0; b < ballotMember.length; b++) {
            int m = ballotMember[b];
            if (m < 0 || m >= n) {
                throw new InvalidVoteInputException(
                        UNKNOWN_VOTER,
                        "#" + m,
                        List.of(),
                        "member #" + m + " cast a ballot but is not in the electorate");
            }
            if (b > 0 && ballotMember[b - 1] == m) {
                throw refusal(DUPLICATE_BALLOT, m, null, "member " + id(m) + " cast more than one ballot");
            }
            if (rankingStart[b + 1] == rankingStart[b]) {
                throw refusal(EMPTY_RANKING, m, null, "member " + id(m) + "'s ballot ranks no nominee");
            }
            for (int r = rankingStart[b]; r < rankingStart[b + 1]; r++) {
                int nominee = rankingNominee[r];
                if (nominee < 0 || nominee >= k) {
                    throw new IllegalArgumentException("member " + id(m) + "'s ballot ranks nominee #" + nominee
                            + ", outside the " + k + " nominees");
                }
                if (seenOnBallot[nominee] == b) {
                    throw refusal(
                            REPEATED_NOMINEE,
                            m,
                            nominees.get(nominee),
                            "member " + id(m) + "'s ballot ranks " + nominees.get(nominee) + " more than once");
                }
                seenOnBallot[nominee] = b;
            }
        }
    }

    private String id(int member) {
        return members.id(member);
    }

    private InvalidVoteInputException refusal(
            InvalidVoteInputException.Problem problem, int member, String other, String message) {
        return new InvalidVoteInputException(problem, id(member), other == null ? List.of() : List.of(other), message);
    }
}
