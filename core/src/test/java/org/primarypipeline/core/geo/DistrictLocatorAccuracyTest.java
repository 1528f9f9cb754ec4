package org.primarypipeline.core.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.primarypipeline.core.district.DistrictId;

/**
 * Random points inside each district of the full-resolution TIGER/Line 2022 shapefiles of Arizona,
 * Delaware and Wisconsin (lines unchanged from 2022 through the 2026 plan) must land in that district
 * when located on the bundled plans. The shapefiles are read from the project's shared data folder
 * (system property {@code pp.shared.data}, set by surefire); they are not shipped.
 *
 * <p>TIGER/Line districts run out to the state line in Lake Michigan and Delaware Bay; the bundled
 * plans are cartographic files cut at the shoreline. A point in the water is in no district of either
 * plan: it is counted apart (and checked to be outside both independently drawn plans), and accuracy
 * is measured over the points on land.
 */
class DistrictLocatorAccuracyTest {

    private static final int POINTS_PER_DISTRICT = 1_000;

    @Test
    void randomPointsInsideEveryTigerDistrictAreLocatedInIt() throws Exception {
        Map<DistrictId, Geometry> truth = tiger();
        assertThat(truth).hasSize(9 + 1 + 8);
        DistrictPlan plan2026 = DistrictPlans.load(DistrictPlans.CD2026);
        DistrictPlan plan119 = DistrictPlans.load(DistrictPlans.CD119);

        Tally on2026 = new Tally();
        Tally on119 = new Tally();
        int waterIn2026OnLandIn119 = 0;
        Random random = new Random(2026);
        for (Map.Entry<DistrictId, Geometry> district : truth.entrySet()) {
            IndexedPointInAreaLocator inside = new IndexedPointInAreaLocator(district.getValue());
            Envelope box = district.getValue().getEnvelopeInternal();
            int drawn = 0;
            while (drawn < POINTS_PER_DISTRICT) {
                double x = box.getMinX() + random.nextDouble() * box.getWidth();
                double y = box.getMinY() + random.nextDouble() * box.getHeight();
                if (inside.locate(new Coordinate(x, y)) != Location.INTERIOR) {
                    continue;
                }
                drawn++;
                DistrictId a = plan2026.locator().locateOrNull(y, x);
                DistrictId b = plan119.locator().locateOrNull(y, x);
                on2026.add(district.getKey(), a);
                on119.add(district.getKey(), b);
                if (a == null && b != null) {
                    waterIn2026OnLandIn119++;
                }
            }
        }
        System.out.println("accuracy.cd2026: " + on2026);
        System.out.println("accuracy.cd119: " + on119);

        assertThat(on2026.points()).isEqualTo(truth.size() * POINTS_PER_DISTRICT);
        // the 2026 file is quantized to about 20 m: only points within metres of a line can miss
        assertThat(on2026.share()).isGreaterThanOrEqualTo(0.998);
        // the cd119 file is the Census 1:500k cartographic file simplified further: coarser lines
        assertThat(on119.share()).isGreaterThanOrEqualTo(0.99);
        // what one plan calls water the other, drawn independently, calls water too
        assertThat(waterIn2026OnLandIn119).isLessThan(on2026.water / 50);
        assertThat(on2026.water).isLessThan(on2026.points() / 5);
    }

    private static final class Tally {
        int right;
        int wrong;
        int water;

        void add(DistrictId truth, DistrictId located) {
            if (located == null) {
                water++;
            } else if (located.equals(truth)) {
                right++;
            } else {
                wrong++;
            }
        }

        int points() {
            return right + wrong + water;
        }

        double share() {
            return (double) right / (right + wrong);
        }

        @Override
        public String toString() {
            return String.format(
                    "%d random points, %d on land: %d in the right district (%.3f%%), %d in another, %d in open water",
                    points(), right + wrong, right, 100 * share(), wrong, water);
        }
    }

    static Map<DistrictId, Geometry> tiger() throws Exception {
        Path folder = Path.of(System.getProperty("pp.shared.data", "../../shared/data"))
                .resolve("boundaries/tiger2022_cd118_fullres_sample");
        assertThat(folder).as("shared data folder (pp.shared.data)").isDirectory();
        Map<DistrictId, Geometry> districts = new LinkedHashMap<>();
        GeometryFactory factory = new GeometryFactory();
        try (var files = Files.list(folder)) {
            for (Path zip :
                    files.filter(f -> f.toString().endsWith(".zip")).sorted().toList()) {
                districts.putAll(TigerShapefile.districts(zip, factory));
            }
        }
        return districts;
    }
}
