package org.primarypipeline.core.vote.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A ballot's ranking as written in a tally file: {@code Ana>Ben>Cy}. Cast-vote records from real
 * ranked-choice elections also hold skipped ranks ({@code Ana>>Cy}) and overvotes ({@code Ana>Ben=Cy}: two
 * nominees marked at one rank). They are read as the common tabulation rules read them (RCTab's defaults):
 * a skipped rank is passed over, and the ballot stops counting at an overvote, since nobody can say which
 * of the two the voter preferred. A field that is blank altogether is returned empty, and the count refuses
 * it with its reason.
 */
final class RankingField {

    private RankingField() {}

    /** The nominees that count, in order; empty when the field is blank or no rank before an overvote holds a name. */
    static List<String> positions(String field) {
        List<String> positions = new ArrayList<>(4);
        int start = 0;
        int length = field.length();
        while (start <= length) {
            int end = field.indexOf('>', start);
            if (end < 0) {
                end = length;
            }
            String position = field.substring(start, end).trim();
            if (position.indexOf('=') >= 0) {
                break;
            }
            if (!position.isEmpty()) {
                positions.add(position);
            }
            start = end + 1;
        }
        return positions;
    }

    /** True for a field that is not blank but holds no rank the count can use (an overvote first, say). */
    static boolean setAside(String field, List<String> positions) {
        return positions.isEmpty() && !field.isBlank();
    }
}
