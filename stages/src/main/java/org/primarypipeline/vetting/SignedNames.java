package org.primarypipeline.vetting;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Whether the name typed on a pledge is the candidacy's name: case, accents, spacing and punctuation
 * aside ("ana  ortíz" is "Ana Ortiz"; "Ana Ortz" is not). A mismatch is flagged to staff on the vetting
 * checklist, and the candidate's copy of the pledge asks them which is right.
 */
public final class SignedNames {

    private SignedNames() {}

    public static boolean match(String typed, String onRecord) {
        if (typed == null || onRecord == null) {
            return true; // nothing to compare yet
        }
        return plain(typed).equals(plain(onRecord));
    }

    static String plain(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .trim();
    }
}
