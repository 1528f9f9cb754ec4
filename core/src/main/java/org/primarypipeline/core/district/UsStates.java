package org.primarypipeline.core.district;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Postal codes and FIPS codes of the states, DC and the territories that send delegates. */
public final class UsStates {

    private static final Map<String, String> POSTAL_BY_FIPS = new TreeMap<>();
    private static final Map<String, String> NAME_BY_POSTAL = new TreeMap<>();

    static {
        add("01", "AL", "Alabama");
        add("02", "AK", "Alaska");
        add("04", "AZ", "Arizona");
        add("05", "AR", "Arkansas");
        add("06", "CA", "California");
        add("08", "CO", "Colorado");
        add("09", "CT", "Connecticut");
        add("10", "DE", "Delaware");
        add("11", "DC", "District of Columbia");
        add("12", "FL", "Florida");
        add("13", "GA", "Georgia");
        add("15", "HI", "Hawaii");
        add("16", "ID", "Idaho");
        add("17", "IL", "Illinois");
        add("18", "IN", "Indiana");
        add("19", "IA", "Iowa");
        add("20", "KS", "Kansas");
        add("21", "KY", "Kentucky");
        add("22", "LA", "Louisiana");
        add("23", "ME", "Maine");
        add("24", "MD", "Maryland");
        add("25", "MA", "Massachusetts");
        add("26", "MI", "Michigan");
        add("27", "MN", "Minnesota");
        add("28", "MS", "Mississippi");
        add("29", "MO", "Missouri");
        add("30", "MT", "Montana");
        add("31", "NE", "Nebraska");
        add("32", "NV", "Nevada");
        add("33", "NH", "New Hampshire");
        add("34", "NJ", "New Jersey");
        add("35", "NM", "New Mexico");
        add("36", "NY", "New York");
        add("37", "NC", "North Carolina");
        add("38", "ND", "North Dakota");
        add("39", "OH", "Ohio");
        add("40", "OK", "Oklahoma");
        add("41", "OR", "Oregon");
        add("42", "PA", "Pennsylvania");
        add("44", "RI", "Rhode Island");
        add("45", "SC", "South Carolina");
        add("46", "SD", "South Dakota");
        add("47", "TN", "Tennessee");
        add("48", "TX", "Texas");
        add("49", "UT", "Utah");
        add("50", "VT", "Vermont");
        add("51", "VA", "Virginia");
        add("53", "WA", "Washington");
        add("54", "WV", "West Virginia");
        add("55", "WI", "Wisconsin");
        add("56", "WY", "Wyoming");
        add("60", "AS", "American Samoa");
        add("66", "GU", "Guam");
        add("69", "MP", "Northern Mariana Islands");
        add("72", "PR", "Puerto Rico");
        add("78", "VI", "U.S. Virgin Islands");
    }

    private UsStates() {}

    private static void add(String fips, String postal, String name) {
        POSTAL_BY_FIPS.put(fips, postal);
        NAME_BY_POSTAL.put(postal, name);
    }

    public static boolean isPostalCode(String code) {
        return NAME_BY_POSTAL.containsKey(code);
    }

    public static String name(String postal) {
        String name = NAME_BY_POSTAL.get(postal);
        if (name == null) {
            throw new IllegalArgumentException("unknown state: " + postal);
        }
        return name;
    }

    /** Accepts a postal code in any case or a FIPS code with or without its leading zero. */
    public static String toPostal(String state) {
        if (state == null || state.isBlank()) {
            throw new IllegalArgumentException("state is missing");
        }
        String s = state.trim().toUpperCase(Locale.ROOT);
        if (s.chars().allMatch(Character::isDigit)) {
            String fips = s.length() == 1 ? "0" + s : s;
            String postal = POSTAL_BY_FIPS.get(fips);
            if (postal == null) {
                throw new IllegalArgumentException("unknown state FIPS code: " + state);
            }
            return postal;
        }
        if (!NAME_BY_POSTAL.containsKey(s)) {
            throw new IllegalArgumentException("unknown state: " + state);
        }
        return s;
    }
}
