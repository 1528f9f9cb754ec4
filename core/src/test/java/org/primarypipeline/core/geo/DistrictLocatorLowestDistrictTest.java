package org.primarypipeline.core.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.primarypipeline.core.district.DistrictId;

/**
 * The locator stops at the first district whose lines hold a point inside them (districts of a plan do
 * not overlap), and may be given a district to try first. Its answer must stay what testing every district gives: the lowest district whose lines
 * contain the point, a point on a shared line included. Checked on both bundled plans with points on
 * the lines themselves (every district's vertices, each on a line it shares with its neighbours, or a
 * coast) and random points in and around each district.
 */
class DistrictLocatorLowestDistrictTest {

    @ParameterizedTest
    @ValueSource(strings = {DistrictPlans.CD2026, DistrictPlans.CD119})
    void theLocatorAnswersTheLowestDistrictWhoseLinesContainThePoint(String planId) {
        DistrictPlan plan = DistrictPlans.load(planId);
        Map<DistrictId, Geometry> boundaries = plan.boundaries();
        List<DistrictId> ids = new ArrayList<>(boundaries.keySet());
        ids.sort(null);
        List<IndexedPointInAreaLocator> locators = new ArrayList<>();
        List<Envelope> boxes = new ArrayList<>();
        for (DistrictId id : ids) {
            locators.add(new IndexedPointInAreaLocator(boundaries.get(id)));
            boxes.add(boundaries.get(id).getEnvelopeInternal());
        }
        Random random = new Random(20);
        List<Coordinate> points = new ArrayList<>();
        for (DistrictId id : ids) {
            Geometry district = boundaries.get(id);
            Coordinate[] vertices = district.getCoordinates();
            for (int i = 0; i < 60; i++) {
                points.add(vertices[random.nextInt(vertices.length)]);
            }
            Envelope box = district.getEnvelopeInternal();
            for (int i = 0; i < 60; i++) {
                points.add(new Coordinate(
                        box.getMinX() + random.nextDouble() * box.getWidth(),
                        box.getMinY() + random.nextDouble() * box.getHeight()));
            }
        }
        int onLines = 0;
        for (Coordinate point : points) {
            DistrictId lowest = null;
            int containing = 0;
            for (int d = 0; d < ids.size(); d++) {
                if (boxes.get(d).contains(point) && locators.get(d).locate(point) != Location.EXTERIOR) {
                    containing++;
                    if (lowest == null) {
                        lowest = ids.get(d);
                    }
                }
            }
            if (containing > 1) {
                onLines++;
            }
            assertThat(plan.locator().locateOrNull(point.y, point.x))
                    .as("%s at %s", planId, point)
                    .isEqualTo(lowest);
            // a likely district given first (the ZIP's, on import) changes nothing, right or wrong
            DistrictId neighbour = ids.get(random.nextInt(ids.size()));
            for (DistrictId likely : java.util.Arrays.asList(lowest, neighbour, null)) {
                assertThat(plan.locator().locateOrNull(point.y, point.x, likely))
                        .as("%s at %s, %s tried first", planId, point, likely)
                        .isEqualTo(lowest);
            }
        }
        // the shared lines were tested, not only the districts' insides
        assertThat(onLines).isGreaterThan(1_000);
    }
}
