package org.primarypipeline.core.priority;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The district's partisan lean: the Democratic share of the two-party presidential vote on its
 * lines, blended over the two most recent elections. Where no presidential result exists (the
 * backtests of years before 2020) the last House result stands in, and that is labelled.
 *
 * @param demShare     Democratic two-party share, 0..1
 * @param presidential whether it rests on presidential results (then the House result may adjust
 *                     the general margin on top; otherwise it already is the House result)
 */
record DistrictLean(double demShare, String description, boolean presidential, List<String> gaps) {

    /** Share assumed for a seat its party won unopposed: safe, but not infinitely so. */
    static final double UNCONTESTED_SHARE = 0.70;

    static DistrictLean of(DistrictFacts facts, PriorityWeights w) {
        List<PresidentialResult> pres = facts.presidential();
        List<String> gaps = new ArrayList<>();
        if (pres.size() >= 2) {
            PresidentialResult recent = pres.get(0);
            PresidentialResult prior = pres.get(1);
            double share = w.recentLean() * recent.demTwoPartyShare() + (1 - w.recentLean()) * prior.demTwoPartyShare();
            return new DistrictLean(
                    share,
                    String.format(
                            Locale.ROOT,
                            "%s (pres. %d %s, %d %s)",
                            label(share),
                            recent.year(),
                            label(recent.demTwoPartyShare()),
                            prior.year(),
                            label(prior.demTwoPartyShare())),
                    true,
                    gaps);
        }
        if (pres.size() == 1) {
            PresidentialResult only = pres.get(0);
            gaps.add(String.format(Locale.ROOT, "%s: lean from %d alone", Gaps.ONE_PRESIDENTIAL, only.year()));
            return new DistrictLean(
                    only.demTwoPartyShare(),
                    String.format(Locale.ROOT, "%s (pres. %d)", label(only.demTwoPartyShare()), only.year()),
                    true,
                    gaps);
        }
        gaps.add(Gaps.NO_PRESIDENTIAL + " " + facts.electionYear());
        HouseResult house = facts.lastHouse();
        if (house == null) {
            gaps.add(Gaps.NO_LEAN);
            return new DistrictLean(0.5, "even (no result at all)", false, gaps);
        }
        String lines = house.onSameLines() ? "" : ", old lines";
        if (house.demTwoPartyShare().isPresent()) {
            double share = house.demTwoPartyShare().getAsDouble();
            gaps.add(Gaps.LEAN_FROM_HOUSE + ": " + house.year() + " House vote" + lines);
            return new DistrictLean(
                    share,
                    String.format(Locale.ROOT, "%s (House %d%s)", label(share), house.year(), lines),
                    false,
                    gaps);
        }
        double share = switch (house.winnerParty()) {
            case DEMOCRAT -> UNCONTESTED_SHARE;
            case REPUBLICAN -> 1 - UNCONTESTED_SHARE;
            case OTHER -> 0.5;
        };
        gaps.add(String.format(
                Locale.ROOT,
                "%s: %s won %d without a two-party race, share %.2f assumed",
                Gaps.LEAN_ASSUMED,
                house.winnerParty().initial(),
                house.year(),
                share));
        return new DistrictLean(
                share,
                String.format(
                        Locale.ROOT,
                        "%s (assumed: %d not contested by both parties%s)",
                        label(share),
                        house.year(),
                        lines),
                false,
                gaps);
    }

    /** Two-party margin in points. */
    double marginPoints() {
        return (2 * demShare - 1) * 100;
    }

    /** D+12 / R+5 / EVEN: the district's own two-party margin, not relative to the nation. */
    static String label(double share) {
        double margin = (2 * share - 1) * 100;
        if (Math.abs(margin) < 0.5) {
            return "EVEN";
        }
        return String.format(Locale.ROOT, "%s+%.0f", margin > 0 ? "D" : "R", Math.abs(margin));
    }
}
