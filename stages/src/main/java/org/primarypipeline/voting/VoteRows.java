package org.primarypipeline.voting;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primarypipeline.core.vote.FlowPolicy;
import org.primarypipeline.core.vote.IndexedVoteInput;
import org.primarypipeline.core.vote.InvalidVoteInputException;
import org.primarypipeline.core.vote.TallyMethod;

/**
 * A cycle's rows as read from PostgreSQL ({@code COPY} text lines, see {@link VoteRowSet}), held in
 * primitive arrays: a million-member electorate with three million proxy rows takes some 60 MB this
 * way. The tally reads electorate, proxies and ballots; the recount reads the receipts and the stored
 * weights too. Each row set is written by one thread at a time; different sets may be read in parallel.
 */
public final class VoteRows {

    private long[] electorate = new long[1024];
    private int electorateCount;
    private final Fingerprint electoratePrint = new Fingerprint();

    private long[] proxyMember = new long[1024];
    private long[] proxyTarget = new long[1024];
    private byte[] proxyUnits = new byte[1024];
    private int proxyCount;
    private final Fingerprint proxiesPrint = new Fingerprint();

    private long[] ballotMember = new long[256];
    private int[] rankingStart = new int[257];
    private long[] rankingIds = new long[1024];
    private String[] ballotReceipt = new String[256];
    private long[] ballotReceiptSeq = new long[256];
    private int ballotCount;

    private long[] chainSeq = new long[256];
    private long[] chainMember = new long[256];
    private String[] chainPrevious = new String[256];
    private String[] chainReceipt = new String[256];
    private String[] chainSecretHash = new String[256];
    private int chainCount;

    private long[] weightMember = new long[256];
    private String[] weightValue = new String[256];
    private int weightCount;

    /** Members whose ballot row is there but who are not in the frozen electorate: not counted. */
    private final List<Long> ballotsOutsideElectorate = new ArrayList<>();

    public void accept(VoteRowSet set, byte[] line) {
        int end = line.length;
        while (end > 0 && (line[end - 1] == '\n' || line[end - 1] == '\r')) {
            end--;
        }
        switch (set) {
            case ELECTORATE -> addElectorate(parseLong(line, 0, end));
            case PROXIES -> {
                int a = tab(line, 0, end);
                int b = tab(line, a + 1, end);
                addProxy(parseLong(line, 0, a), parseLong(line, a + 1, b), (int) parseLong(line, b + 1, end));
            }
            case BALLOTS -> {
                int a = tab(line, 0, end);
                int b = tab(line, a + 1, end);
                int c = tab(line, b + 1, end);
                addBallot(
                        parseLong(line, 0, a),
                        line,
                        a + 1,
                        b,
                        text(line, b + 1, c),
                        isNull(line, c + 1, end) ? 0 : parseLong(line, c + 1, end));
            }
            case RECEIPTS -> {
                int a = tab(line, 0, end);
                int b = tab(line, a + 1, end);
                int c = tab(line, b + 1, end);
                int d = tab(line, c + 1, end);
                addChainEntry(
                        parseLong(line, 0, a),
                        parseLong(line, a + 1, b),
                        text(line, b + 1, c),
                        text(line, c + 1, d),
                        isNull(line, d + 1, end) ? null : text(line, d + 1, end));
            }
            case WEIGHTS -> {
                int a = tab(line, 0, end);
                addWeight(parseLong(line, 0, a), text(line, a + 1, end));
            }
            default -> throw new IllegalArgumentException(set.name());
        }
    }

    /** Reads one row set of a cycle over {@code connection} (inside its transaction, if any). */
    public long read(java.sql.Connection connection, String cycleId, VoteRowSet set) throws java.sql.SQLException {
        try (CopyLines lines = CopyLines.open(connection, set.copy(cycleId))) {
            for (byte[] line = lines.next(); line != null; line = lines.next()) {
                accept(set, line);
            }
            return lines.rows();
        }
    }

    public void addElectorate(long memberId) {
        if (electorateCount == electorate.length) {
            electorate = Arrays.copyOf(electorate, electorate.length * 2);
        }
        electorate[electorateCount++] = memberId;
        electoratePrint.add(memberId, 0, 0);
    }

    public void addProxy(long memberId, long proxyId, int units) {
        if (proxyCount == proxyMember.length) {
            int grown = proxyMember.length * 2;
            proxyMember = Arrays.copyOf(proxyMember, grown);
            proxyTarget = Arrays.copyOf(proxyTarget, grown);
            proxyUnits = Arrays.copyOf(proxyUnits, grown);
        }
        proxyMember[proxyCount] = memberId;
        proxyTarget[proxyCount] = proxyId;
        proxyUnits[proxyCount] = (byte) Math.max(Byte.MIN_VALUE, Math.min(Byte.MAX_VALUE, units));
        proxyCount++;
        proxiesPrint.add(memberId, proxyId, units);
    }

