package org.primarypipeline.core.priority;

import java.util.Arrays;
import java.util.Comparator;

/** How well a score put the districts that turned out to matter at the top. */
final class RankingQuality {

    private RankingQuality() {}

    /**
     * Area under the ROC curve: the chance a random positive scores above a random negative
     * (ties count half). 0.5 is a coin; NaN when either class is empty.
     */
    static double auc(double[] scores, boolean[] positive) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double[] ranks = new double[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = averageRank;
            }
            i = j + 1;
        }
        long positives = 0;
        double rankSum = 0;
        for (int i = 0; i < n; i++) {
            if (positive[i]) {
                positives++;
                rankSum += ranks[i];
            }
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
    }

    /** Share of positives among the {@code k} highest scores (ties broken by input order). */
    static double precisionAt(int k, double[] scores, boolean[] positive) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        int top = Math.min(k, order.length);
        int hits = 0;
        for (int i = 0; i < top; i++) {
            if (positive[order[i]]) {
                hits++;
            }
        }
        return top == 0 ? Double.NaN : (double) hits / top;
    }
}
