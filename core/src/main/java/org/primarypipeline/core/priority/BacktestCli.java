package org.primarypipeline.core.priority;

import java.io.PrintStream;
import java.util.Locale;

/** What {@code pp backtest --year Y} prints: one figure a line, then what the figures mean. */
public final class BacktestCli {

    private BacktestCli() {}

    /** @return the exit code: 0, or 2 for a year the bundled data cannot backtest */
    public static int run(int year, PrintStream out) {
        return run(year, false, out);
    }

    /**
     * @param primaries also print the primary figures ({@code backtest.primary_auc},
     *                  {@code backtest.primary_precision_at_20}) for years with bundled primary results
     */
    public static int run(int year, boolean primaries, PrintStream out) {
        if (!HistoricFacts.supports(year)) {
            out.printf(
                    Locale.ROOT,
                    "backtest: no data for %d; even years %d-%d are supported%n",
                    year,
                    HistoricFacts.FIRST_YEAR,
                    HistoricFacts.LAST_YEAR);
            return 2;
        }
        BacktestReport r = Backtest.run(year);
        out.printf(Locale.ROOT, "backtest.year: %d%n", r.year());
        out.printf(Locale.ROOT, "backtest.auc: %.2f%n", r.auc());
        out.printf(Locale.ROOT, "backtest.precision_at_50: %.2f%n", r.precisionAt50());
        out.printf(Locale.ROOT, "backtest.positives: %d count%n", r.positives());
        out.printf(Locale.ROOT, "backtest.districts_scored: %d count%n", r.districtsScored());
        out.printf(Locale.ROOT, "backtest.excluded: %d count%n", r.excluded());
        out.printf(Locale.ROOT, "backtest.closeness_baseline_auc: %.2f%n", r.closenessBaselineAuc());
        out.printf(
                Locale.ROOT, "backtest.general_win_auc_republican_seats: %.2f%n", r.generalWinAucOnRepublicanSeats());
        if (primaries) {
            printPrimaries(year, out);
        }
        out.println();
        out.println("Outcome: " + r.outcome() + ".");
        out.println("The score ranks bang for the buck for progressives (primary x general chance per dollar), so it"
                + " also favours safe Democratic seats where the primary decides; a seat changing party is only"
                + " part of what it aims at. The closeness baseline ranks by the lean alone, closest first."
                + " The last figure checks the general-election part of the model on the seats Republicans held.");
        out.println("Inputs missing or substituted before " + year + ":");
        r.missingInputs().forEach(m -> out.println("  - " + m));
        return 0;
    }

    private static void printPrimaries(int year, PrintStream out) {
        var primary = PrimaryBacktest.run(year);
        if (primary.isEmpty()) {
            out.printf(
                    Locale.ROOT,
                    "backtest.primary: no primary results bundled for %d (they cover %s)%n",
                    year,
                    PrimaryOutcomes.bundled().years());
            return;
        }
        PrimaryBacktest.Report p = primary.get();
        out.printf(Locale.ROOT, "backtest.primary_auc: %.2f%n", p.auc());
        out.printf(Locale.ROOT, "backtest.primary_precision_at_20: %.2f%n", p.precisionAt20());
        out.printf(Locale.ROOT, "backtest.primary_win_auc: %.2f%n", p.primaryWinAuc());
        out.printf(Locale.ROOT, "backtest.primary_upsets: %d count%n", p.upsets());
        out.printf(Locale.ROOT, "backtest.primary_seats: %d count%n", p.seats());
        out.printf(Locale.ROOT, "backtest.primary_seats_with_roll_call_score: %d count%n", p.scored());
        out.printf(Locale.ROOT, "backtest.primary_challenge_auc: %.2f%n", p.challengeAuc());
        out.printf(Locale.ROOT, "backtest.primary_open_seats: %d count%n", p.openSeats());
        out.printf(Locale.ROOT, "backtest.primary_open_progressive_wins: %d count%n", p.openProgressiveWins());
        out.printf(Locale.ROOT, "backtest.primary_open_auc: %.2f%n", p.openAuc());
        out.printf(
                Locale.ROOT,
                "backtest.primary_open_unjudged: %d count%n",
                p.openUnjudged().size());
        out.printf(Locale.ROOT, "backtest.primary_open_first_baseline_auc: %.2f%n", p.openFirstAuc());
        out.println("Primary outcome: " + PrimaryBacktest.OUTCOME + "; upsets ranked "
                + String.join(", ", p.upsetRanks()) + " of " + p.seats() + "; open seats judged by the "
                + (p.outcomeCongress() == 0
                        ? "(no Congress bundled)"
                        : CaucusStanding.ordinal(p.outcomeCongress()) + " Congress's first-term records")
                + "; roll-call scores from "
                + (p.scoresFrom() == 0
                        ? "no Congress (none that finished before " + year + " is bundled)"
                        : "the " + CaucusStanding.ordinal(p.scoresFrom()) + " Congress (Nokken-Poole)")
                + ".");
    }
}
