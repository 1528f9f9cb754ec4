package org.primarypipeline.core.supporter;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.primarypipeline.core.district.UsStates;

/** A supporter's state to its postal code: postal code, FIPS code or full name, any case. */
public final class StateNames {

    private static final Map<String, String> POSTAL_BY_TEXT = new HashMap<>();

    static {
        for (char a = 'A'; a <= 'Z'; a++) {
            for (char b = 'A'; b <= 'Z'; b++) {
                String postal = "" + a + b;
                if (UsStates.isPostalCode(postal)) {
                    POSTAL_BY_TEXT.put(postal, postal);
                    POSTAL_BY_TEXT.put(UsStates.name(postal).toUpperCase(Locale.ROOT), postal);
                }
            }
        }
        POSTAL_BY_TEXT.put("WASHINGTON DC", "DC");
        POSTAL_BY_TEXT.put("WASHINGTON, DC", "DC");
        POSTAL_BY_TEXT.put("D.C.", "DC");
    }

    private StateNames() {}

    /** Null for a blank value. */
    public static String toPostal(String raw) {
        if (raw == null) {
            return null;
        }
        String text = raw.strip();
        if (text.isEmpty()) {
            return null;
        }
        String postal = POSTAL_BY_TEXT.get(text.toUpperCase(Locale.ROOT));
        if (postal != null) {
            return postal;
        }
        try {
            return UsStates.toPostal(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidField("state is not a US state: '" + text + "'");
        }
    }
}
