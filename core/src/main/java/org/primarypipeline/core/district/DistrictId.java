package org.primarypipeline.core.district;

import java.util.Objects;

/**
 * One congressional district, named the way staff and the 2026 plan name it: postal state code and a
 * two-digit number, e.g. {@code TX-07}. At-large seats and delegates are number 1 ({@code AK-01}), so
 * that every source's key ("0", "00", "AL", "01", "98") lands on the same id.
 */
public record DistrictId(String state, int number) implements Comparable<DistrictId> {

    public DistrictId {
        Objects.requireNonNull(state, "state");
        if (!UsStates.isPostalCode(state)) {
            throw new IllegalArgumentException("unknown state: " + state);
        }
        if (number < 1 || number > 99) {
            throw new IllegalArgumentException("district number out of range: " + number);
        }
    }

    /** Parses the canonical form {@code TX-07}; use {@link DistrictKeys} for other sources' forms. */
    public static DistrictId parse(String text) {
        return DistrictKeys.fromCombined(text);
    }

    @Override
    public String toString() {
        return String.format("%s-%02d", state, number);
    }

    @Override
    public int compareTo(DistrictId other) {
        int byState = state.compareTo(other.state);
        return byState != 0 ? byState : Integer.compare(number, other.number);
    }
}
