package org.primarypipeline.batch.importsupporters;

import java.util.Arrays;

/**
 * A map from text to a non-zero {@code long}, for the key index of an import: a million or more emails
 * and phones, kept for the length of the import. The keys' characters are copied into large character
 * pages and the map itself is arrays of numbers, so the garbage collector has no per-key object to copy
 * from the young generation to the old, nor old-to-young references to track. Holding the rows' own
 * strings in a {@code ConcurrentHashMap} cost more processor time in the collector than the lookups did.
 *
 * <p>Open addressing with linear probing; a slot holds the key's hash and its entry. Not thread-safe:
 * {@link SupporterKeys} guards it. A removed key keeps its entry with the value 0 (absent), and is
 * brought back in place if it is put again.
 */
final class KeyTable {

    private static final int PAGE_BITS = 20;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;

    /** hash in the upper half, entry index + 1 in the lower; 0 is an empty slot. */
    private long[] slots;

    private int mask;
    private long[] values;
    /** Where each entry's key starts in the pages: its length first, then its characters. */
    private long[] keyAt;

    private int entries;
    private char[][] pages = new char[1][];
    private int page;
    private int pageUsed;

    KeyTable(int expectedKeys) {
        // beyond that it grows: a first guess of hundreds of millions would allocate gigabytes up front
        int expected = Math.min(expectedKeys, 1 << 26);
        int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
        slots = new long[capacity];
        mask = capacity - 1;
        values = new long[Math.max(16, expected)];
        keyAt = new long[values.length];
        pages[0] = new char[PAGE_SIZE];
    }

    /** The key's value, 0 when absent. */
    long get(String key) {
        int e = find(key, hash(key));
        return e < 0 ? 0 : values[e];
    }

    /** Sets the key's value (0 removes it). */
    void put(String key, long value) {
        int h = hash(key);
        int e = find(key, h);
        if (e >= 0) {
            values[e] = value;
        } else if (value != 0) {
            add(key, h, value);
        }
    }

    /** Removes the key if it has this value. */
    void remove(String key, long value) {
        int e = find(key, hash(key));
        if (e >= 0 && values[e] == value) {
            values[e] = 0;
        }
    }

    private static int hash(String key) {
        int h = key.hashCode() * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private int find(String key, int h) {
        for (int i = h & mask; ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == 0) {
                return -1;
            }
            if ((int) (slot >>> 32) == h) {
                int e = (int) slot - 1;
                if (keyEquals(keyAt[e], key)) {
                    return e;
                }
            }
        }
    }

    private boolean keyEquals(long at, String key) {
        char[] p = pages[(int) (at >>> PAGE_BITS)];
        int o = (int) (at & (PAGE_SIZE - 1));
        int n = key.length();
        if (p[o] != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (p[o + 1 + i] != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void add(String key, int h, long value) {
        if (key.length() >= Character.MAX_VALUE || key.length() + 1 > PAGE_SIZE) {
            throw new IllegalArgumentException("a key of " + key.length() + " characters");
        }
        if (entries == values.length) {
            values = Arrays.copyOf(values, entries * 2);
            keyAt = Arrays.copyOf(keyAt, entries * 2);
        }
        if ((entries + 1) * 2L > slots.length) {
            grow();
        }
        int e = entries++;
        values[e] = value;
        keyAt[e] = store(key);
        insert(h, e);
    }

    private void insert(int h, int e) {
        int i = h & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = ((long) h << 32) | (e + 1L);
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        mask = slots.length - 1;
        for (long slot : old) {
            if (slot != 0) {
                insert((int) (slot >>> 32), (int) slot - 1);
            }
        }
    }

    private long store(String key) {
        int n = key.length();
        if (pageUsed + n + 1 > PAGE_SIZE) {
            page++;
            if (page == pages.length) {
                pages = Arrays.copyOf(pages, pages.length * 2);
            }
            pages[page] = new char[PAGE_SIZE];
            pageUsed = 0;
        }
        char[] p = pages[page];
        p[pageUsed] = (char) n;
        key.getChars(0, n, p, pageUsed + 1);
        long at = ((long) page << PAGE_BITS) | pageUsed;
        pageUsed += n + 1;
        return at;
    }
}
