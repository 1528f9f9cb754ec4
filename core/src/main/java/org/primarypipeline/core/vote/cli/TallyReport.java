package org.primarypipeline.core.vote.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.primarypipeline.core.vote.Round;
import org.primarypipeline.core.vote.VoteResult;

/** The human-readable form of a count: the books first, then the ballots' weights, then round by round. */
final class TallyReport {

    private TallyReport() {}

    static String render(VoteResult result, BigDecimal quorum) {
        return render(result, quorum, 0);
    }

    /** {@code setAside}: ballots whose ranks all were skipped or came after an overvote, told when any. */
    static String render(VoteResult result, BigDecimal quorum, int setAside) {
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder();
        out.append("Count: ")
                .append(result.method().id())
                .append(", ")
                .append(result.policy().id())
                .append(" flow, seed ")
                .append(result.seed())
                .append(nl);
        out.append("Electorate: ")
                .append(result.electorate())
                .append(" members, ")
                .append(units(result.totalUnits()))
                .append(" units")
                .append(nl);
        out.append("Exercised: ")
                .append(units(result.exercisedUnits()))
                .append(" units (")
                .append(percent(result.exercisedUnits(), result.totalUnits()))
                .append(")")
                .append(nl);
        out.append("Unexercised: ")
                .append(units(result.unexercisedUnits()))
                .append(" units (dead ends ")
                .append(units(result.unexercisedDeadEnds()))
                .append(", cycles ")
                .append(units(result.unexercisedCycles()))
                .append(")")
                .append(nl);
        out.append("Quorum (")
                .append(percent(quorum, BigDecimal.ONE))
                .append(" of units): ")
                .append(result.quorumMet(quorum) ? "met" : "NOT met")
                .append(nl);
        if (setAside > 0) {
            out.append("Set aside: ")
                    .append(setAside)
                    .append(" ballots with no rank that counts (an overvote first, or only skipped ranks)")
                    .append(nl);
        }

        out.append(nl).append("Ballot weights:").append(nl);
        table(result.weights(), out);

        int number = 1;
        for (Round round : result.rounds()) {
            out.append(nl).append("Round ").append(number++).append(':').append(nl);
            table(round.tallies(), out);
            out.append("  exhausted: ").append(units(round.exhausted())).append(nl);
            if (!round.eliminated().isEmpty()) {
                out.append("  eliminated: ")
                        .append(String.join(", ", round.eliminated()))
                        .append(nl);
            }
        }
        if (!result.pairwise().isEmpty()) {
            out.append(nl)
                    .append("Pairwise (units preferring the first to the second):")
                    .append(nl);
            result.pairwise()
                    .forEach((a, row) -> row.forEach((b, units) -> out.append("  ")
                            .append(a)
                            .append(" over ")
                            .append(b)
                            .append(": ")
                            .append(units(units))
                            .append(nl)));
        }
        out.append(nl)
                .append("Winner: ")
                .append(result.winner() == null ? "none (no ballot carries any units)" : result.winner())
                .append(nl);
        if (result.runnerUp() != null) {
            out.append("Runner-up (if the winner withdraws): ")
                    .append(result.runnerUp())
                    .append(nl);
        }
        for (String tieBreak : result.tieBreaks()) {
            out.append("Tie-break: ").append(tieBreak).append(nl);
        }
        return out.toString();
    }

    private static void table(Map<String, BigDecimal> rows, StringBuilder out) {
        int width = 0;
        for (String name : rows.keySet()) {
            width = Math.max(width, name.length());
        }
        for (Map.Entry<String, BigDecimal> row : rows.entrySet()) {
            out.append("  ").append(row.getKey());
            for (int pad = row.getKey().length(); pad < width + 2; pad++) {
                out.append(' ');
            }
            out.append(units(row.getValue())).append(System.lineSeparator());
        }
    }

    static String units(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static String percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return "0%";
        }
        return units(part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_EVEN)) + "%";
    }
}
