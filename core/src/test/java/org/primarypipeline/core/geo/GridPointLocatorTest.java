package org.primarypipeline.core.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The grid answers what the exact locator answers, for every polygon of the current plan: at random
 * points in and around it, on its vertices (on its lines), a last bit away from them on either side, and
 * near the middles of its segments.
 */
class GridPointLocatorTest {

    @Test
    void theGridAnswersAsTheExactLocatorOnAndOffTheLines() {
        DistrictPlan plan = DistrictPlans.load(DistrictPlans.CD2026);
        Random random = new Random(7);
        int points = 0;
        for (Geometry district : plan.boundaries().values()) {
            for (int g = 0; g < district.getNumGeometries(); g++) {
                if (!(district.getGeometryN(g) instanceof Polygon polygon) || polygon.isEmpty()) {
                    continue;
                }
                IndexedPointInAreaLocator exact = new IndexedPointInAreaLocator(polygon);
                GridPointLocator grid = new GridPointLocator(polygon, new IndexedPointInAreaLocator(polygon));
                for (Coordinate p : probes(polygon, random)) {
                    assertThat(grid.locate(p)).as("%s", p).isEqualTo(exact.locate(p));
                    points++;
                }
            }
        }
        assertThat(points).isGreaterThan(100_000);
    }

    private static List<Coordinate> probes(Polygon polygon, Random random) {
        List<Coordinate> probes = new ArrayList<>();
        Envelope box = polygon.getEnvelopeInternal();
        for (int i = 0; i < 100; i++) {
            probes.add(new Coordinate(
                    box.getMinX() - 0.05 * box.getWidth() + random.nextDouble() * 1.1 * box.getWidth(),
                    box.getMinY() - 0.05 * box.getHeight() + random.nextDouble() * 1.1 * box.getHeight()));
        }
        Coordinate[] vertices = polygon.getCoordinates();
        for (int i = 0; i < Math.min(vertices.length, 200); i++) {
            int k = random.nextInt(vertices.length - 1);
            Coordinate v = vertices[k];
            Coordinate w = vertices[k + 1];
            probes.add(new Coordinate(v));
            probes.add(new Coordinate(Math.nextUp(v.x), v.y));
            probes.add(new Coordinate(Math.nextDown(v.x), v.y));
            probes.add(new Coordinate(v.x, Math.nextUp(v.y)));
            probes.add(new Coordinate(v.x, Math.nextDown(v.y)));
            probes.add(new Coordinate((v.x + w.x) / 2, (v.y + w.y) / 2));
        }
        return probes;
    }
}
