package org.primarypipeline.campaigns.events;

import java.util.ArrayList;
import java.util.List;
import org.primarypipeline.core.geo.ZipDistricts;

/**
 * Miles between places known by ZIP, from the shipped ZCTA centroids ({@link ZipDistricts#bundled}, Census
 * 2018 TIGER centroids in {@code core/src/main/resources/data/zip_cd}): great-circle distance between
 * centroids, which is what "near" can mean when people give a ZIP and no street.
 */
public final class ZipDistances {

    private static final double EARTH_MILES = 3958.8;

    private ZipDistances() {}

    /** The centroid of a five-digit ZIP as {latitude, longitude}, or null when the ZIP has none. */
    public static double[] centroid(String zip) {
        if (zip == null || !zip.matches("\\d{5}")) {
            return null;
        }
        ZipDistricts zips = ZipDistricts.bundled();
        int number = Integer.parseInt(zip);
        return zips.hasCentroid(number)
                ? new double[] {zips.centroidLatitude(number), zips.centroidLongitude(number)}
                : null;
    }

    public static double miles(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a =
                Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_MILES * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Every ZIP whose centroid lies within {@code miles} of the point (one pass over ~33,000 centroids). */
    public static List<String> within(double latitude, double longitude, double miles) {
        ZipDistricts zips = ZipDistricts.bundled();
        List<String> near = new ArrayList<>();
        for (int zip : zips.knownZips()) {
            if (zips.hasCentroid(zip)
                    && miles(latitude, longitude, zips.centroidLatitude(zip), zips.centroidLongitude(zip)) <= miles) {
                near.add(String.format("%05d", zip));
            }
        }
        return near;
    }
}
