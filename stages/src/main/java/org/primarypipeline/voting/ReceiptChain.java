package org.primarypipeline.voting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * The receipt of a stored ballot: {@code SHA-256(previous | cycle | member | ranking | seq | secretHash)}
 * in lower-case hex, fields joined by a line feed, the ranking written as candidacy ids joined by
 * {@code >}, {@code secretHash} the hex SHA-256 of the ballot's secret (32 hex digits, 128 random bits)
 * that only the member is shown. Each entry names the one before it, so editing, removing or inserting a
 * ballot anywhere changes every receipt after it and the chain head that was published. Without the
 * secret, nobody can test a guessed member and ranking against the published list; with it, the member
 * can recompute their receipt. Entries stored before secrets (no secret hash) keep the formula without
 * the last field.
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

    private static final SecureRandom RANDOM = new SecureRandom();

    private ReceiptChain() {}

    /** A fresh ballot secret: 128 random bits as 32 lower-case hex digits. */
    public static String newSecret() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return HexFormat.of().formatHex(bits);
    }

    /** What the chain stores and hashes in place of the secret: hex SHA-256 of its text. */
    public static String secretHash(String secret) {
        return sha256(secret);
    }

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

    /** The receipt of an entry; {@code secretHash} null for entries stored before ballot secrets. */
    public static String receipt(
            String previous, String cycleId, long memberId, String ranking, long seq, String secretHash) {
        String text = previous + '\n' + cycleId + '\n' + memberId + '\n' + ranking + '\n' + seq;
        return sha256(secretHash == null ? text : text + '\n' + secretHash);
    }

    private static String sha256(String text) {
        MessageDigest sha = SHA256.get();
        sha.reset();
        return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
