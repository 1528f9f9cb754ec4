package org.primarypipeline.core.vote;

import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.BLANK_MEMBER;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.BLANK_NOMINEE;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.DUPLICATE_BALLOT;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.DUPLICATE_MEMBER;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.DUPLICATE_PROXY;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.EMPTY_RANKING;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.PROXY_TO_SELF;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.REPEATED_NOMINEE;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.TOO_MANY_PROXIES;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.UNITS_NOT_POSITIVE;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.UNITS_NOT_TEN;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.UNKNOWN_DELEGATOR;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.UNKNOWN_PROXY;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.UNKNOWN_VOTER;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns string-keyed rows into an {@link IndexedVoteInput}. Rows are sorted before they are checked, so
 * that of several faults the same one is reported whatever order the rows came in.
 */
final class InputIndexer {

    private static final Comparator<String> IDS = Comparator.nullsFirst(Comparator.naturalOrder());

    private InputIndexer() {}

    static IndexedVoteInput index(VoteInput input) {
        Objects.requireNonNull(input, "input");
        MemberIds members = electorate(input.members());
        int n = members.size();

        List<ProxyShare> proxies = new ArrayList<>(input.proxies());
        proxies.forEach(row -> Objects.requireNonNull(row, "proxy row"));
        proxies.sort(Comparator.comparing(ProxyShare::memberId, IDS)
                .thenComparing(ProxyShare::proxyId, IDS)
                .thenComparingInt(ProxyShare::units));
        int[] proxyStart = new int[n + 1];
        int[] proxyTarget = new int[proxies.size()];
        byte[] proxyUnits = new byte[proxies.size()];
        int row = 0;
        while (row < proxies.size()) {
            String memberId = proxies.get(row).memberId();
            int member = members.indexOf(memberId);
            int end = row;
            long units = 0;
            while (end < proxies.size() && Objects.equals(proxies.get(end).memberId(), memberId)) {
                ProxyShare share = proxies.get(end);
                checkShare(share, member, members, end > row ? proxies.get(end - 1) : null);
                proxyTarget[end] = members.indexOf(share.proxyId());
                proxyUnits[end] = (byte) share.units();
                units += share.units();
                end++;
            }
            if (end - row > IndexedVoteInput.MAX_PROXIES) {
                throw new InvalidVoteInputException(
                        TOO_MANY_PROXIES,
                        memberId,
                        List.of(),
                        "member " + memberId
                                + " names " + (end - row) + " proxies; at most " + IndexedVoteInput.MAX_PROXIES
                                + " are allowed");
            }
            if (units != IndexedVoteInput.UNITS_PER_MEMBER) {
                throw new InvalidVoteInputException(
                        UNITS_NOT_TEN,
                        memberId,
                        List.of(),
                        "member " + memberId + "'s proxy units sum to " + units + "; they must sum to "
                                + IndexedVoteInput.UNITS_PER_MEMBER);
            }
            // Rows are grouped by member id and indices follow id order, so groups arrive by index.
            proxyStart[member + 1] = end - row;
            row = end;
        }
        for (int m = 0; m < n; m++) {
            proxyStart[m + 1] += proxyStart[m];
        }

        List<Ballot> ballots = new ArrayList<>(input.ballots());
        ballots.forEach(ballot -> Objects.requireNonNull(ballot, "ballot"));
        ballots.sort(Comparator.comparing(Ballot::memberId, IDS));
        Set<String> nomineeNames = new TreeSet<>();
        int rankings = 0;
        for (int b = 0; b < ballots.size(); b++) {
            checkBallot(ballots.get(b), members, b > 0 ? ballots.get(b - 1) : null);
            nomineeNames.addAll(ballots.get(b).ranking());
            rankings += ballots.get(b).ranking().size();
        }
        List<String> nominees = new ArrayList<>(nomineeNames);
        Map<String, Integer> nomineeIndex = new HashMap<>();
        for (int i = 0; i < nominees.size(); i++) {
            nomineeIndex.put(nominees.get(i), i);
        }
        int[] ballotMember = new int[ballots.size()];
        int[] rankingStart = new int[ballots.size() + 1];
        int[] rankingNominee = new int[rankings];
        int at = 0;
        for (int b = 0; b < ballots.size(); b++) {
            ballotMember[b] = members.indexOf(ballots.get(b).memberId());
            for (String nominee : ballots.get(b).ranking()) {
                rankingNominee[at++] = nomineeIndex.get(nominee);
            }
            rankingStart[b + 1] = at;
        }
        return new IndexedVoteInput(
                members,
                proxyStart,
                proxyTarget,
                proxyUnits,
                ballotMember,
                rankingStart,
                rankingNominee,
                nominees,
                input.policy(),
                input.method(),
                input.seed());
    }

