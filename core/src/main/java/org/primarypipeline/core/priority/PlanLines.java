package org.primarypipeline.core.priority;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.district.DistrictKeys;

/**
 * The 435 districts of the 2026 lines with the properties Dave's Redistricting App computed on
 * them (via jcervas/daily-district): presidential results, whether the lines changed for 2026 and
 * the first election fought on them.
 */
final class PlanLines {

    static final String RESOURCE = "data/boundaries/cd2026_lines_dailydistrict_core.topojson";
    private static final String SOURCE = "Dave's Redistricting App on the 2026 lines (daily-district)";
    private static Map<DistrictId, PlanDistrict> bundled;

    private PlanLines() {}

    /**
     * @param redrawn       the state drew new lines for 2026, so no House election was held on them
     * @param firstElection the first election held on these lines (2022, 2024 or 2026)
     * @param pres2020      null where the source has no 2020 result on these lines
     */
    record PlanDistrict(
            DistrictId id,
            boolean redrawn,
            int firstElection,
            double squareMiles,
            PresidentialResult pres2024,
            PresidentialResult pres2020) {}

    static synchronized Map<DistrictId, PlanDistrict> bundled() {
        if (bundled == null) {
            bundled = parse(BundledData.json(RESOURCE));
        }
        return bundled;
    }

    static Map<DistrictId, PlanDistrict> parse(JsonNode topology) {
        Map<DistrictId, PlanDistrict> plan = new TreeMap<>();
        for (JsonNode geometry : topology.path("objects").path("districts").path("geometries")) {
            JsonNode p = geometry.path("properties");
            DistrictId id = DistrictKeys.fromCombined(p.path("state-district").asText());
            PresidentialResult pres2024 = PresidentialResult.of(
                    2024,
                    p.path("DemPct2024Pres").asDouble(),
                    p.path("RepPct2024Pres").asDouble(),
                    SOURCE);
            PresidentialResult pres2020 = p.path("DemPct2020Pres").isNumber()
                    ? PresidentialResult.of(
                            2020,
                            p.path("DemPct2020Pres").asDouble(),
                            p.path("RepPct2020Pres").asDouble(),
                            SOURCE)
                    : null;
            plan.put(
                    id,
                    new PlanDistrict(
                            id,
                            p.path("changed").asInt() == 1,
                            p.path("year").asInt(),
                            p.path("area_sqmi").asDouble(),
                            pres2024,
                            pres2020));
        }
        return plan;
    }
}
