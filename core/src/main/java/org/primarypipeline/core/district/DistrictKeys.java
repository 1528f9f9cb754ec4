package org.primarypipeline.core.district;

import java.util.Locale;

/**
 * The one normaliser of state/district keys. Each data source spells districts its own way (postal
 * or FIPS state; at-large as 0, 00, AL or 01; DC as 98); every one of them goes through here.
 */
public final class DistrictKeys {

    private DistrictKeys() {}

    /** A state (postal code or FIPS code, any case, zero-padded or not) and a district field. */
    public static DistrictId of(String state, String district) {
        String postal = UsStates.toPostal(state);
        return new DistrictId(postal, districtNumber(district));
    }

    /** Combined keys such as {@code TX-07}, {@code TX-7}, {@code AK-AL}, {@code AK-00}, {@code tx 07}. */
    public static DistrictId fromCombined(String text) {
        if (text == null) {
            throw new IllegalArgumentException("district is missing");
        }
        String t = text.trim().toUpperCase(Locale.ROOT);
        int cut = t.indexOf('-');
        if (cut < 0) {
            cut = t.indexOf(' ');
        }
        if (cut < 0 && t.length() > 2 && Character.isLetter(t.charAt(0)) && Character.isLetter(t.charAt(1))) {
            cut = 2;
        }
        if (cut <= 0 || cut >= t.length()) {
            throw new IllegalArgumentException("not a district key (expected like TX-07): " + text);
        }
        String state = t.substring(0, cut).trim();
        String rest = t.substring(cut).replaceFirst("^[- ]", "").trim();
        return of(state, rest);
    }

    static int districtNumber(String district) {
        if (district == null) {
            throw new IllegalArgumentException("district number is missing");
        }
        String d = district.trim().toUpperCase(Locale.ROOT);
        if (d.isEmpty() || d.equals("AL") || d.equals("AT-LARGE") || d.equals("AT LARGE")) {
            return 1;
        }
        int n;
        try {
            n = Integer.parseInt(d);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a district number: " + district);
        }
        // Census uses 98 for DC's delegate and 00 for at-large seats; both are the state's only seat.
        if (n == 0 || n == 98) {
            return 1;
        }
        return n;
    }
}
