package org.primarypipeline.core.vote;

/** A row of exact {@link Units} accumulators, kept in two long arrays so that adding a ballot allocates nothing. */
final class UnitSums {

    private final long[] whole;
    private final long[] pico;

    UnitSums(int slots) {
        whole = new long[slots];
        pico = new long[slots];
    }

    void add(int slot, long units, long picounits) {
        whole[slot] += units;
        long p = pico[slot] + picounits;
        if (p >= Units.PICO_PER_UNIT) {
            whole[slot]++;
            p -= Units.PICO_PER_UNIT;
        }
        pico[slot] = p;
    }

    void clear(int slot) {
        whole[slot] = 0;
        pico[slot] = 0;
    }

    Units get(int slot) {
        return new Units(whole[slot], pico[slot]);
    }
}
