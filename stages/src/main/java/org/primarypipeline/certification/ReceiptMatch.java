package org.primarypipeline.certification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primarypipeline.voting.ReceiptChain;
import org.primarypipeline.voting.VoteRows;

/**
 * Each ballot row against its member's latest receipt: the hash must come from the row's ranking and
 * both must carry that receipt and its sequence number. A ballot row edited after it was stored is
 * {@code changed}; a latest receipt with no row was {@code deleted}; a row with no receipt is
 * {@code unreceipted}. Everything is keyed by member, so the check splits by member-id range: each
 * range is checked apart (the hashing is most of the recount's work besides counting) and the parts
 * {@link #merge merged} give what one check of all the rows gives. Lists hold the lowest
 * {@value RecountVerifier#LISTED} member ids, in order, with the full count beside them.
 */
public record ReceiptMatch(
        List<Long> changed,
        long changedCount,
        List<Long> deleted,
        long deletedCount,
        List<Long> unreceipted,
        long unreceiptedCount) {

    /** Checks the ballots and receipt entries in {@code rows} (all of a cycle's, or one member range's). */
    public static ReceiptMatch check(String cycleId, VoteRows rows) {
        int n = rows.chainLength();
        Map<Long, Integer> latest = new HashMap<>(Math.max(16, n * 2));
        for (int e = 0; e < n; e++) {
            Integer before = latest.get(rows.chainMember(e));
            if (before == null || rows.chainSeq(before) <= rows.chainSeq(e)) {
                latest.put(rows.chainMember(e), e);
            }
        }
        List<Long> changed = new ArrayList<>();
        List<Long> unreceipted = new ArrayList<>();
        for (int b = 0; b < rows.ballotCount(); b++) {
            long member = rows.ballotMember(b);
            Integer e = latest.remove(member);
            if (e == null) {
                unreceipted.add(member);
                continue;
            }
            long seq = rows.chainSeq(e);
            String expected = ReceiptChain.receipt(
                    rows.chainPrevious(e), cycleId, member, rows.ballotRanking(b), seq, rows.chainSecretHash(e));
            if (!expected.equals(rows.chainReceipt(e))
                    || !expected.equals(rows.ballotReceipt(b))
                    || rows.ballotReceiptSeq(b) != seq) {
                changed.add(member);
            }
        }
        List<Long> deleted = new ArrayList<>(latest.keySet());
        deleted.sort(null);
        changed.sort(null);
        unreceipted.sort(null);
        return new ReceiptMatch(
                listed(changed),
                changed.size(),
                listed(deleted),
                deleted.size(),
                listed(unreceipted),
                unreceipted.size());
    }

    /** The parts of disjoint member ranges, given in ascending range order. */
    public static ReceiptMatch merge(List<ReceiptMatch> parts) {
        List<Long> changed = new ArrayList<>();
        List<Long> deleted = new ArrayList<>();
        List<Long> unreceipted = new ArrayList<>();
        long changedCount = 0;
        long deletedCount = 0;
        long unreceiptedCount = 0;
        for (ReceiptMatch part : parts) {
            changed.addAll(part.changed());
            deleted.addAll(part.deleted());
            unreceipted.addAll(part.unreceipted());
            changedCount += part.changedCount();
            deletedCount += part.deletedCount();
            unreceiptedCount += part.unreceiptedCount();
        }
        return new ReceiptMatch(
                listed(changed), changedCount, listed(deleted), deletedCount, listed(unreceipted), unreceiptedCount);
    }

    private static List<Long> listed(List<Long> ids) {
        return new ArrayList<>(ids.size() > RecountVerifier.LISTED ? ids.subList(0, RecountVerifier.LISTED) : ids);
    }
}
