package org.primarypipeline.core.priority;

import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVRecord;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.district.DistrictKeys;

/** ACS 2024 estimates on the 2026 lines, with densities from the plan's district areas. */
final class DemographicsTable {

    static final String RESOURCE = "data/demographics/acs2024_by_cd_2026lines_dailydistrict.csv";

    private DemographicsTable() {}

    static Map<DistrictId, Demographics> on2026Lines(Map<DistrictId, PlanLines.PlanDistrict> plan) {
        Map<DistrictId, Demographics> table = new TreeMap<>();
        for (CSVRecord row : BundledData.csv(RESOURCE)) {
            DistrictId id = DistrictKeys.of(row.get("state"), row.get("district"));
            PlanLines.PlanDistrict lines = plan.get(id);
            long pop = Long.parseLong(row.get("pop"));
            if (lines == null || pop <= 0) {
                continue;
            }
            double degrees = Double.parseDouble(row.get("bach")) + Double.parseDouble(row.get("master"));
            table.put(
                    id,
                    new Demographics(
                            pop,
                            pop / Math.max(lines.squareMiles(), 1.0),
                            1 - Double.parseDouble(row.get("whiteNH")) / pop,
                            degrees / pop));
        }
        return table;
    }
}
