package org.primarypipeline.core.geo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Decodes the polygons of a TopoJSON object into JTS geometries (longitude = x, latitude = y).
 * Arcs are shared between neighbouring districts and, when the topology is quantized, delta-encoded
 * integers that the transform scales back to degrees; each arc is decoded once.
 */
public final class TopoJson {

    /** One geometry of the object with its properties; the geometry is a Polygon or MultiPolygon. */
    public record Feature(Geometry geometry, JsonNode properties) {}

    private final Coordinate[][] arcs;
    private final JsonNode objects;
    private final GeometryFactory factory;

    private TopoJson(Coordinate[][] arcs, JsonNode objects, GeometryFactory factory) {
        this.arcs = arcs;
        this.objects = objects;
        this.factory = factory;
    }

    public static TopoJson of(JsonNode topology, GeometryFactory factory) {
        if (!"Topology".equals(topology.path("type").asText())) {
            throw new IllegalArgumentException("not a TopoJSON topology");
        }
        JsonNode transform = topology.path("transform");
        boolean quantized = transform.isObject();
        double sx = quantized ? transform.path("scale").get(0).asDouble() : 1;
        double sy = quantized ? transform.path("scale").get(1).asDouble() : 1;
        double tx = quantized ? transform.path("translate").get(0).asDouble() : 0;
        double ty = quantized ? transform.path("translate").get(1).asDouble() : 0;
        JsonNode arcNodes = topology.path("arcs");
        Coordinate[][] arcs = new Coordinate[arcNodes.size()][];
        for (int a = 0; a < arcs.length; a++) {
            JsonNode positions = arcNodes.get(a);
            Coordinate[] coordinates = new Coordinate[positions.size()];
            long x = 0;
            long y = 0;
            for (int i = 0; i < coordinates.length; i++) {
                JsonNode p = positions.get(i);
                if (quantized) {
                    x += p.get(0).asLong();
                    y += p.get(1).asLong();
                    coordinates[i] = new Coordinate(x * sx + tx, y * sy + ty);
                } else {
                    coordinates[i] =
                            new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
                }
            }
            arcs[a] = coordinates;
        }
        return new TopoJson(arcs, topology.path("objects"), factory);
    }

    /** The polygonal geometries of one named object; points, lines and empty geometries are left out. */
    public List<Feature> polygons(String objectName) {
        JsonNode object = objects.path(objectName);
        if (object.isMissingNode()) {
            throw new IllegalArgumentException("the topology has no object " + objectName);
        }
        List<Feature> features = new ArrayList<>();
        for (JsonNode g : object.path("geometries")) {
            Geometry geometry = switch (g.path("type").asText()) {
                case "Polygon" -> polygon(g.path("arcs"));
                case "MultiPolygon" -> {
                    List<Polygon> parts = new ArrayList<>();
                    for (JsonNode p : g.path("arcs")) {
                        Polygon polygon = polygon(p);
                        if (polygon != null) {
                            parts.add(polygon);
                        }
                    }
                    yield parts.isEmpty() ? null : factory.createMultiPolygon(parts.toArray(Polygon[]::new));
                }
                default -> null;
            };
            if (geometry != null) {
                features.add(new Feature(geometry, g.path("properties")));
            }
        }
        return features;
    }

    /** The first ring is the shell, the others holes (TopoJSON follows GeoJSON here). */
    private Polygon polygon(JsonNode rings) {
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        for (JsonNode ring : rings) {
            LinearRing r = ring(ring);
            if (r == null) {
                continue;
            }
            if (shell == null) {
                shell = r;
            } else {
                holes.add(r);
            }
        }
        return shell == null ? null : factory.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    private LinearRing ring(JsonNode arcIndexes) {
        List<Coordinate> coordinates = new ArrayList<>();
        for (JsonNode index : arcIndexes) {
            int i = index.asInt();
            Coordinate[] arc = arcs[i >= 0 ? i : ~i];
            // consecutive arcs share their joining point: keep it once
            int skip = coordinates.isEmpty() ? 0 : 1;
            if (i >= 0) {
                for (int k = skip; k < arc.length; k++) {
                    coordinates.add(arc[k]);
                }
            } else {
                for (int k = arc.length - 1 - skip; k >= 0; k--) {
                    coordinates.add(arc[k]);
                }
            }
        }
        if (coordinates.size() < 3) {
            return null;
        }
        if (!coordinates.get(0).equals2D(coordinates.get(coordinates.size() - 1))) {
            coordinates.add(new Coordinate(coordinates.get(0)));
        }
        if (coordinates.size() < 4) {
            return null;
        }
        return factory.createLinearRing(coordinates.toArray(Coordinate[]::new));
    }
}
