package org.primarypipeline.core.priority;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVRecord;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.district.DistrictKeys;

/**
 * The Downballot's presidential results on the 119th Congress lines (the lines of the 2024 House
 * election), in whole percent. Three header rows; at-large seats are keyed {@code XX-AL}.
 */
final class DownballotPresidential {

    static final String RESOURCE = "data/elections/downballot_pres_by_cd_2024_2020.csv";
    private static final String SOURCE = "The Downballot, cd119 lines";
    private static final int HEADER_ROWS = 3;
    private static Map<DistrictId, Cd119> bundled;

    private DownballotPresidential() {}

    record Cd119(DistrictId id, PresidentialResult pres2024, PresidentialResult pres2020) {}

    static synchronized Map<DistrictId, Cd119> bundled() {
        if (bundled == null) {
            bundled = parse(BundledData.csvWithoutHeader(RESOURCE));
        }
        return bundled;
    }

    static Map<DistrictId, Cd119> parse(List<CSVRecord> rows) {
        Map<DistrictId, Cd119> byDistrict = new TreeMap<>();
        for (CSVRecord row : rows.subList(HEADER_ROWS, rows.size())) {
            if (row.get(0).isBlank()) {
                continue;
            }
            DistrictId id = DistrictKeys.fromCombined(row.get(0));
            byDistrict.put(
                    id,
                    new Cd119(
                            id,
                            PresidentialResult.of(
                                    2024, Double.parseDouble(row.get(3)), Double.parseDouble(row.get(4)), SOURCE),
                            PresidentialResult.of(
                                    2020, Double.parseDouble(row.get(6)), Double.parseDouble(row.get(7)), SOURCE)));
        }
        return byDistrict;
    }
}
