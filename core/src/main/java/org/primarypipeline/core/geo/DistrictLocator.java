package org.primarypipeline.core.geo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.prep.PreparedPolygon;
import org.locationtech.jts.index.ItemVisitor;
import org.locationtech.jts.index.strtree.STRtree;
import org.primarypipeline.core.district.DistrictId;

/**
 * Point-in-polygon over the districts of one plan: an STR-tree over the envelopes of every polygon
 * part, each part prepared once (JTS's indexed point locator behind a grid of cells known to lie inside
 * or outside, {@link GridPointLocator}), so a lookup costs a tree descent and mostly an array read, else a
 * few segment-index probes, instead of a scan of the ring. Safe for concurrent use once built.
 */
public final class DistrictLocator {

    /** A polygon of a district; multipolygons are split so that Alaska's islands don't widen every envelope. */
    private record Part(DistrictId district, PointOnGeometryLocator locator, Envelope box) {}

    private final STRtree index;
    private final int parts;
    private final Map<DistrictId, Part[]> partsOf;

    private DistrictLocator(STRtree index, int parts, Map<DistrictId, Part[]> partsOf) {
        this.index = index;
        this.parts = parts;
        this.partsOf = partsOf;
    }

    public static DistrictLocator of(Map<DistrictId, ? extends Geometry> districts) {
        STRtree index = new STRtree();
        List<DistrictId> sorted = new ArrayList<>(districts.keySet());
        sorted.sort(null);
        int parts = 0;
        Map<DistrictId, Part[]> partsOf = new HashMap<>();
        for (DistrictId district : sorted) {
            Geometry geometry = districts.get(district);
            List<Part> own = new ArrayList<>();
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                Geometry part = geometry.getGeometryN(i);
                if (!(part instanceof Polygon polygon) || polygon.isEmpty()) {
                    continue;
                }
                PreparedPolygon prepared = (PreparedPolygon) PreparedGeometryFactory.prepare(polygon);
                PointOnGeometryLocator exact = prepared.getPointLocator();
                // builds the segment index now, not under the first concurrent lookups
                exact.locate(polygon.getCoordinate());
                PointOnGeometryLocator locator = new GridPointLocator(polygon, exact);
                Part indexed = new Part(district, locator, polygon.getEnvelopeInternal());
                index.insert(indexed.box(), indexed);
                own.add(indexed);
                parts++;
            }
            partsOf.put(district, own.toArray(Part[]::new));
        }
        index.build();
        return new DistrictLocator(index, parts, partsOf);
    }

    /** The district whose lines contain the point; a point on a shared line goes to the lower district id. */
    public Optional<DistrictId> locate(double latitude, double longitude) {
        return Optional.ofNullable(locateOrNull(latitude, longitude));
    }

    public DistrictId locateOrNull(double latitude, double longitude) {
        Coordinate point = new Coordinate(longitude, latitude);
        // visited in place: collecting the candidates into a list cost a tenth of an import's processor time
        Found found = new Found(point);
        index.query(new Envelope(point), found);
        return found.district;
    }

    /**
     * The same answer as {@link #locateOrNull(double, double)}, trying a likely district first (the
     * district of the supporter's ZIP): a point inside its lines is in no other district, so neither the
     * tree nor any other candidate is consulted. A point on its lines or outside them is located as usual.
     */
    public DistrictId locateOrNull(double latitude, double longitude, DistrictId likely) {
        Part[] own = likely == null ? null : partsOf.get(likely);
        if (own != null) {
            Coordinate point = new Coordinate(longitude, latitude);
            for (Part part : own) {
                if (part.box().contains(point) && part.locator().locate(point) == Location.INTERIOR) {
                    return likely;
                }
            }
        }
        return locateOrNull(latitude, longitude);
    }

    /** The lowest district among the candidate parts whose lines contain the point. */
    private static final class Found implements ItemVisitor {
        private final Coordinate point;
        private DistrictId district;
        /**
         * The point is inside a district's lines, not on them: the districts of a plan do not overlap, so
         * no other part can hold it, and the candidates left need no test.
         */
        private boolean inside;

        Found(Coordinate point) {
            this.point = point;
        }

        @Override
        public void visitItem(Object item) {
            Part part = (Part) item;
            if (inside || (district != null && part.district().compareTo(district) >= 0)) {
                return;
            }
            int location = part.locator().locate(point);
            if (location != Location.EXTERIOR) {
                district = part.district();
                inside = location == Location.INTERIOR;
            }
        }
    }

    /** Polygon parts indexed, for the plan's summary. */
    public int parts() {
        return parts;
    }
}
