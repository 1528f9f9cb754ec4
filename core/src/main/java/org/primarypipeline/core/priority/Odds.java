package org.primarypipeline.core.priority;

import java.util.Map;

/**
 * A chance and the additive terms it was computed from; the terms are in the stage's own unit
 * (logits for the primary, points of margin for the general) so staff can read each input's pull.
 */
record Odds(double probability, Map<String, Double> terms) {

    static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
