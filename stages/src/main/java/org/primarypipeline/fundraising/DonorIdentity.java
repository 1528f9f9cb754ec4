package org.primarypipeline.fundraising;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Who a donor is for contribution limits: normalised name, street line and 5-digit ZIP. "Dr. Ana
 * Ortiz, 12 Elm Street, 78701-1234" and "ana ortiz, 12 elm st, 78701" are one person. What this cannot
 * see (a nickname, a move) staff merge by hand.
 */
public final class DonorIdentity {

    private static final Map<String, String> STREET_WORDS = Map.ofEntries(
            Map.entry("street", "st"),
            Map.entry("avenue", "ave"),
            Map.entry("av", "ave"),
            Map.entry("road", "rd"),
            Map.entry("drive", "dr"),
            Map.entry("boulevard", "blvd"),
            Map.entry("lane", "ln"),
            Map.entry("court", "ct"),
            Map.entry("place", "pl"),
            Map.entry("terrace", "ter"),
            Map.entry("highway", "hwy"),
            Map.entry("parkway", "pkwy"),
            Map.entry("circle", "cir"),
            Map.entry("apartment", "apt"),
            Map.entry("suite", "ste"),
            Map.entry("north", "n"),
            Map.entry("south", "s"),
            Map.entry("east", "e"),
            Map.entry("west", "w"));
    private static final java.util.Set<String> HONORIFICS =
            java.util.Set.of("mr", "mrs", "ms", "mx", "dr", "prof", "rev");

    private DonorIdentity() {}

    public static String key(String fullName, String addressLine1, String zip) {
        return name(fullName) + "|" + street(addressLine1) + "|" + zip5(zip);
    }

    static String name(String fullName) {
        String[] words = words(fullName);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            if (i == 0 && HONORIFICS.contains(words[i]) && words.length > 2) {
                continue;
            }
            append(out, words[i]);
        }
        return out.toString();
    }

    static String street(String line) {
        StringBuilder out = new StringBuilder();
        for (String w : words(line.replace("#", " apt "))) {
            append(out, STREET_WORDS.getOrDefault(w, w));
        }
        return out.toString();
    }

    static String zip5(String zip) {
        String digits = zip == null ? "" : zip.replaceAll("[^0-9]", "");
        return digits.length() >= 5 ? digits.substring(0, 5) : digits;
    }

    private static String[] words(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9 ]", " ")
                .trim();
        return plain.isEmpty() ? new String[0] : plain.split("\\s+");
    }

    private static void append(StringBuilder out, String word) {
        if (!out.isEmpty()) {
            out.append(' ');
        }
        out.append(word);
    }
}
