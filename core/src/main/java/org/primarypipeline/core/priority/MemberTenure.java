package org.primarypipeline.core.priority;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Years each current member has served in the House, from the terms in congress-legislators'
 * JSON (the CSV has no term dates). Senate terms do not count: House incumbency is what a
 * primary challenger runs against.
 */
final class MemberTenure {

    static final String RESOURCE = "data/legislators/legislators-current.json";
    private static final double DAYS_PER_YEAR = 365.25;
    private static Map<String, JsonNode> termsByBioguide;

    private MemberTenure() {}

    /** House years served before {@code asOf}; 0 for an unknown id. */
    static double yearsInHouse(String bioguideId, LocalDate asOf) {
        JsonNode terms = bundled().get(bioguideId);
        if (terms == null) {
            return 0;
        }
        long days = 0;
        for (JsonNode term : terms) {
            if (!"rep".equals(term.path("type").asText())) {
                continue;
            }
            LocalDate start = LocalDate.parse(term.path("start").asText());
            LocalDate end = LocalDate.parse(term.path("end").asText());
            if (start.isBefore(asOf)) {
                days += ChronoUnit.DAYS.between(start, end.isBefore(asOf) ? end : asOf);
            }
        }
        return days / DAYS_PER_YEAR;
    }

    /** Start of the member's latest House term; a date inside a Congress means a special election. */
    static Optional<LocalDate> currentTermStart(String bioguideId) {
        JsonNode terms = bundled().get(bioguideId);
        LocalDate latest = null;
        for (JsonNode term : terms == null ? List.<JsonNode>of() : terms) {
            if ("rep".equals(term.path("type").asText())) {
                LocalDate start = LocalDate.parse(term.path("start").asText());
                latest = latest == null || start.isAfter(latest) ? start : latest;
            }
        }
        return Optional.ofNullable(latest);
    }

    private static synchronized Map<String, JsonNode> bundled() {
        if (termsByBioguide == null) {
            Map<String, JsonNode> terms = new HashMap<>();
            for (JsonNode legislator : BundledData.json(RESOURCE)) {
                terms.put(legislator.path("id").path("bioguide").asText(), legislator.path("terms"));
            }
            termsByBioguide = terms;
        }
        return termsByBioguide;
    }
}
