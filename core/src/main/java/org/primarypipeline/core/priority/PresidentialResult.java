package org.primarypipeline.core.priority;

/**
 * A presidential result inside one district's lines, as the Democratic share of the two-party vote
 * (0..1); third parties are left out so that years with different third-party votes compare.
 *
 * @param source where the figure comes from, shown to staff beside the lean
 */
public record PresidentialResult(int year, double demTwoPartyShare, String source) {

    public PresidentialResult {
        if (!(demTwoPartyShare >= 0 && demTwoPartyShare <= 1)) {
            throw new IllegalArgumentException("two-party share out of range: " + demTwoPartyShare);
        }
    }

    /** From the two candidates' shares of all votes (percent or fraction, as long as both agree). */
    public static PresidentialResult of(int year, double dem, double rep, String source) {
        return new PresidentialResult(year, dem / (dem + rep), source);
    }

    /** Democratic minus Republican, in percentage points of the two-party vote. */
    public double demMarginPoints() {
        return (2 * demTwoPartyShare - 1) * 100;
    }
}
