package org.primarypipeline.core.district;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the public data shipped in this jar under {@code data/} (copies of the files in
 * shared/data; sources are credited in the README and in {@code data/SOURCES.md}).
 */
public final class PublicData {

    /** The plan the 2026 elections run on; ten states redrew their lines for it. */
    public static final String CURRENT_PLAN = "cd2026";

    private PublicData() {}

    /** The 435 districts of the 2026 lines, from the ACS 2024 table drawn on those lines. */
    public static List<District> districts2026() {
        List<District> districts = new ArrayList<>();
        for (CSVRecord row : read("data/demographics/acs2024_by_cd_2026lines_dailydistrict.csv")) {
            DistrictId id = DistrictKeys.of(row.get("state"), row.get("district"));
            districts.add(new District(id, Long.parseLong(row.get("pop"))));
        }
        return districts;
    }

    /** Voting members and delegates of the House; vacant seats simply have no row. */
    public static List<HouseMember> houseMembers() {
        List<HouseMember> members = new ArrayList<>();
        for (CSVRecord row : read("data/legislators/legislators-current.csv")) {
            if (!"rep".equals(row.get("type"))) {
                continue;
            }
            String fec = row.get("fec_ids");
            members.add(new HouseMember(
                    row.get("bioguide_id"),
                    DistrictKeys.of(row.get("state"), row.get("district")),
                    fullName(row),
                    row.get("party"),
                    fec.isBlank() ? List.of() : Arrays.asList(fec.split(",")),
                    row.get("phone"),
                    row.get("url")));
        }
        return members;
    }

    /** Members sworn in recently can have an empty full_name in the source (e.g. CA-01, NJ-11 in June 2026). */
    private static String fullName(CSVRecord row) {
        String full = row.get("full_name");
        return full.isBlank() ? (row.get("first_name") + " " + row.get("last_name")).trim() : full;
    }

    private static List<CSVRecord> read(String resource) {
        InputStream in = PublicData.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing bundled data file: " + resource);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)
                    .getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled data file " + resource, e);
        }
    }
}
