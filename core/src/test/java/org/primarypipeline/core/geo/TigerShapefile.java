package org.primarypipeline.core.geo;

import com.linuxense.javadbf.DBFReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.district.DistrictKeys;

/**
 * The districts of a Census TIGER/Line congressional-district shapefile (zipped as the Census ships
 * it), at full resolution. Attributes come from the DBF through javadbf; the polygon records of the
 * SHP are read here (the format is a fixed layout of little-endian doubles, and GeoTools, the usual
 * reader, is not on Maven Central). Only polygon shapes are expected, which is all TIGER uses for
 * districts.
 */
final class TigerShapefile {

    private TigerShapefile() {}

    /** District boundaries keyed through the one normaliser: STATEFP and the CDxxxFP column. */
    static Map<DistrictId, Geometry> districts(Path zip, GeometryFactory factory) throws IOException {
        byte[] shp = null;
        byte[] dbf = null;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (entry.getName().endsWith(".shp")) {
                    shp = file.getInputStream(entry).readAllBytes();
                } else if (entry.getName().endsWith(".dbf")) {
                    dbf = file.getInputStream(entry).readAllBytes();
                }
            }
        }
        if (shp == null || dbf == null) {
            throw new IOException(zip + " holds no .shp and .dbf");
        }
        List<DistrictId> keys = keys(dbf);
        List<Geometry> shapes = polygons(shp, factory);
        if (keys.size() != shapes.size()) {
            throw new IOException(zip + ": " + keys.size() + " attribute rows but " + shapes.size() + " shapes");
        }
        Map<DistrictId, Geometry> districts = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i) != null) {
                districts.put(keys.get(i), shapes.get(i));
            }
        }
        return districts;
    }

    private static List<DistrictId> keys(byte[] dbf) throws IOException {
        List<DistrictId> keys = new ArrayList<>();
        try (DBFReader reader = new DBFReader(new ByteArrayInputStream(dbf))) {
            int state = -1;
            int district = -1;
            for (int i = 0; i < reader.getFieldCount(); i++) {
                String name = reader.getField(i).getName();
                if (name.matches("STATEFP\\d*")) {
                    state = i;
                } else if (name.matches("CD\\d*FP")) {
                    district = i;
                }
            }
            Object[] row;
            while ((row = reader.nextRecord()) != null) {
                String d = row[district].toString().trim();
                // ZZ: water not assigned to any district
                keys.add(
                        d.equals("ZZ")
                                ? null
                                : DistrictKeys.of(row[state].toString().trim(), d));
            }
        }
        return keys;
    }

    private static List<Geometry> polygons(byte[] shp, GeometryFactory factory) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(shp);
        List<Geometry> shapes = new ArrayList<>();
        int position = 100;
        while (position + 8 <= shp.length) {
            buffer.order(ByteOrder.BIG_ENDIAN);
            int words = buffer.getInt(position + 4);
            int content = position + 8;
            buffer.order(ByteOrder.LITTLE_ENDIAN);
            int type = buffer.getInt(content);
            if (type != 5 && type != 15 && type != 25) {
                throw new IOException("shape type " + type + " is not a polygon");
            }
            int parts = buffer.getInt(content + 36);
            int points = buffer.getInt(content + 40);
            int[] starts = new int[parts + 1];
            for (int p = 0; p < parts; p++) {
                starts[p] = buffer.getInt(content + 44 + 4 * p);
            }
            starts[parts] = points;
            int xy = content + 44 + 4 * parts;
            List<LinearRing> rings = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                Coordinate[] ring = new Coordinate[starts[p + 1] - starts[p]];
                for (int k = 0; k < ring.length; k++) {
                    int at = xy + 16 * (starts[p] + k);
                    ring[k] = new Coordinate(buffer.getDouble(at), buffer.getDouble(at + 8));
                }
                rings.add(factory.createLinearRing(ring));
            }
            shapes.add(assemble(rings, factory));
            position = content + 2 * words;
        }
        return shapes;
    }

    /** Shapefile rings: clockwise ones are shells, counter-clockwise ones holes of the shell around them. */
    private static Geometry assemble(List<LinearRing> rings, GeometryFactory factory) {
        List<LinearRing> shells = new ArrayList<>();
        List<List<LinearRing>> holes = new ArrayList<>();
        List<LinearRing> orphans = new ArrayList<>();
        for (LinearRing ring : rings) {
            if (!Orientation.isCCW(ring.getCoordinates())) {
                shells.add(ring);
                holes.add(new ArrayList<>());
            } else {
                orphans.add(ring);
            }
        }
        for (LinearRing hole : orphans) {
            for (int s = 0; s < shells.size(); s++) {
                if (factory.createPolygon(shells.get(s)).contains(factory.createPoint(hole.getCoordinateN(0)))) {
                    holes.get(s).add(hole);
                    break;
                }
            }
        }
        Polygon[] polygons = new Polygon[shells.size()];
        for (int s = 0; s < shells.size(); s++) {
            polygons[s] = factory.createPolygon(shells.get(s), holes.get(s).toArray(LinearRing[]::new));
        }
        return factory.createMultiPolygon(polygons);
    }
}
