package org.primarypipeline.voting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The receipt of a stored ballot: {@code SHA-256(previous | cycle | member | ranking | seq)} in lower-case
 * hex, fields joined by a line feed, the ranking written as candidacy ids joined by {@code >}. Each entry
 * names the one before it, so editing, removing or inserting a ballot anywhere changes every receipt
 * after it and the chain head that was published; a member holding their receipt, sequence number and
 * ranking can recompute it from the published list.
 */
public final class ReceiptChain {

    /** What the first entry of a cycle names as its previous receipt. */
    public static final String GENESIS = "0".repeat(64);

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private ReceiptChain() {}

    public static String ranking(List<Long> candidacyIds) {
        StringBuilder s = new StringBuilder();
        for (Long id : candidacyIds) {
            if (!s.isEmpty()) {
                s.append('>');
            }
            s.append(id.longValue());
        }
        return s.toString();
    }

    public static String ranking(long[] candidacyIds, int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                s.append('>');
            }
            s.append(candidacyIds[i]);
        }
        return s.toString();
    }

    public static String receipt(String previous, String cycleId, long memberId, String ranking, long seq) {
        String text = previous + '\n' + cycleId + '\n' + memberId + '\n' + ranking + '\n' + seq;
        MessageDigest sha = SHA256.get();
        sha.reset();
        return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
