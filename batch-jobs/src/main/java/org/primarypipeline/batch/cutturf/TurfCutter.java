package org.primarypipeline.batch.cutturf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.shape.fractal.HilbertCode;
import org.primarypipeline.contacts.Turfs;
import org.primarypipeline.core.geo.ZipDistricts;

/**
 * Cuts one district's contacts into turfs: contacts at one address are one household (one door); each
 * household gets a point (the mean of its contacts' own coordinates, else its ZIP's centroid, else none);
 * households are put in the order of a Hilbert curve over the district's extent (JTS {@link HilbertCode}),
 * runs of that order of about {@code doorsPerTurf} become turfs (a run of a Hilbert curve is compact: the
 * curve fills one square before the next), and inside a turf the walk is nearest neighbour from the run's
 * first door, ties (doors at one point) broken by street, side of the street and house number. Households
 * without a point are walked by ZIP, street and number, in turfs of their own.
 *
 * <p>A turf's boundary is the convex hull of its doors' points, cut to the district's boundary when the hull
 * strays out of it; it is deterministic: the same contacts give the same turfs.
 */
public final class TurfCutter {

    /** A turf as cut: its boundary (WKT, or null with no point) and its doors in walking order. */
    public record Cut(String boundary, List<Turfs.Door> doors) {}

    private static final int LEVEL = 16;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final int doorsPerTurf;
    private final ZipDistricts zips;

    public TurfCutter(int doorsPerTurf, ZipDistricts zips) {
        if (doorsPerTurf < 1) {
            throw new IllegalArgumentException("doors per turf must be positive");
        }
        this.doorsPerTurf = doorsPerTurf;
        this.zips = zips;
    }

    /** A door while cutting: its address key parts and point (NaN when none). */
    private record Household(
            String street, String city, String zip, double lat, double lon, String located, List<Long> contacts) {

        boolean placed() {
            return !Double.isNaN(lat);
        }

        Turfs.Door door() {
            return new Turfs.Door(
                    street, city, zip, placed() ? lat : null, placed() ? lon : null, located, List.copyOf(contacts));
        }
    }

    /** The turfs of one district's contacts; {@code district} (may be null) is the boundary they keep within. */
    public List<Cut> cut(List<Turfs.DoorContact> contacts, Geometry district) {
        List<Household> households = households(contacts);
        List<Household> placed = new ArrayList<>();
        List<Household> unplaced = new ArrayList<>();
        for (Household h : households) {
            (h.placed() ? placed : unplaced).add(h);
        }
        List<Cut> cuts = new ArrayList<>();
        PreparedGeometry prepared = district == null ? null : PreparedGeometryFactory.prepare(district);
        for (List<Household> run : runs(hilbertOrder(placed))) {
            cuts.add(new Cut(
                    boundary(run, district, prepared),
                    walk(run).stream().map(Household::door).toList()));
        }
        unplaced.sort(Comparator.comparing((Household h) -> h.zip() == null ? "" : h.zip())
                .thenComparing(TurfCutter::addressOrder));
        for (List<Household> run : runs(unplaced)) {
            cuts.add(new Cut(null, run.stream().map(Household::door).toList()));
        }
        return cuts;
    }

    private List<Household> households(List<Turfs.DoorContact> contacts) {
        Map<String, List<Turfs.DoorContact>> byAddress = new LinkedHashMap<>();
        for (Turfs.DoorContact c : contacts) {
            byAddress.computeIfAbsent(key(c), k -> new ArrayList<>()).add(c);
        }
        List<Household> households = new ArrayList<>(byAddress.size());
        for (List<Turfs.DoorContact> at : byAddress.values()) {
            Turfs.DoorContact first = at.get(0);
            double lat = 0;
            double lon = 0;
            int n = 0;
            for (Turfs.DoorContact c : at) {
                if (c.latitude() != null && c.longitude() != null) {
                    lat += c.latitude();
                    lon += c.longitude();
                    n++;
                }
            }
            String located = "ADDRESS";
            if (n > 0) {
                lat /= n;
                lon /= n;
            } else {
                int zip = zipNumber(first.zip());
                if (zip >= 0 && zips != null && zips.hasCentroid(zip)) {
                    lat = zips.centroidLatitude(zip);
                    lon = zips.centroidLongitude(zip);
                    located = "ZIP";
                } else {
                    lat = Double.NaN;
                    lon = Double.NaN;
                    located = "NONE";
                }
            }
            households.add(new Household(
                    first.street().trim(),
                    first.city(),
                    first.zip(),
                    lat,
                    lon,
                    located,
                    at.stream().map(Turfs.DoorContact::id).toList()));
        }
        return households;
    }

    /** One door per street address and ZIP (or city): case, spaces and punctuation do not count. */
    static String key(Turfs.DoorContact c) {
        String street = c.street() == null ? "" : c.street();
        String place = c.zip() != null ? c.zip() : c.city() == null ? "" : c.city();
        return plain(street) + "|" + plain(place);
    }

    private static String plain(String s) {
        return s.toLowerCase(Locale.ROOT)
                .replaceAll("[.,#]", " ")
                .replaceAll("\\s+", " ")
                .trim();
    }

