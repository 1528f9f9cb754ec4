package org.primarypipeline.core.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.primarypipeline.core.district.DistrictId;

/** ZIP-only supporters against the crosswalk, and the order in which evidence is used. */
class ZipAssignmentTest {

    private final ZipDistricts zips = ZipDistricts.bundled();

    @Test
    void onTheCrosswalksOwnLinesZipOnlyAssignmentsAgreeWithTheCrosswalk() {
        DistrictPlan cd119 = DistrictPlans.load(DistrictPlans.CD119);
        int single = 0;
        int split = 0;
        int centroidAgrees = 0;
        for (int zip : zips.knownZips()) {
            DistrictId[] crosswalk = zips.districts(zip);
            if (crosswalk.length == 0) {
                continue;
            }
            Assignment a = cd119.assign(Double.NaN, Double.NaN, zip);
            if (crosswalk.length == 1) {
                single++;
                assertThat(a).as("ZIP %05d", zip).isEqualTo(Assignment.byZip(crosswalk[0]));
                if (zips.hasCentroid(zip)
                        && crosswalk[0].equals(cd119.locator()
                                .locateOrNull(zips.centroidLatitude(zip), zips.centroidLongitude(zip)))) {
                    centroidAgrees++;
                }
            } else {
                split++;
                assertThat(a.source()).isEqualTo(AssignmentSource.ZIP_CENTROID_PROVISIONAL);
                assertThat(a.provisional()).isTrue();
                assertThat(List.of(crosswalk)).contains(a.districtId());
                assertThat(a.reason()).startsWith("ZIP spans ");
            }
        }
        System.out.printf(
                "zip.cd119: %d single-district ZIPs equal to the crosswalk, %d split ZIPs provisional within it; "
                        + "centroid point-in-polygon agrees with the crosswalk for %.2f%% of single-district ZIPs%n",
                single, split, 100.0 * centroidAgrees / single);
        assertThat(single + split).isEqualTo(33_774);
        assertThat(split).isEqualTo(7_299);
        // the centroid method (what redrawn states get) agrees with the crosswalk where both can be checked
        assertThat((double) centroidAgrees / single).isGreaterThan(0.95);
    }

    @Test
    void on2026LinesTheCrosswalkHoldsWhereLinesWereKeptAndRedrawnStatesAreProvisional() {
        DistrictPlan cd2026 = DistrictPlans.load(DistrictPlans.CD2026);
        assertThat(cd2026.districts()).hasSize(435);
        assertThat(cd2026.redrawnStates())
                .containsExactlyInAnyOrder("AL", "CA", "FL", "LA", "MO", "NC", "OH", "TN", "TX", "UT");
        int kept = 0;
        int redrawn = 0;
        for (int zip : zips.knownZips()) {
            DistrictId[] crosswalk = zips.districts(zip);
            if (crosswalk.length == 0) {
                continue;
            }
            Assignment a = cd2026.assign(Double.NaN, Double.NaN, zip);
            boolean anyRedrawn = Arrays.stream(crosswalk)
                    .anyMatch(d -> cd2026.redrawnStates().contains(d.state()));
            boolean inPlan = Arrays.stream(crosswalk).allMatch(cd2026.districts()::contains);
            if (anyRedrawn) {
                redrawn++;
                if (a.assigned()) {
                    assertThat(a.provisional()).isTrue();
                    assertThat(a.reason()).contains("redrew");
                }
            } else if (inPlan) {
                kept++;
                if (crosswalk.length == 1) {
                    assertThat(a).as("ZIP %05d", zip).isEqualTo(Assignment.byZip(crosswalk[0]));
                } else {
                    assertThat(List.of(crosswalk)).contains(a.districtId());
                    assertThat(a.provisional()).isTrue();
                }
            }
        }
        assertThat(kept).isGreaterThan(20_000);
        assertThat(redrawn).isGreaterThan(8_000);
        // DC has a delegate, not a district of the 435
        assertThat(cd2026.assign(Double.NaN, Double.NaN, 20001).reason()).contains("no district in plan cd2026");
        assertThat(DistrictPlans.load(DistrictPlans.CD119)
                        .assign(Double.NaN, Double.NaN, 20001)
                        .districtId())
                .isEqualTo(DistrictId.parse("DC-01"));
    }

    @Test
    void theShippedFilesAreVerbatimCopiesOfTheSharedData() throws Exception {
        java.nio.file.Path shared = java.nio.file.Path.of(System.getProperty("pp.shared.data", "../../shared/data"));
        for (String file : List.of(
                "zip_cd/zccd.csv",
                "zip_cd/zcta_centroids_2018tiger_aleszu.csv",
                "zip_cd/LICENSE",
                "boundaries/cd119_500k_simplified_impeachtracker.topo.json")) {
            try (var bundled = ZipDistricts.open("data/" + file)) {
                assertThat(bundled.readAllBytes())
                        .as(file)
                        .isEqualTo(java.nio.file.Files.readAllBytes(shared.resolve(file)));
            }
        }
    }

    @Test
    void coordinatesComeFirstThenTheZipThenAReason() {
        DistrictPlan plan = DistrictPlans.load(DistrictPlans.CD2026);
        // Madison, WI (WI-02) with a Milwaukee ZIP (WI-04): the coordinates win
        Assignment byPoint = plan.assign(43.0747, -89.3842, 53202);
        assertThat(byPoint).isEqualTo(Assignment.byCoordinates(DistrictId.parse("WI-02")));
        assertThat(plan.assign(Double.NaN, Double.NaN, 53202)).isEqualTo(Assignment.byZip(DistrictId.parse("WI-04")));
        // a point in Lake Michigan falls back to the ZIP
        assertThat(plan.assign(43.0, -87.0, 53202).districtId()).isEqualTo(DistrictId.parse("WI-04"));
        assertThat(plan.assign(43.0, -87.0, -1).reason()).contains("outside every district");
        assertThat(plan.assign(Double.NaN, Double.NaN, 99999).reason()).isEqualTo("unknown ZIP 99999");
        assertThat(plan.assign(Double.NaN, Double.NaN, -1).assigned()).isFalse();
        // Alaska's lines cross the 180th meridian; Adak is at 176.6 W, Attu at 173.2 E
        assertThat(plan.locator().locateOrNull(51.88, -176.64)).isEqualTo(DistrictId.parse("AK-01"));
    }
}
