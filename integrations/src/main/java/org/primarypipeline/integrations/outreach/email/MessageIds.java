package org.primarypipeline.integrations.outreach.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Message-IDs that depend only on the outbox row, so a message sent again after a crash carries the
 * same one: the key receiving servers and mail clients use to spot a duplicate (Gmail and others
 * drop or fold a second copy with a Message-ID they already hold). The dedup key's hash keeps ids from
 * two databases (staging, a restore) apart even when row ids repeat.
 */
public final class MessageIds {

    private MessageIds() {}

    public static String of(long outboxId, String dedupKey, String domain) {
        return "<outbox." + outboxId + "." + shortHash(dedupKey) + "@" + domain + ">";
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