    public void addBallot(long memberId, List<Long> ranking, String receipt, long receiptSeq) {
        long[] ids = ranking.stream().mapToLong(Long::longValue).toArray();
        addBallotIds(memberId, ids, ids.length, receipt, receiptSeq);
    }

    private void addBallot(long memberId, byte[] line, int from, int to, String receipt, long receiptSeq) {
        // {12,5,7}
        long[] ids = new long[8];
        int count = 0;
        int at = from + 1;
        int close = to - 1;
        while (at < close) {
            int comma = at;
            while (comma < close && line[comma] != ',') {
                comma++;
            }
            if (count == ids.length) {
                ids = Arrays.copyOf(ids, count * 2);
            }
            ids[count++] = parseLong(line, at, comma);
            at = comma + 1;
        }
        addBallotIds(memberId, ids, count, receipt, receiptSeq);
    }

    private void addBallotIds(long memberId, long[] ids, int count, String receipt, long receiptSeq) {
        if (ballotCount == ballotMember.length) {
            int grown = ballotMember.length * 2;
            ballotMember = Arrays.copyOf(ballotMember, grown);
            rankingStart = Arrays.copyOf(rankingStart, grown + 1);
            ballotReceipt = Arrays.copyOf(ballotReceipt, grown);
            ballotReceiptSeq = Arrays.copyOf(ballotReceiptSeq, grown);
        }
        int start = rankingStart[ballotCount];
        while (start + count > rankingIds.length) {
            rankingIds = Arrays.copyOf(rankingIds, rankingIds.length * 2);
        }
        System.arraycopy(ids, 0, rankingIds, start, count);
        ballotMember[ballotCount] = memberId;
        ballotReceipt[ballotCount] = receipt;
        ballotReceiptSeq[ballotCount] = receiptSeq;
        rankingStart[++ballotCount] = start + count;
    }

    /** An entry of the chain; {@code secretHash} null for entries stored before ballot secrets. */
    public void addChainEntry(long seq, long memberId, String previous, String receipt, String secretHash) {
        if (chainCount == chainSeq.length) {
            int grown = chainSeq.length * 2;
            chainSeq = Arrays.copyOf(chainSeq, grown);
            chainMember = Arrays.copyOf(chainMember, grown);
            chainPrevious = Arrays.copyOf(chainPrevious, grown);
            chainReceipt = Arrays.copyOf(chainReceipt, grown);
            chainSecretHash = Arrays.copyOf(chainSecretHash, grown);
        }
        chainSeq[chainCount] = seq;
        chainMember[chainCount] = memberId;
        chainPrevious[chainCount] = previous;
        chainReceipt[chainCount] = receipt;
        chainSecretHash[chainCount] = secretHash;
        chainCount++;
    }

    public void addWeight(long memberId, String weight) {
        if (weightCount == weightMember.length) {
            int grown = weightMember.length * 2;
            weightMember = Arrays.copyOf(weightMember, grown);
            weightValue = Arrays.copyOf(weightValue, grown);
        }
        weightMember[weightCount] = memberId;
        weightValue[weightCount] = weight;
        weightCount++;
    }

    /**
     * The engine's input. Ballots of members outside the electorate are left out (and listed by
     * {@link #ballotsOutsideElectorate()}); a proxy row naming or made by someone outside it cannot be
     * counted at all and is refused with the member named.
     */
    public IndexedVoteInput toInput(FlowPolicy policy, TallyMethod method, long seed) {
        MemberIndex members = MemberIndex.of(electorate, electorateCount);
        int n = members.size();
        int[] from = new int[proxyCount];
        int[] to = new int[proxyCount];
        int[] proxyStart = new int[n + 1];
        for (int r = 0; r < proxyCount; r++) {
            int m = members.indexOf(proxyMember[r]);
            if (m < 0) {
                throw new InvalidVoteInputException(
                        InvalidVoteInputException.Problem.UNKNOWN_DELEGATOR,
                        Long.toString(proxyMember[r]),
                        List.of(Long.toString(proxyTarget[r])),
                        "member " + proxyMember[r] + " names proxy " + proxyTarget[r]
                                + " but is not in the electorate");
            }
            int p = members.indexOf(proxyTarget[r]);
            if (p < 0) {
                throw new InvalidVoteInputException(
                        InvalidVoteInputException.Problem.UNKNOWN_PROXY,
                        Long.toString(proxyMember[r]),
                        List.of(Long.toString(proxyTarget[r])),
                        "member " + proxyMember[r] + " names proxy " + proxyTarget[r]
                                + ", who is not in the electorate");
            }
            from[r] = m;
            to[r] = p;
            proxyStart[m + 1]++;
        }
        for (int m = 0; m < n; m++) {
            proxyStart[m + 1] += proxyStart[m];
        }
        int[] fill = Arrays.copyOf(proxyStart, n);
        int[] target = new int[proxyCount];
        byte[] units = new byte[proxyCount];
        for (int r = 0; r < proxyCount; r++) {
            int at = fill[from[r]]++;
            target[at] = to[r];
            units[at] = proxyUnits[r];
        }

        // ballots in member-index order: sort (index, row) pairs packed in longs
        long[] order = new long[ballotCount];
        int counted = 0;
        ballotsOutsideElectorate.clear();
        for (int b = 0; b < ballotCount; b++) {
            int m = members.indexOf(ballotMember[b]);
            if (m < 0) {
                ballotsOutsideElectorate.add(ballotMember[b]);
            } else {
                order[counted++] = ((long) m << 32) | b;
            }
        }
        Arrays.sort(order, 0, counted);
        Map<Long, Integer> nomineeIndex = new HashMap<>();
        List<String> nominees = new ArrayList<>();
        int[] ballotIndex = new int[counted];
        int[] start = new int[counted + 1];
        int total = 0;
        for (int i = 0; i < counted; i++) {
            int b = (int) order[i];
            total += rankingStart[b + 1] - rankingStart[b];
        }
        int[] ranked = new int[total];
        int at = 0;
        for (int i = 0; i < counted; i++) {
            int b = (int) order[i];
            ballotIndex[i] = (int) (order[i] >>> 32);
            for (int r = rankingStart[b]; r < rankingStart[b + 1]; r++) {
                Integer nominee = nomineeIndex.get(rankingIds[r]);
                if (nominee == null) {
                    nominee = nominees.size();
                    nomineeIndex.put(rankingIds[r], nominee);
                    nominees.add(Long.toString(rankingIds[r]));
                }
                ranked[at++] = nominee;
            }
            start[i + 1] = at;
        }
        return new IndexedVoteInput(
                members, proxyStart, target, units, ballotIndex, start, ranked, nominees, policy, method, seed);
    }