    private static List<Household> hilbertOrder(List<Household> placed) {
        if (placed.isEmpty()) {
            return placed;
        }
        double minLat = Double.MAX_VALUE,
                minLon = Double.MAX_VALUE,
                maxLat = -Double.MAX_VALUE,
                maxLon = -Double.MAX_VALUE;
        for (Household h : placed) {
            minLat = Math.min(minLat, h.lat());
            maxLat = Math.max(maxLat, h.lat());
            minLon = Math.min(minLon, h.lon());
            maxLon = Math.max(maxLon, h.lon());
        }
        // one scale for both axes (a degree of longitude is cos(latitude) of a degree of latitude)
        double squash = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double side = Math.max((maxLon - minLon) * squash, maxLat - minLat);
        double cells = HilbertCode.maxOrdinate(LEVEL);
        double scale = side == 0 ? 0 : cells / side;
        double fMinLon = minLon, fMinLat = minLat;
        java.util.IdentityHashMap<Household, Integer> code = new java.util.IdentityHashMap<>();
        for (Household h : placed) {
            int x = (int) Math.min(cells, Math.floor((h.lon() - fMinLon) * squash * scale));
            int y = (int) Math.min(cells, Math.floor((h.lat() - fMinLat) * scale));
            code.put(h, HilbertCode.encode(LEVEL, x, y));
        }
        List<Household> ordered = new ArrayList<>(placed);
        ordered.sort(Comparator.comparing((Household h) -> code.get(h)).thenComparing(TurfCutter::addressOrder));
        return ordered;
    }

    /** Consecutive runs of nearly equal size, none over {@code doorsPerTurf}. */
    private List<List<Household>> runs(List<Household> ordered) {
        List<List<Household>> runs = new ArrayList<>();
        int n = ordered.size();
        if (n == 0) {
            return runs;
        }
        int k = (n + doorsPerTurf - 1) / doorsPerTurf;
        int from = 0;
        for (int i = 0; i < k; i++) {
            int size = n / k + (i < n % k ? 1 : 0);
            runs.add(ordered.subList(from, from + size));
            from += size;
        }
        return runs;
    }

    /** Nearest neighbour from the run's first door; at equal distance, the earlier in address order. */
    private static List<Household> walk(List<Household> run) {
        List<Household> left = new ArrayList<>(run);
        List<Household> route = new ArrayList<>(run.size());
        Household at = left.remove(0);
        route.add(at);
        while (!left.isEmpty()) {
            int best = 0;
            double bestDistance = Double.MAX_VALUE;
            for (int i = 0; i < left.size(); i++) {
                double d = metres(at, left.get(i));
                if (d < bestDistance || (d == bestDistance && addressOrder(left.get(i), left.get(best)) < 0)) {
                    best = i;
                    bestDistance = d;
                }
            }
            at = left.remove(best);
            route.add(at);
        }
        return route;
    }

    /** Equirectangular distance: plenty for doors a few hundred metres apart. */
    static double metres(Household a, Household b) {
        double x = Math.toRadians(b.lon() - a.lon()) * Math.cos(Math.toRadians((a.lat() + b.lat()) / 2));
        double y = Math.toRadians(b.lat() - a.lat());
        return Math.sqrt(x * x + y * y) * 6_371_000;
    }

    /** Street name, then side of the street (odd numbers, then even), then house number, then the full text. */
    static int addressOrder(Household a, Household b) {
        int c = streetName(a.street()).compareTo(streetName(b.street()));
        if (c != 0) {
            return c;
        }
        long na = houseNumber(a.street()), nb = houseNumber(b.street());
        c = Long.compare(Math.floorMod(nb, 2), Math.floorMod(na, 2));
        if (c != 0) {
            return c;
        }
        c = Long.compare(na, nb);
        return c != 0 ? c : a.street().compareTo(b.street());
    }

    static String streetName(String street) {
        return street.replaceFirst("^\\s*\\d+[A-Za-z]?\\s*", "").toLowerCase(Locale.ROOT);
    }

    static long houseNumber(String street) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("^\\s*(\\d{1,9})").matcher(street);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static int zipNumber(String zip) {
        if (zip == null || !zip.matches("\\d{5}")) {
            return -1;
        }
        return Integer.parseInt(zip);
    }

    /**
     * The hull of the run's points, cut to the district when it strays out of it (OverlayNG, robust to the
     * near-coincident edges of simplified boundaries). Should even that fail on a broken boundary, the hull
     * is kept: a turf is never lost for want of a tidy outline.
     */
    private static String boundary(List<Household> run, Geometry district, PreparedGeometry prepared) {
        Coordinate[] points =
                run.stream().map(h -> new Coordinate(h.lon(), h.lat())).toArray(Coordinate[]::new);
        Geometry hull = GEOMETRY.createMultiPointFromCoords(points).convexHull();
        if (district != null) {
            try {
                if (!prepared.contains(hull)) {
                    Geometry inside = OverlayNGRobust.overlay(hull, district, OverlayNG.INTERSECTION);
                    if (!prepared.contains(inside)) {
                        // the cut's own vertices may land a hair outside: keep what is strictly inside
                        inside = OverlayNGRobust.overlay(hull, district.buffer(-1e-9), OverlayNG.INTERSECTION);
                    }
                    hull = inside;
                }
            } catch (RuntimeException topology) {
                // keep the hull
            }
        }
        return hull.isEmpty() ? null : hull.toText();
    }
}
