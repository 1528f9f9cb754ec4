package org.primarypipeline.core.priority;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.primarypipeline.core.district.DistrictId;

/**
 * Scores a past election's districts with the same model, from data before it, and measures the
 * ranking against what happened. The MEDSL file holds general elections only (its {@code stage}
 * column is GEN throughout; no primaries, specials or runoffs), so a successful primary challenger
 * cannot be seen: the outcome is "the seat changed party in the general election".
 */
public final class Backtest {

    public static final String OUTCOME = "seat won by a different party than in the previous general election "
            + "(same district number); the results file has no primaries, so primary upsets are not counted";
    static final int TOP = 50;

    private Backtest() {}

    public static BacktestReport run(int year) {
        return run(year, PriorityWeights.defaults());
    }

    public static BacktestReport run(int year, PriorityWeights weights) {
        List<DistrictFacts> facts = HistoricFacts.before(year);
        PriorityModel model = new PriorityModel(weights);
        Map<DistrictId, HouseResult> results = HistoricFacts.results(year);

        List<DistrictPriority> scored = new ArrayList<>();
        List<Boolean> changed = new ArrayList<>();
        List<Double> closeness = new ArrayList<>();
        List<Double> republicanSeatGeneral = new ArrayList<>();
        List<Boolean> republicanSeatFlipped = new ArrayList<>();
        Map<String, Integer> gapCounts = new TreeMap<>();
        int excluded = 0;
        Map<DistrictId, DistrictFacts> byDistrict = new TreeMap<>();
        facts.forEach(f -> byDistrict.put(f.district(), f));
        for (DistrictPriority p : model.rank(facts, Map.of())) {
            DistrictFacts f = byDistrict.get(p.district());
            HouseResult result = results.get(p.district());
            if (f.holderParty() == null || result == null) {
                excluded++;
                continue;
            }
            boolean flipped = result.winnerParty() != f.holderParty();
            scored.add(p);
            changed.add(flipped);
            closeness.add(-Math.abs(DistrictLean.of(f, weights).marginPoints()));
            if (f.holderParty() == Party.REPUBLICAN) {
                republicanSeatGeneral.add(p.generalWin());
                republicanSeatFlipped.add(result.winnerParty() == Party.DEMOCRAT);
            }
            p.gaps().forEach(g -> gapCounts.merge(kind(g), 1, Integer::sum));
        }
        double[] scores = scored.stream().mapToDouble(DistrictPriority::score).toArray();
        boolean[] labels = toArray(changed);
        int positives = (int) changed.stream().filter(b -> b).count();
        List<String> missing = new ArrayList<>();
        gapCounts.forEach((gap, n) -> missing.add(gap + " (" + n + " of " + scored.size() + " districts)"));
        return new BacktestReport(
                year,
                scored.size(),
                positives,
                RankingQuality.auc(scores, labels),
                RankingQuality.precisionAt(TOP, scores, labels),
                missing,
                OUTCOME,
                excluded,
                RankingQuality.auc(
                        closeness.stream().mapToDouble(Double::doubleValue).toArray(), labels),
                RankingQuality.auc(
                        republicanSeatGeneral.stream()
                                .mapToDouble(Double::doubleValue)
                                .toArray(),
                        toArray(republicanSeatFlipped)));
    }

    /** The fixed phrase of a gap label, without the district's details. */
    private static String kind(String gap) {
        int colon = gap.indexOf(':', gap.startsWith("redrawn:") ? "redrawn:".length() : 0);
        return colon < 0 ? gap : gap.substring(0, colon);
    }

    private static boolean[] toArray(List<Boolean> list) {
        boolean[] a = new boolean[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }
}
