package org.primarypipeline.core.priority;

import java.util.List;

/**
 * How the score, computed only from data published before an election, ranked the seats that
 * changed hands in it.
 *
 * @param districtsScored         districts with a known outcome
 * @param positives               seats won by a different party than last time
 * @param auc                     chance a changed seat outranks an unchanged one (0.5 = chance)
 * @param precisionAt50           share of changed seats among the 50 best-ranked
 * @param missingInputs           which inputs were absent or substituted, with how many districts
 * @param outcome                 the outcome definition, in words
 * @param excluded                districts left out for want of an outcome (new seat numbers)
 * @param closenessBaselineAuc    the same AUC for the naive rule "closest lean first", for scale
 * @param generalWinAucOnRepublicanSeats AUC of the model's general-election chance among seats
 *                                Republicans held, against "a Democrat won it"
 */
public record BacktestReport(
        int year,
        int districtsScored,
        int positives,
        double auc,
        double precisionAt50,
        List<String> missingInputs,
        String outcome,
        int excluded,
        double closenessBaselineAuc,
        double generalWinAucOnRepublicanSeats) {

    public BacktestReport {
        missingInputs = List.copyOf(missingInputs);
    }
}
