package org.primarypipeline.core.supporter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.geo.ZipDistricts;

/**
 * Writes a supporter file shaped like a real national list, for {@code pp bench import} and tests: real
 * ZIPs (every ZCTA with a centroid), coordinates near the ZIP's centroid on half the rows, valid US
 * numbers, the consent flags lists carry, and the faults real files have: about 1% of rows invalid
 * (each kind of fault in turn) and 0.5% repeating an earlier row's email. Same seed, same file.
 */
public final class SupporterCsvGenerator {

    public static final String HEADER =
            "name,email,phone,street,city,state,zip,latitude,longitude,source,email_consent,sms_consent,joined";

    private static final String[] FIRST = {
        "Ana", "Ben", "Carmen", "Dev", "Elena", "Femi", "Grace", "Hiro", "Imani", "Jorge", "Kim", "Luis", "Maya",
        "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Victor", "Wen", "Xavier", "Yara", "Zoe"
    };
    private static final String[] LAST = {
        "Alvarez",
        "Brown",
        "Chen",
        "Diallo",
        "Evans",
        "Fischer",
        "Garcia",
        "Hughes",
        "Ibrahim",
        "Johnson",
        "Kowalski",
        "Lee",
        "Martinez",
        "Nguyen",
        "Okafor",
        "Patel",
        "Quispe",
        "Rossi",
        "Smith",
        "Thompson",
        "Ueda",
        "Vargas",
        "Williams",
        "Xu",
        "Young",
        "Zimmerman"
    };
    private static final String[] STREETS = {
        "Main St",
        "Oak Ave",
        "Maple Dr",
        "Cedar Ln",
        "Park Rd",
        "Elm St",
        "Washington Ave",
        "Lincoln Way",
        "Church St",
        "River Rd"
    };

    /** Share of rows that say the supporter joined their district group. */
    private final double joinedShare;

    private final long seed;

    public SupporterCsvGenerator(long seed, double joinedShare) {
        this.seed = seed;
        this.joinedShare = joinedShare;
    }

    public void write(Path file, int rows) throws IOException {
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            write(out, rows);
        }
    }

    public void write(Writer out, int rows) throws IOException {
        ZipDistricts zips = ZipDistricts.bundled();
        List<Integer> places = new ArrayList<>();
        List<String> states = new ArrayList<>();
        for (int zip : zips.knownZips()) {
            DistrictId[] d = zips.districts(zip);
            if (zips.hasCentroid(zip) && d.length > 0) {
                places.add(zip);
                states.add(d[0].state());
            }
        }
        int[] areaCodes = areaCodes();
        int[] exchanges = exchanges();
        Random random = new Random(seed);
        StringBuilder line = new StringBuilder(200);
        out.write(HEADER);
        out.write('\n');
        for (int i = 0; i < rows; i++) {
            int place = random.nextInt(places.size());
            int zip = places.get(place);
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String email =
                    first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT) + "." + i + "@example.org";
            // numbers are unique by construction: the row number picks exchange and line
            String phone = String.format(
                    Locale.ROOT,
                    "(%03d) %03d-%04d",
                    areaCodes[random.nextInt(areaCodes.length)],
                    exchanges[(i / 10_000) % exchanges.length],
                    i % 10_000);
            double roll = random.nextDouble();
            if (roll < 0.05) {
                email = "";
            } else if (roll < 0.25) {
                phone = "";
            }
            if (i >= 207 && random.nextDouble() < 0.005) {
                email = "someone." + (random.nextInt((i - 7) / 200) * 200 + 7) + "@example.org";
            } else if (i % 200 == 7) {
                email = "someone." + i + "@example.org";
            }
            String lat = "";
            String lon = "";
            if (random.nextBoolean()) {
                lat = String.format(
                        Locale.ROOT, "%.6f", zips.centroidLatitude(zip) + (random.nextDouble() - 0.5) * 0.02);
                lon = String.format(
                        Locale.ROOT, "%.6f", zips.centroidLongitude(zip) + (random.nextDouble() - 0.5) * 0.02);
            }
            String name = first + " " + last;
            String zipText = String.format(Locale.ROOT, "%05d", zip);
            String state = states.get(place);
            if (i % 100 == 50) {
                switch ((i / 100) % 5) {
                    case 0 -> email = email.isEmpty() ? "not-an-address" : email.replace("@", " at ");
                    case 1 -> zipText = "1234567";
                    case 2 -> name = "";
                    case 3 -> phone = "555-0100";
                    default -> state = "XX";
                }
            }
            line.setLength(0);
            line.append(name)
                    .append(',')
                    .append(email)
                    .append(',')
                    .append(phone)
                    .append(',')
                    .append(1 + random.nextInt(9999))
                    .append(' ')
                    .append(STREETS[random.nextInt(STREETS.length)])
                    .append(',')
                    .append("Town ")
                    .append(zipText)
                    .append(',')
                    .append(state)
                    .append(',')
                    .append(zipText)
                    .append(',')
                    .append(lat)
                    .append(',')
                    .append(lon)
                    .append(",bench,")
                    .append(flag(random, 0.85, 0.03))
                    .append(',')
                    .append(flag(random, 0.20, 0.02))
                    .append(',')
                    .append(random.nextDouble() < joinedShare ? "yes" : "no")
                    .append('\n');
            out.append(line);
        }
    }

    private static String flag(Random random, double yes, double no) {
        double r = random.nextDouble();
        return r < yes ? "yes" : r < yes + no ? "no" : "";
    }

    /** Area codes libphonenumber knows to be in service. */
    private static int[] areaCodes() {
        List<Integer> codes = new ArrayList<>();
        for (int a = 201; a <= 989; a++) {
            if (a % 100 == 11 || a / 10 % 10 == 9) {
                continue;
            }
            try {
                PhoneNumbers.toE164(a + "2345678");
                codes.add(a);
            } catch (InvalidField e) {
                // not in service
            }
        }
        return codes.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] exchanges() {
        List<Integer> list = new ArrayList<>();
        for (int e = 200; e <= 999; e++) {
            if (e % 100 != 11) {
                list.add(e);
            }
        }
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
