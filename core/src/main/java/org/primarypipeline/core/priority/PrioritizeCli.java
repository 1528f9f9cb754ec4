package org.primarypipeline.core.priority;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.money.Money;

/** What {@code pp prioritize} prints; framework-free so any command-line wrapper can call it. */
public final class PrioritizeCli {

    private static final int MOVES_SHOWN = 15;

    private PrioritizeCli() {}

    /** The best {@code n} districts of the 2026 lines with default weights and no supporters. */
    public static void printTop(int n, PrintStream out) {
        printTop(n, PriorityWeights.defaults(), Map.of(), out);
    }

    public static void printTop(
            int n, PriorityWeights weights, Map<DistrictId, SupporterStrength> strength, PrintStream out) {
        List<DistrictPriority> ranked = new PriorityModel(weights).rank(PublicDataFacts.plan2026(), strength);
        printTable(ranked, n, out);
        printPathCounts(ranked, out);
    }

    /**
     * The top {@code n} under {@code weights}, then how the ranking moved against the defaults:
     * what entered or left the top {@code n}, and the largest moves overall.
     */
    public static void printTopWithDiff(int n, PriorityWeights weights, PrintStream out) {
        List<DistrictPriority> base = PriorityModel.withDefaults().rank(PublicDataFacts.plan2026(), Map.of());
        List<DistrictPriority> changed = new PriorityModel(weights).rank(PublicDataFacts.plan2026(), Map.of());
        out.println("Weights changed from the defaults: " + weights.differencesFrom(PriorityWeights.defaults()));
        printTable(changed, n, out);
        RankingDiff diff = RankingDiff.between(base, changed);
        out.printf(
                Locale.ROOT,
                "%nAgainst the defaults: %d districts moved up, %d down, %d changed path.%n",
                diff.movedUp().size(),
                diff.movedDown().size(),
                diff.pathChanges().size());
        List<RankingDiff.Move> crossings = diff.crossings(n);
        if (!crossings.isEmpty()) {
            out.printf(Locale.ROOT, "Entered or left the top %d:%n", n);
            crossings.forEach(m -> printMove(m, out));
        }
        out.println("Largest moves:");
        diff.moves().stream().filter(m -> m.placesUp() != 0).limit(MOVES_SHOWN).forEach(m -> printMove(m, out));
    }

    static void printTable(List<DistrictPriority> ranked, int n, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%4s  %-6s %7s  %-40s %7s %7s %8s  %-14s  %s%n",
                "rank",
                "dist",
                "score",
                "path",
                "primary",
                "general",
                "cost",
                "incumbent",
                "why");
        for (DistrictPriority p : ranked.subList(0, Math.min(n, ranked.size()))) {
            out.printf(
                    Locale.ROOT,
                    "%4d  %-6s %7.3f  %-40s %7s %7s %8s  %-14s  %s%n",
                    p.rank(),
                    p.district(),
                    p.score(),
                    p.path().label(),
                    DistrictPriority.percent(p.primaryWin()),
                    DistrictPriority.percent(p.generalWin()),
                    Money.approximate((double) p.expectedCostDollars()),
                    p.incumbentBrief(),
                    p.pathReason());
        }
        out.println("score = expected progressive wins per $1M; incumbent = a sitting Democrat's Voteview"
                + " position (DW-NOMINATE dimensions added, lower = further left) and rank from the left among"
                + " House Democrats; every district's full explanation: DistrictPriority.explanation()");
    }

    private static void printPathCounts(List<DistrictPriority> ranked, PrintStream out) {
        StringBuilder s = new StringBuilder("Paths over all " + ranked.size() + " districts:");
        for (Path path : Path.values()) {
            s.append(String.format(
                    Locale.ROOT,
                    " %s %d;",
                    path.label(),
                    ranked.stream().filter(p -> p.path() == path).count()));
        }
        out.println(s);
    }

    private static void printMove(RankingDiff.Move m, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "  %-6s %4d -> %-4d (%+d)%s%n",
                m.district(),
                m.fromRank(),
                m.toRank(),
                m.placesUp(),
                m.pathChanged()
                        ? "  path: " + m.fromPath().label() + " -> "
                                + m.toPath().label()
                        : "");
    }
}