    private static MemberIds electorate(List<String> ids) {
        String[] sorted = new String[ids.size()];
        for (int i = 0; i < sorted.length; i++) {
            String id = ids.get(i);
            if (id == null || id.isBlank()) {
                throw new InvalidVoteInputException(
                        BLANK_MEMBER, id, List.of(), "the electorate lists a blank member id (entry " + (i + 1) + ")");
            }
            sorted[i] = id;
        }
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i].equals(sorted[i - 1])) {
                throw new InvalidVoteInputException(
                        DUPLICATE_MEMBER,
                        sorted[i],
                        List.of(),
                        "member " + sorted[i] + " is listed twice in the electorate");
            }
        }
        return new SortedMemberIds(sorted);
    }

    private static void checkShare(ProxyShare share, int member, MemberIds members, ProxyShare previous) {
        String memberId = share.memberId();
        String proxyId = share.proxyId();
        List<String> proxy = proxyId == null ? List.of() : List.of(proxyId);
        if (member < 0) {
            throw new InvalidVoteInputException(
                    UNKNOWN_DELEGATOR,
                    memberId,
                    proxy,
                    "member " + memberId + " names proxy " + proxyId + " but is not in the electorate");
        }
        if (members.indexOf(proxyId) < 0) {
            throw new InvalidVoteInputException(
                    UNKNOWN_PROXY,
                    memberId,
                    proxy,
                    "member " + memberId + " names proxy " + proxyId + ", who is not in the electorate");
        }
        if (proxyId.equals(memberId)) {
            throw new InvalidVoteInputException(
                    PROXY_TO_SELF, memberId, proxy, "member " + memberId + " names themself as a proxy");
        }
        if (share.units() <= 0) {
            throw new InvalidVoteInputException(
                    UNITS_NOT_POSITIVE,
                    memberId,
                    proxy,
                    "member " + memberId + " gives proxy " + proxyId + " " + share.units()
                            + " units; each share must be at least 1");
        }
        if (previous != null && proxyId.equals(previous.proxyId())) {
            throw new InvalidVoteInputException(
                    DUPLICATE_PROXY, memberId, proxy, "member " + memberId + " names proxy " + proxyId + " twice");
        }
    }

    private static void checkBallot(Ballot ballot, MemberIds members, Ballot previous) {
        String memberId = ballot.memberId();
        if (members.indexOf(memberId) < 0) {
            throw new InvalidVoteInputException(
                    UNKNOWN_VOTER,
                    memberId,
                    List.of(),
                    "member " + memberId + " cast a ballot but is not in the electorate");
        }
        if (previous != null && memberId.equals(previous.memberId())) {
            throw new InvalidVoteInputException(
                    DUPLICATE_BALLOT, memberId, List.of(), "member " + memberId + " cast more than one ballot");
        }
        List<String> ranking = ballot.ranking();
        if (ranking == null || ranking.isEmpty()) {
            throw new InvalidVoteInputException(
                    EMPTY_RANKING, memberId, List.of(), "member " + memberId + "'s ballot ranks no nominee");
        }
        Set<String> seen = new HashSet<>();
        for (String nominee : ranking) {
            if (nominee == null || nominee.isBlank()) {
                throw new InvalidVoteInputException(
                        BLANK_NOMINEE, memberId, List.of(), "member " + memberId + "'s ballot ranks a blank nominee");
            }
            if (!seen.add(nominee)) {
                throw new InvalidVoteInputException(
                        REPEATED_NOMINEE,
                        memberId,
                        List.of(nominee),
                        "member " + memberId + "'s ballot ranks " + nominee + " more than once");
            }
        }
    }
}
