package org.primarypipeline.voting;

/**
 * A ballot's place in its cycle's receipt chain and its receipt code (64 hex digits), with the ballot's
 * secret right after it was cast (the only moment it exists outside the member's hands: it is never
 * stored, only its hash), null when read back later.
 */
public record Receipt(long seq, String code, String secret) {

    public Receipt(long seq, String code) {
        this(seq, code, null);
    }
}
