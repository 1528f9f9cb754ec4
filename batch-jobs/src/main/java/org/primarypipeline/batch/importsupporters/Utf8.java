package org.primarypipeline.batch.importsupporters;

/**
 * Checks UTF-8 (RFC 3629) one byte at a time, for the file scan: the scan feeds it only bytes that are
 * not ASCII or that continue a character, so plain ASCII costs one comparison.
 */
final class Utf8 {

    private int needed;
    private int low = 0x80;
    private int high = 0xBF;

    boolean inSequence() {
        return needed > 0;
    }

    /** False when this byte cannot come next in valid UTF-8. */
    boolean accept(byte b) {
        int u = b & 0xFF;
        if (needed > 0) {
            if (u < low || u > high) {
                return false;
            }
            needed--;
            low = 0x80;
            high = 0xBF;
            return true;
        }
        if (u < 0x80) {
            return true;
        }
        if (u >= 0xC2 && u <= 0xDF) {
            needed = 1;
        } else if (u >= 0xE0 && u <= 0xEF) {
            needed = 2;
            if (u == 0xE0) {
                low = 0xA0; // no overlong forms
            } else if (u == 0xED) {
                high = 0x9F; // no surrogates
            }
        } else if (u >= 0xF0 && u <= 0xF4) {
            needed = 3;
            if (u == 0xF0) {
                low = 0x90;
            } else if (u == 0xF4) {
                high = 0x8F; // nothing above U+10FFFF
            }
        } else {
            return false;
        }
        return true;
    }
}
