package org.primarypipeline.core.priority;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVRecord;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.district.DistrictKeys;

/**
 * Democratic House members who lost their renomination, 2018-2024 (bundled, credited in
 * data/SOURCES.md): the outcome the primary backtest is scored against.
 */
final class PrimaryOutcomes {

    static final String RESOURCE = "data/elections/house_democratic_incumbent_primary_defeats_2018-2024.csv";

    /** How the incumbent lost: to a challenger, or to a fellow member after redistricting. */
    enum Kind {
        CHALLENGER,
        MEMBER_VS_MEMBER
    }

    private static PrimaryOutcomes bundled;

    private final Map<Integer, Map<DistrictId, Kind>> byYear;

    private PrimaryOutcomes(Map<Integer, Map<DistrictId, Kind>> byYear) {
        this.byYear = byYear;
    }

    static synchronized PrimaryOutcomes bundled() {
        if (bundled == null) {
            Map<Integer, Map<DistrictId, Kind>> byYear = new HashMap<>();
            for (int y = 2018; y <= 2024; y += 2) {
                byYear.put(y, new HashMap<>());
            }
            for (CSVRecord row : BundledData.csv(RESOURCE)) {
                byYear.computeIfAbsent(Integer.parseInt(row.get("year")), y -> new HashMap<>())
                        .put(
                                DistrictKeys.of(row.get("state"), row.get("district")),
                                row.get("kind").equals("challenger") ? Kind.CHALLENGER : Kind.MEMBER_VS_MEMBER);
            }
            bundled = new PrimaryOutcomes(byYear);
        }
        return bundled;
    }

    /** The years the list covers: every Democratic incumbent's primary defeat of those years is in it. */
    Set<Integer> years() {
        return new TreeSet<>(byYear.keySet());
    }

    Map<DistrictId, Kind> defeats(int year) {
        return byYear.getOrDefault(year, Map.of());
    }
}
