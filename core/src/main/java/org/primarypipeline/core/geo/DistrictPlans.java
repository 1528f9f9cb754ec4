package org.primarypipeline.core.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.district.DistrictKeys;
import org.primarypipeline.core.district.PublicData;

/**
 * The district plans bundled under {@code data/boundaries/} (credited in {@code data/SOURCES.md}).
 * Each source names its districts its own way; every key goes through {@link DistrictKeys}.
 */
public final class DistrictPlans {

    /** The 2026 lines (Dave's Redistricting App plans via jcervas/daily-district); property {@code changed} marks redrawn states. */
    public static final String CD2026 = PublicData.CURRENT_PLAN;
    /** The 119th Congress lines (Census cb_2024 1:500k, simplified, via impeach-tracker); DC and the territories included. */
    public static final String CD119 = ZipDistricts.CROSSWALK_PLAN;

    private record Source(
            String name,
            String resource,
            String object,
            Function<JsonNode, DistrictId> key,
            Function<List<JsonNode>, Set<String>> redrawnStates) {}

    private static final Map<String, Source> SOURCES = Map.of(
            CD2026,
                    new Source(
                            "2026 congressional districts",
                            "data/boundaries/cd2026_lines_dailydistrict_core.topojson",
                            "districts",
                            p -> DistrictKeys.fromCombined(
                                    p.path("state-district").asText()),
                            DistrictPlans::statesMarkedChanged),
            CD119,
                    new Source(
                            "119th Congress districts (2023-2024 elections)",
                            "data/boundaries/cd119_500k_simplified_impeachtracker.topo.json",
                            "cb_2024_us_cd119_500k",
                            p -> DistrictKeys.of(
                                    p.path("STATEFP").asText(), p.path("CD").asText()),
                            properties -> Set.of()));

    private static final Map<String, DistrictPlan> LOADED = new HashMap<>();

    private DistrictPlans() {}

    public static Set<String> known() {
        return SOURCES.keySet();
    }

    /** Loads (once per JVM) a bundled plan; a plan takes about a second to index. */
    public static synchronized DistrictPlan load(String planId) {
        DistrictPlan plan = LOADED.get(planId);
        if (plan == null) {
            Source source = SOURCES.get(planId);
            if (source == null) {
                throw new IllegalArgumentException(
                        "unknown district plan " + planId + "; known: " + String.join(", ", known()));
            }
            plan = build(planId, source, ZipDistricts.bundled());
            LOADED.put(planId, plan);
        }
        return plan;
    }

    private static DistrictPlan build(String planId, Source source, ZipDistricts zips) {
        GeometryFactory factory = new GeometryFactory();
        JsonNode topology;
        try (InputStream in = ZipDistricts.open(source.resource())) {
            topology = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source.resource(), e);
        }
        Map<DistrictId, List<Polygon>> parts = new TreeMap<>();
        List<JsonNode> properties = new ArrayList<>();
        for (TopoJson.Feature f : TopoJson.of(topology, factory).polygons(source.object())) {
            properties.add(f.properties());
            List<Polygon> list = parts.computeIfAbsent(source.key().apply(f.properties()), k -> new ArrayList<>());
            for (int i = 0; i < f.geometry().getNumGeometries(); i++) {
                list.add((Polygon) f.geometry().getGeometryN(i));
            }
        }
        SortedMap<DistrictId, Geometry> boundaries = new TreeMap<>();
        parts.forEach(
                (id, polygons) -> boundaries.put(id, factory.createMultiPolygon(polygons.toArray(Polygon[]::new))));
        return new DistrictPlan(
                planId, source.name(), boundaries, source.redrawnStates().apply(properties), zips);
    }

    private static Set<String> statesMarkedChanged(List<JsonNode> properties) {
        Set<String> changed = new HashSet<>();
        for (JsonNode p : properties) {
            if (p.path("changed").asInt() == 1) {
                changed.add(DistrictKeys.fromCombined(p.path("state-district").asText())
                        .state());
            }
        }
        return changed;
    }
}
