package org.primarypipeline.core.priority;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.money.Money;

/**
 * The model's verdict on one district.
 *
 * @param lean                the partisan lean it rests on, e.g. {@code D+31 (pres. 2024 D+30, 2020 D+35)}
 * @param primaryWin          chance a progressive wins the first stage (primary, or the ballot for
 *                            an independent)
 * @param generalWin          chance that nominee then wins the general election
 * @param expectedCostDollars one competitive campaign, whole US dollars
 * @param score               expected progressive wins per $1M (path value x primaryWin x
 *                            generalWin / cost in $M, cost raised to the cost weight)
 * @param rank                1 = best; 0 while unranked
 * @param contributions       the terms behind the figures: {@code primary.*} in logits,
 *                            {@code general.*} in points of margin, {@code score.*} in natural
 *                            logs that add up to ln(score)
 * @param gaps                labels of missing or substituted data
 * @param incumbent           the sitting Democrat's standing in the caucus by roll-call scores, or
 *                            null (no sitting Democrat, or no score)
 */
public record DistrictPriority(
        DistrictId district,
        String lean,
        double primaryWin,
        double generalWin,
        long expectedCostDollars,
        double score,
        int rank,
        Path path,
        String pathReason,
        Map<String, Double> contributions,
        List<String> gaps,
        CaucusStanding incumbent) {

    public DistrictPriority {
        contributions = Collections.unmodifiableMap(new LinkedHashMap<>(contributions));
        gaps = List.copyOf(gaps);
    }

    /** Chance of holding the seat at the end: primary and general. */
    public double winChance() {
        return primaryWin * generalWin;
    }

    public DistrictPriority withRank(int newRank) {
        return new DistrictPriority(
                district,
                lean,
                primaryWin,
                generalWin,
                expectedCostDollars,
                score,
                newRank,
                path,
                pathReason,
                contributions,
                gaps,
                incumbent);
    }

    /** The incumbent's score for tables, e.g. "-1.27 #3/219", or "" when there is none. */
    public String incumbentBrief() {
        return incumbent == null ? "" : incumbent.brief();
    }

    /** One paragraph a staff member can read without the formulas. */
    public String explanation() {
        StringBuilder s = new StringBuilder();
        s.append(rank > 0 ? "#" + rank + " " : "")
                .append(district)
                .append(" - ")
                .append(path.label())
                .append(": ")
                .append(pathReason)
                .append(". ");
        s.append(String.format(
                Locale.ROOT,
                "Progressive wins the %s %s x general %s = %s; expected cost %s; "
                        + "score %.3f expected wins per $1M.",
                path.throughDemocraticPrimary() ? "primary" : "ballot",
                percent(primaryWin),
                percent(generalWin),
                percent(winChance()),
                Money.approximate((double) expectedCostDollars),
                score));
        s.append(" Primary terms (logits): ").append(terms("primary."));
        s.append("; general terms (points): ").append(terms("general."));
        s.append(gaps.isEmpty() ? "." : ". Data gaps: " + String.join("; ", gaps) + ".");
        return s.toString();
    }

    private String terms(String prefix) {
        return contributions.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && Math.abs(e.getValue()) >= 0.005)
                .map(e -> String.format(Locale.ROOT, "%s %+.2f", e.getKey().substring(prefix.length()), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    static String percent(double p) {
        if (p < 0.001) {
            return "<0.1%";
        }
        if (p > 0.999) {
            return ">99.9%";
        }
        return String.format(Locale.ROOT, p < 0.1 ? "%.1f%%" : "%.0f%%", p * 100);
    }
}
