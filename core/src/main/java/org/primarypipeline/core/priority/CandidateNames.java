package org.primarypipeline.core.priority;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether two ballot names are the same person. The results file spells one member
 * differently from year to year ("FREDERICA S WILSON", "FREDERICA WILSON"), so names are compared
 * on first and last name only, without initials, suffixes or punctuation.
 */
final class CandidateNames {

    private static final Set<String> SUFFIXES = Set.of("JR", "SR", "II", "III", "IV", "MR", "MRS", "MS", "DR");

    private CandidateNames() {}

    static boolean same(String a, String b) {
        List<String> x = tokens(a);
        List<String> y = tokens(b);
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        return x.get(0).equals(y.get(0)) && x.get(x.size() - 1).equals(y.get(y.size() - 1));
    }

    private static List<String> tokens(String name) {
        String cleaned =
                name.toUpperCase(Locale.ROOT).replaceAll("\"[^\"]*\"", " ").replaceAll("[^A-Z ]", " ");
        return Arrays.stream(cleaned.trim().split("\\s+"))
                .filter(t -> t.length() > 1 && !SUFFIXES.contains(t))
                .toList();
    }
}
