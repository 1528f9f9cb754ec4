package org.primarypipeline.voting;

import java.util.Arrays;
import org.primarypipeline.core.vote.MemberIds;

/**
 * The frozen electorate's numeric member ids as the vote engine indexes them. The engine wants index
 * order to be the ids' string order ("10" before "9"), so the ids are sorted on a key that orders like
 * their decimal strings; lookups by number go through an open-addressing table, since a million
 * members times three proxy rows is too many binary searches on strings.
 */
final class MemberIndex implements MemberIds {

    /** Ids are padded to this many digits for the sort key; bigserial ids stay far below 10^17. */
    private static final int DIGITS = 17;

    private static final long LIMIT = 100_000_000_000_000_000L;
    private static final long[] POW10 = new long[DIGITS + 1];

    static {
        POW10[0] = 1;
        for (int i = 1; i <= DIGITS; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private final long[] ids;
    private final long[] slotKey;
    private final int[] slotIndex;
    private final int mask;

    private MemberIndex(long[] ids) {
        this.ids = ids;
        int capacity = Integer.highestOneBit(Math.max(4, ids.length * 2 - 1)) << 1;
        this.slotKey = new long[capacity];
        this.slotIndex = new int[capacity];
        this.mask = capacity - 1;
        Arrays.fill(slotIndex, -1);
        for (int i = 0; i < ids.length; i++) {
            int slot = slot(ids[i]);
            while (slotIndex[slot] >= 0) {
                if (slotKey[slot] == ids[i]) {
                    throw new IllegalArgumentException("member " + ids[i] + " is listed twice in the electorate");
                }
                slot = (slot + 1) & mask;
            }
            slotKey[slot] = ids[i];
            slotIndex[slot] = i;
        }
    }

    /** {@code count} ids from {@code raw}, in any order; positive and below 10^17. */
    static MemberIndex of(long[] raw, int count) {
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            long id = raw[i];
            if (id <= 0 || id >= LIMIT) {
                throw new IllegalArgumentException("member id out of range: " + id);
            }
            int length = digits(id);
            // padded digits then length: equal prefixes order shorter first, as strings do
            keys[i] = id * POW10[DIGITS - length] * (DIGITS + 1) + length;
        }
        Arrays.sort(keys);
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            int length = (int) (keys[i] % (DIGITS + 1));
            ids[i] = keys[i] / (DIGITS + 1) / POW10[DIGITS - length];
        }
        return new MemberIndex(ids);
    }

    private static int digits(long id) {
        int d = 1;
        while (d < DIGITS && id >= POW10[d]) {
            d++;
        }
        return d;
    }

    private int slot(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /** The index of member {@code id}, or -1. */
    int indexOf(long id) {
        int slot = slot(id);
        while (slotIndex[slot] >= 0) {
            if (slotKey[slot] == id) {
                return slotIndex[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    long number(int index) {
        return ids[index];
    }

    @Override
    public int size() {
        return ids.length;
    }

    @Override
    public String id(int index) {
        return Long.toString(ids[index]);
    }

    @Override
    public int indexOf(String id) {
        if (id == null || id.isEmpty() || id.length() > DIGITS || id.charAt(0) == '0') {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return indexOf(value);
    }
}
