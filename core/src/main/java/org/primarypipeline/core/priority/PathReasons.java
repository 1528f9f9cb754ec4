package org.primarypipeline.core.priority;

import java.util.Locale;

/** The one-sentence "why this path" shown beside each district. */
final class PathReasons {

    private PathReasons() {}

    /**
     * @param flipGeneral a Democratic nominee's general chance, to compare an independent with
     *                    (NaN when no such path was weighed)
     */
    static String of(
            Path path, DistrictFacts facts, DistrictLean lean, double general, double flipGeneral, ExpectedCost cost) {
        String seat = DistrictLean.label(lean.demShare()) + " seat";
        SittingMember m = facts.member();
        String reason = switch (path) {
            case ALLY ->
                String.format(
                        Locale.ROOT,
                        "%s (D) in a %s votes with the caucus's most progressive (%s); "
                                + "ask for the pledge instead of a challenge",
                        m.name(),
                        seat,
                        m.standing().describe());
            case PRIMARY_CHALLENGE ->
                String.format(
                        Locale.ROOT,
                        "%s (D) has served %.0f years in a %s%s; %s",
                        m.name(),
                        m.yearsInHouse(),
                        seat,
                        record(m.standing()),
                        general >= 0.9
                                ? "the general is safe, so the primary decides who holds it"
                                : "a progressive nominee would still face a " + DistrictPriority.percent(general)
                                        + " general");
            case OPEN_DEMOCRATIC_SEAT ->
                String.format(
                        Locale.ROOT,
                        "%s; %s, no incumbent in the primary",
                        facts.openSeatBasis() == null ? "no record of who held it" : facts.openSeatBasis(),
                        facts.holderParty() == Party.DEMOCRAT ? "Democratic-held " + seat : seat);
            case FLIP_REPUBLICAN_SEAT ->
                (m != null && !facts.isOpenSeat()
                                ? String.format(
                                        Locale.ROOT,
                                        "%s (%s) holds a %s",
                                        m.name(),
                                        m.party().initial(),
                                        seat)
                                : String.format(
                                        Locale.ROOT,
                                        "%s; %s without an incumbent",
                                        facts.openSeatBasis() == null
                                                ? "no record of who held it"
                                                : facts.openSeatBasis(),
                                        seat))
                        + "; a progressive Democrat's general chance is " + DistrictPriority.percent(general);
            case INDEPENDENT ->
                String.format(
                        Locale.ROOT,
                        "%s%s: a Democratic nominee's general chance is %s, an independent without the party label has %s",
                        m != null && !facts.isOpenSeat()
                                ? m.name() + " (" + m.party().initial() + ") holds a "
                                : "open ",
                        seat,
                        DistrictPriority.percent(flipGeneral),
                        DistrictPriority.percent(general));
        };
        return reason + "; cost: " + cost.basis();
    }

    /** The challenge's case from the voting record, or nothing when there is no score. */
    private static String record(CaucusStanding s) {
        if (s == null) {
            return " (no roll-call score on record)";
        }
        double right = s.rightOfSeat();
        String against = Math.abs(right) < 0.05
                ? "about as progressive as such seats usually elect"
                : String.format(
                        Locale.ROOT,
                        "%.2f %s of what such seats usually elect",
                        Math.abs(right),
                        right > 0 ? "to the right" : "to the left");
        return String.format(Locale.ROOT, " and votes %s (%s)", against, s.describe());
    }
}
