package org.primarypipeline.core.geo;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.primarypipeline.core.district.DistrictId;

/**
 * The precedence that puts a supporter in a district of one plan:
 * <ol>
 *   <li>coordinates given: the district whose lines contain them;</li>
 *   <li>else the ZIP: if it lies in one district, that one; if it spans several, the district of its
 *       centroid, provisional until the member confirms;</li>
 *   <li>else unassigned, with the reason.</li>
 * </ol>
 * A confirmation by the member or by staff wins over all of these; that is the caller's rule
 * ({@link AssignmentSource#isDecidedByPerson()}), since only the caller knows what was confirmed.
 *
 * <p>The ZIP crosswalk was built on the 119th Congress lines. Where a state kept those lines in the
 * plan, it holds as it is. Where the state redrew them, which districts a ZIP spans on the new lines is
 * unknown (there are no ZCTA polygons here to intersect), so the ZIP's centroid, located on the new
 * lines, gives a provisional district to confirm. Every ZIP's answer is worked out once, when the plan
 * loads.
 */
public final class AssignmentPolicy {

    private static final Assignment NOTHING_TO_GO_ON = Assignment.unassigned("no coordinates and no ZIP");

    private final String planId;
    private final DistrictLocator locator;
    private final Assignment[] byZip = new Assignment[100_000];
    private final Map<DistrictId, Assignment> byCoordinates = new HashMap<>();

    /**
     * @param crosswalkHolds states whose lines in this plan are those the crosswalk was built on
     */
    public AssignmentPolicy(
            String planId,
            Set<DistrictId> districts,
            DistrictLocator locator,
            ZipDistricts zips,
            Predicate<String> crosswalkHolds) {
        this.planId = planId;
        this.locator = locator;
        for (DistrictId d : districts) {
            byCoordinates.put(d, Assignment.byCoordinates(d));
        }
        Map<DistrictId, Assignment> single = new HashMap<>();
        for (int zip : zips.knownZips()) {
            byZip[zip] = forZip(zip, districts, zips, crosswalkHolds, single);
        }
    }

    private Assignment forZip(
            int zip,
            Set<DistrictId> districts,
            ZipDistricts zips,
            Predicate<String> crosswalkHolds,
            Map<DistrictId, Assignment> single) {
        DistrictId centroid = zips.hasCentroid(zip)
                ? locator.locateOrNull(zips.centroidLatitude(zip), zips.centroidLongitude(zip))
                : null;
        DistrictId[] crosswalk = zips.districtsShared(zip);
        if (crosswalk == null) {
            return centroid == null
                    ? null
                    : Assignment.provisional(centroid, "ZIP not in the crosswalk; district of its centroid");
        }
        boolean linesKept = Arrays.stream(crosswalk).allMatch(d -> crosswalkHolds.test(d.state()));
        DistrictId[] inPlan =
                Arrays.stream(crosswalk).filter(districts::contains).toArray(DistrictId[]::new);
        if (!linesKept) {
            String states =
                    Arrays.stream(crosswalk).map(DistrictId::state).distinct().collect(Collectors.joining("/"));
            return centroid == null
                    ? Assignment.unassigned("ZIP " + zipText(zip) + " is in " + states
                            + ", redrawn since the ZIP crosswalk, and has no centroid to place it")
                    : Assignment.provisional(
                            centroid,
                            states + " redrew its lines after the ZIP crosswalk; district of the ZIP's centroid");
        }
        if (inPlan.length == 0) {
            return Assignment.unassigned("ZIP " + zipText(zip) + " lies in " + crosswalk[0].state()
                    + ", which has no district in plan " + planId);
        }
        if (crosswalk.length == 1) {
            return single.computeIfAbsent(inPlan[0], Assignment::byZip);
        }
        String spans = Arrays.stream(crosswalk).map(DistrictId::toString).collect(Collectors.joining(", "));
        for (DistrictId d : inPlan) {
            if (d.equals(centroid)) {
                return Assignment.provisional(d, "ZIP spans " + spans + "; district of its centroid");
            }
        }
        return Assignment.provisional(
                inPlan[0], "ZIP spans " + spans + "; its centroid is in none of them, so the first");
    }

    /**
     * @param latitude  NaN when the supporter gave no coordinates
     * @param zip       the five-digit ZIP as a number, or -1 when none was given
     */
    public Assignment assign(double latitude, double longitude, int zip) {
        boolean hasPoint = !Double.isNaN(latitude) && !Double.isNaN(longitude);
        if (hasPoint) {
            // most points lie inside their ZIP's district: tried first, that spares the search of the others
            Assignment likely = zip >= 0 ? byZip[zip] : null;
            DistrictId d = locator.locateOrNull(latitude, longitude, likely == null ? null : likely.districtId());
            if (d != null) {
                return byCoordinates.get(d);
            }
        }
        if (zip >= 0) {
            Assignment a = byZip[zip];
            return a != null ? a : Assignment.unassigned("unknown ZIP " + zipText(zip));
        }
        return hasPoint
                ? Assignment.unassigned("coordinates outside every district of plan " + planId + " and no ZIP")
                : NOTHING_TO_GO_ON;
    }

    /** The answer for a ZIP alone; null when the ZIP is unknown to both data files. */
    public Assignment forZip(int zip) {
        return byZip[zip];
    }

    public String planId() {
        return planId;
    }

    private static String zipText(int zip) {
        return String.format("%05d", zip);
    }
}