    public int electorateCount() {
        return electorateCount;
    }

    public int proxyCount() {
        return proxyCount;
    }

    public int ballotCount() {
        return ballotCount;
    }

    public int chainLength() {
        return chainCount;
    }

    public int weightCount() {
        return weightCount;
    }

    public List<Long> ballotsOutsideElectorate() {
        return List.copyOf(ballotsOutsideElectorate);
    }

    public long ballotMember(int b) {
        return ballotMember[b];
    }

    public String ballotRanking(int b) {
        return ReceiptChain.ranking(rankingIds, rankingStart[b], rankingStart[b + 1]);
    }

    public String ballotReceipt(int b) {
        return ballotReceipt[b];
    }

    public long ballotReceiptSeq(int b) {
        return ballotReceiptSeq[b];
    }

    public long chainSeq(int e) {
        return chainSeq[e];
    }

    public long chainMember(int e) {
        return chainMember[e];
    }

    public String chainPrevious(int e) {
        return chainPrevious[e];
    }

    public String chainReceipt(int e) {
        return chainReceipt[e];
    }

    public String chainSecretHash(int e) {
        return chainSecretHash[e];
    }

    public long weightMember(int w) {
        return weightMember[w];
    }

    public BigDecimal weight(int w) {
        return new BigDecimal(weightValue[w]);
    }

    /** Order-independent fingerprint of the electorate rows read, with their count. */
    public String electoratePrint() {
        return electoratePrint.toString();
    }

    /** Order-independent fingerprint of the proxy rows read, with their count. */
    public String proxiesPrint() {
        return proxiesPrint.toString();
    }

    private static int tab(byte[] line, int from, int end) {
        for (int i = from; i < end; i++) {
            if (line[i] == '\t') {
                return i;
            }
        }
        throw new IllegalArgumentException(
                "COPY row has too few columns: " + new String(line, 0, end, StandardCharsets.UTF_8));
    }

    private static boolean isNull(byte[] line, int from, int to) {
        return to - from == 2 && line[from] == '\\' && line[from + 1] == 'N';
    }

    private static String text(byte[] line, int from, int to) {
        return isNull(line, from, to) ? null : new String(line, from, to - from, StandardCharsets.UTF_8);
    }

    private static long parseLong(byte[] line, int from, int to) {
        if (from >= to) {
            throw new IllegalArgumentException("empty number in COPY row");
        }
        boolean negative = line[from] == '-';
        long value = 0;
        for (int i = negative ? from + 1 : from; i < to; i++) {
            int digit = line[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException(
                        "not a number in COPY row: " + new String(line, from, to - from, StandardCharsets.UTF_8));
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    /**
     * A multiset hash: the sum of a 128-bit mix of every row, so rows may arrive in any order. It tells
     * that a row set changed since it was stored, not which row; the weights say which ballots moved.
     */
    static final class Fingerprint {
        private long a;
        private long b;
        private long rows;

        void add(long x, long y, long z) {
            long h = mix(x + 0x9E3779B97F4A7C15L);
            h = mix(h ^ (y + 0xC2B2AE3D27D4EB4FL));
            h = mix(h ^ (z + 0x165667B19E3779F9L));
            a += h;
            b += mix(h ^ 0xD6E8FEB86659FD93L);
            rows++;
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        @Override
        public String toString() {
            return String.format("%016x%016x/%d", a, b, rows);
        }
    }
}
