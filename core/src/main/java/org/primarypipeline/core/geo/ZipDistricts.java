package org.primarypipeline.core.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.district.DistrictKeys;

/**
 * The ZIP crosswalk: each ZIP Code Tabulation Area and the districts of the 119th Congress it lies in
 * (Census relationship files via us-zipcodes-congress; no weights), and each ZCTA's centroid (Census
 * TIGER 2018, 2010-vintage ZCTAs). ZCTAs approximate USPS ZIPs; PO-box-only ZIPs have none.
 *
 * <p>Indexed by the five-digit number so that a lookup in the import's hot path is an array read.
 */
public final class ZipDistricts {

    public static final String CROSSWALK = "data/zip_cd/zccd.csv";
    public static final String CENTROIDS = "data/zip_cd/zcta_centroids_2018tiger_aleszu.csv";
    /** The plan the crosswalk was built for. */
    public static final String CROSSWALK_PLAN = "cd119";

    private static ZipDistricts bundled;

    private final DistrictId[][] districts = new DistrictId[100_000][];
    private final double[] latitude = new double[100_000];
    private final double[] longitude = new double[100_000];

    private ZipDistricts() {
        Arrays.fill(latitude, Double.NaN);
        Arrays.fill(longitude, Double.NaN);
    }

    public static synchronized ZipDistricts bundled() {
        if (bundled == null) {
            bundled = read(open(CROSSWALK), open(CENTROIDS));
        }
        return bundled;
    }

    /** Reads a crosswalk ({@code state_abbr,zcta,cd}) and a centroid file ({@code geoid,latitude,longitude}). */
    public static ZipDistricts read(InputStream crosswalk, InputStream centroids) {
        ZipDistricts zips = new ZipDistricts();
        @SuppressWarnings("unchecked")
        SortedSet<DistrictId>[] sets = new SortedSet[100_000];
        for (CSVRecord row : records(crosswalk)) {
            int zip = Integer.parseInt(row.get("zcta"));
            DistrictId id = DistrictKeys.of(row.get("state_abbr"), row.get("cd"));
            if (sets[zip] == null) {
                sets[zip] = new TreeSet<>();
            }
            sets[zip].add(id);
        }
        for (int zip = 0; zip < sets.length; zip++) {
            if (sets[zip] != null) {
                zips.districts[zip] = sets[zip].toArray(DistrictId[]::new);
            }
        }
        for (CSVRecord row : records(centroids)) {
            int zip = Integer.parseInt(row.get("geoid"));
            zips.latitude[zip] = Double.parseDouble(row.get("latitude"));
            zips.longitude[zip] = Double.parseDouble(row.get("longitude"));
        }
        return zips;
    }

    /** The crosswalk's districts of a ZIP, lowest first; empty when the ZIP is not a ZCTA. */
    public DistrictId[] districts(int zip) {
        DistrictId[] d = districts[zip];
        return d == null ? new DistrictId[0] : d.clone();
    }

    boolean inCrosswalk(int zip) {
        return districts[zip] != null;
    }

    DistrictId[] districtsShared(int zip) {
        return districts[zip];
    }

    public boolean hasCentroid(int zip) {
        return !Double.isNaN(latitude[zip]);
    }

    public double centroidLatitude(int zip) {
        return latitude[zip];
    }

    public double centroidLongitude(int zip) {
        return longitude[zip];
    }

    /** ZIPs known to either file, ascending. */
    public int[] knownZips() {
        int[] known = new int[100_000];
        int n = 0;
        for (int zip = 0; zip < 100_000; zip++) {
            if (districts[zip] != null || !Double.isNaN(latitude[zip])) {
                known[n++] = zip;
            }
        }
        return Arrays.copyOf(known, n);
    }

    private static Iterable<CSVRecord> records(InputStream in) {
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)
                    .getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ZIP crosswalk", e);
        }
    }

    static InputStream open(String resource) {
        InputStream in = ZipDistricts.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing bundled data file: " + resource);
        }
        return in;
    }
}
