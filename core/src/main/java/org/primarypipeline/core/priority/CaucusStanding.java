package org.primarypipeline.core.priority;

import java.util.Locale;

/**
 * Where a sitting Democrat stands among the House Democrats of one Congress, by Voteview's roll-call
 * scores, and against what the seat's lean would lead one to expect.
 *
 * <p>The position is the sum of the two DW-NOMINATE dimensions. Within today's Democratic caucus the
 * first dimension alone puts members who vote against their party's bills from the left (the "Squad")
 * among the moderates; the second dimension puts them at its far end. Added, the two rank
 * Ocasio-Cortez, Pressley, Tlaib and Omar among the most progressive and Cuellar, Golden and Don Davis
 * among the least, as their records read.
 *
 * @param congress        the Congress the scores come from (119 = 2025-2026)
 * @param scoreKind       which Voteview estimate: "DW-NOMINATE" or "Nokken-Poole" (one Congress's votes only)
 * @param dim1            first dimension (negative = liberal)
 * @param dim2            second dimension
 * @param rankFromLeft    1 = the most progressive Democrat of that Congress
 * @param democrats       House Democrats with scores in that Congress
 * @param expectedForSeat the position a Democrat of a seat with this lean typically has (a straight
 *                        line fitted over the caucus), or NaN when the seat's lean is unknown
 */
public record CaucusStanding(
        int congress,
        String scoreKind,
        double dim1,
        double dim2,
        int rankFromLeft,
        int democrats,
        double expectedForSeat) {

    /** Lower = further left. */
    public double position() {
        return dim1 + dim2;
    }

    /** Share of the caucus at least as progressive: 1/n for the most progressive, 1 for the least. */
    public double shareFromLeft() {
        return (double) rankFromLeft / democrats;
    }

    /** How far to the right of the seat's expectation the member votes (positive = right of it). */
    public double rightOfSeat() {
        return Double.isNaN(expectedForSeat) ? 0 : position() - expectedForSeat;
    }

    /** Whether the member is among the caucus's most progressive {@code share}. */
    public boolean progressive(double share) {
        return shareFromLeft() <= share;
    }

    /** e.g. "DW-NOMINATE -0.33/-0.95 (119th Congress), 3rd most progressive of 219 House Democrats". */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "%s %+.2f/%+.2f (%s Congress), %s most progressive of %d House Democrats",
                scoreKind,
                dim1,
                dim2,
                ordinal(congress),
                ordinal(rankFromLeft),
                democrats);
    }

    /**
     * For the district page: the scores, the rank among Democrats with its share, and the record
     * against the seat, e.g. "... 6th most progressive of 216 House Democrats (most progressive 3%);
     * votes 0.20 to the left of what such seats usually elect".
     */
    public String sentence() {
        double right = rightOfSeat();
        String seat = Double.isNaN(expectedForSeat)
                ? ""
                : Math.abs(right) < 0.05
                        ? "; votes about as progressive as such seats usually elect"
                        : String.format(
                                Locale.ROOT,
                                "; votes %.2f to the %s of what such seats usually elect",
                                Math.abs(right),
                                right > 0 ? "right" : "left");
        return String.format(
                Locale.ROOT,
                "%s (position %+.2f, the two dimensions added; most progressive %.0f%% of the caucus)%s",
                describe(),
                position(),
                Math.max(1, Math.ceil(shareFromLeft() * 100)),
                seat);
    }

    /** The short form for tables: position and rank, e.g. "-1.27 #3/219". */
    public String brief() {
        return String.format(Locale.ROOT, "%+.2f #%d/%d", position(), rankFromLeft, democrats);
    }

    static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13
                ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }
}
