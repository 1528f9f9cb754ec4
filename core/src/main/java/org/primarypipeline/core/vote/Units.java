package org.primarypipeline.core.vote;

import java.math.BigDecimal;

/**
 * An exact non-negative amount of vote units: whole units plus picounits (10^-12). Tallies are sums of
 * the published, rounded ballot weights in this form, so anyone can re-add the weights and get the
 * tallies to the last digit; two longs never overflow however large the electorate.
 */
record Units(long whole, long pico) implements Comparable<Units> {

    static final int SCALE = 12;
    static final long PICO_PER_UNIT = 1_000_000_000_000L;
    /** Amounts this close (10^-9 of a unit) are treated as a tie. */
    static final long TIE_PICO = 1_000L;

    static final Units ZERO = new Units(0, 0);

    /** Rounds half-even to a picounit; anything not above zero (rounding noise included) is zero. */
    static Units of(double value) {
        if (!(value > 0)) {
            return ZERO;
        }
        double floor = Math.floor(value);
        long whole = (long) floor;
        // value - floor is exact for doubles, so only the final scaling rounds.
        long pico = (long) Math.rint((value - floor) * PICO_PER_UNIT);
        if (pico >= PICO_PER_UNIT) {
            whole++;
            pico -= PICO_PER_UNIT;
        }
        return new Units(whole, pico);
    }

    Units plus(Units other) {
        return plus(other.whole, other.pico);
    }

    Units plus(long otherWhole, long otherPico) {
        long w = whole + otherWhole;
        long p = pico + otherPico;
        if (p >= PICO_PER_UNIT) {
            w++;
            p -= PICO_PER_UNIT;
        }
        return new Units(w, p);
    }

    Units twice() {
        return plus(this);
    }

    boolean isZero() {
        return whole == 0 && pico == 0;
    }

    /** Equal to within {@link #TIE_PICO}. */
    boolean ties(Units other) {
        long wholeDifference = whole - other.whole;
        if (wholeDifference > 1 || wholeDifference < -1) {
            return false;
        }
        long difference = wholeDifference * PICO_PER_UNIT + (pico - other.pico);
        return Math.abs(difference) <= TIE_PICO;
    }

    /** Greater by more than the tie tolerance. */
    boolean clearlyExceeds(Units other) {
        return compareTo(other) > 0 && !ties(other);
    }

    BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(whole).setScale(SCALE).add(BigDecimal.valueOf(pico, SCALE));
    }

    /** For people: no trailing zeros. */
    String display() {
        BigDecimal value = toBigDecimal().stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
    }

    @Override
    public int compareTo(Units other) {
        int byWhole = Long.compare(whole, other.whole);
        return byWhole != 0 ? byWhole : Long.compare(pico, other.pico);
    }
}
