package org.primarypipeline.core.time;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.primarypipeline.core.district.UsStates;

/**
 * The time zone a recipient most likely lives in, from the state of their district. States split
 * between zones get the zone most of their people live in (Texas and Tennessee: Central; Florida,
 * Michigan, Indiana and Kentucky: Eastern): the best a district's state can tell, so a quiet-hours
 * rule can be an hour off near a zone line. A per-member zone can replace it later.
 */
public final class RecipientTimeZones {

    private static final Map<String, String> ZONE_BY_STATE = Map.ofEntries(
            Map.entry("AL", "America/Chicago"), Map.entry("AK", "America/Anchorage"),
            Map.entry("AZ", "America/Phoenix"), Map.entry("AR", "America/Chicago"),
            Map.entry("CA", "America/Los_Angeles"), Map.entry("CO", "America/Denver"),
            Map.entry("CT", "America/New_York"), Map.entry("DE", "America/New_York"),
            Map.entry("DC", "America/New_York"), Map.entry("FL", "America/New_York"),
            Map.entry("GA", "America/New_York"), Map.entry("HI", "Pacific/Honolulu"),
            Map.entry("ID", "America/Boise"), Map.entry("IL", "America/Chicago"),
            Map.entry("IN", "America/Indiana/Indianapolis"), Map.entry("IA", "America/Chicago"),
            Map.entry("KS", "America/Chicago"), Map.entry("KY", "America/New_York"),
            Map.entry("LA", "America/Chicago"), Map.entry("ME", "America/New_York"),
            Map.entry("MD", "America/New_York"), Map.entry("MA", "America/New_York"),
            Map.entry("MI", "America/Detroit"), Map.entry("MN", "America/Chicago"),
            Map.entry("MS", "America/Chicago"), Map.entry("MO", "America/Chicago"),
            Map.entry("MT", "America/Denver"), Map.entry("NE", "America/Chicago"),
            Map.entry("NV", "America/Los_Angeles"), Map.entry("NH", "America/New_York"),
            Map.entry("NJ", "America/New_York"), Map.entry("NM", "America/Denver"),
            Map.entry("NY", "America/New_York"), Map.entry("NC", "America/New_York"),
            Map.entry("ND", "America/Chicago"), Map.entry("OH", "America/New_York"),
            Map.entry("OK", "America/Chicago"), Map.entry("OR", "America/Los_Angeles"),
            Map.entry("PA", "America/New_York"), Map.entry("RI", "America/New_York"),
            Map.entry("SC", "America/New_York"), Map.entry("SD", "America/Chicago"),
            Map.entry("TN", "America/Chicago"), Map.entry("TX", "America/Chicago"),
            Map.entry("UT", "America/Denver"), Map.entry("VT", "America/New_York"),
            Map.entry("VA", "America/New_York"), Map.entry("WA", "America/Los_Angeles"),
            Map.entry("WV", "America/New_York"), Map.entry("WI", "America/Chicago"),
            Map.entry("WY", "America/Denver"), Map.entry("AS", "Pacific/Pago_Pago"),
            Map.entry("GU", "Pacific/Guam"), Map.entry("MP", "Pacific/Saipan"),
            Map.entry("PR", "America/Puerto_Rico"), Map.entry("VI", "America/St_Thomas"));

    private RecipientTimeZones() {}

    /** Accepts a postal code, a FIPS code, or a district id such as {@code TX-07}. */
    public static ZoneId ofState(String state) {
        String s = state == null ? "" : state.trim().toUpperCase(Locale.ROOT);
        if (s.length() > 2 && s.charAt(2) == '-') {
            s = s.substring(0, 2);
        }
        String zone = ZONE_BY_STATE.get(UsStates.toPostal(s));
        if (zone == null) {
            throw new IllegalArgumentException("no time zone known for " + state);
        }
        return ZoneId.of(zone);
    }

    /** The zone people of a district read times in; Eastern when the district or its state is not known. */
    public static ZoneId ofDistrictOrEastern(String district) {
        try {
            return ofState(district);
        } catch (RuntimeException unknown) {
            return ZoneId.of("America/New_York");
        }
    }
}
