package org.primarypipeline.batch.cutturf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;
import org.primarypipeline.batch.importsupporters.SupporterBatchWiring;
import org.primarypipeline.contacts.CampaignFixture;
import org.primarypipeline.contacts.ContactAttempts;
import org.primarypipeline.contacts.Turfs;
import org.primarypipeline.contacts.Universe;
import org.primarypipeline.contacts.Universes;
import org.primarypipeline.core.district.DistrictKeys;
import org.primarypipeline.core.geo.DistrictPlans;
import org.primarypipeline.core.geo.ZipDistricts;
import org.primarypipeline.testing.ActivitiesContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code cut-turf} on PostgreSQL over households inside one district's boundary (Iowa's 3rd, the 2026
 * lines): streets laid out around the real centres of the district's ZIP Code areas, a few households of
 * two, a few placed only by their ZIP. Every household lands in exactly one turf, no turf is over the size
 * asked for, each turf's boundary lies inside the district (JTS {@code contains}), and the walking order is
 * much shorter than the households taken as they came.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CutTurfJobTest {

    private static final String[] STREETS = {"Grand Ave", "Ingersoll Ave", "Woodland Ave", "Pleasant St", "High St"};

    private ActivitiesContext db;
    private AnnotationConfigApplicationContext batch;
    private JdbcClient jdbc;

    @Configuration
    @Import({
        SupporterBatchWiring.class,
        CutTurfJobConfiguration.class,
        TurfCuts.class,
        Turfs.class,
        ContactAttempts.class,
        Universes.class
    })
    static class Wiring {}

    @BeforeAll
    void start() {
        db = ActivitiesContext.start();
        batch = new AnnotationConfigApplicationContext();
        batch.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("test", Map.of("pp.canvass.doors-per-turf", "50")));
        DataSource dataSource = db.dataSource();
        batch.registerBean("dataSource", DataSource.class, () -> dataSource, bd -> bd.setDestroyMethodName(""));
        batch.register(Wiring.class);
        batch.refresh();
        jdbc = db.jdbc();
    }

    @AfterAll
    void stop() {
        batch.close();
        db.close();
    }

    @Test
    void everyHouseholdInExactlyOneCompactTurfInsideTheDistrict() throws Exception {
        String cycle = CampaignFixture.campaign(jdbc, "IA-03", 3);
        String plan = jdbc.sql("select plan_id from cycle where id = ?")
                .param(cycle)
                .query(String.class)
                .single();
        Geometry district = DistrictPlans.load(plan).boundaries().get(DistrictKeys.fromCombined("IA-03"));
        ZipDistricts zips = ZipDistricts.bundled();
        GeometryFactory geometry = new GeometryFactory();

        // households on a grid of streets around the centre of each ZIP area of the district, kept if inside
        Set<String> addresses = new HashSet<>();
        int contacts = 0;
        int zipsUsed = 0;
        for (int zip = 50000; zip < 51000 && zipsUsed < 6; zip++) {
            if (!zips.hasCentroid(zip)) {
                continue;
            }
            double lat0 = zips.centroidLatitude(zip), lon0 = zips.centroidLongitude(zip);
            if (!district.contains(geometry.createPoint(new Coordinate(lon0, lat0)))) {
                continue;
            }
            zipsUsed++;
            String zipText = String.format("%05d", zip);
            for (int s = 0; s < STREETS.length; s++) {
                for (int i = 0; i < 12; i++) {
                    double lat = lat0 + (s - 2) * 0.0015;
                    double lon = lon0 + (i - 6) * 0.0006;
                    if (!district.contains(geometry.createPoint(new Coordinate(lon, lat)))) {
                        continue;
                    }
                    String street = (100 + 2 * i + (s % 2)) + " " + STREETS[s];
                    contacts += insert(cycle, "Voter " + zip + "-" + s + "-" + i, street, zipText, lat, lon);
                    if (i % 5 == 0) { // a second voter at the same door, typed differently
                        contacts += insert(
                                cycle,
                                "Partner " + zip + "-" + s + "-" + i,
                                street.toUpperCase() + ".",
                                zipText,
                                lat,
                                lon);
                    }
                    addresses.add(street + "|" + zipText);
                }
            }
            // two households the file placed by ZIP only
            for (int k = 0; k < 2; k++) {
                String street = (7 + k) + " Locust St";
                contacts += insert(cycle, "Zip only " + zip + "-" + k, street, zipText, null, null);
                addresses.add(street + "|" + zipText);
            }
        }
        assertThat(zipsUsed).isEqualTo(6);
        Universes universes = batch.getBean(Universes.class);
        long universeId = universes.create(cycle, "Doors", "IA-03", null, List.of(), null, Universe.Channel.DOOR, "t");
        Universe universe = universes.find(universeId).orElseThrow();

        TurfCuts.Outcome outcome = batch.getBean(TurfCuts.class)
                .cut(universe, "Saturday doors", "Hi {{firstName}}", List.of("Will you vote?"), null, "alice");

        assertThat(outcome.status()).isEqualTo("COMPLETED");
        assertThat(outcome.cut().status()).isEqualTo("COMPLETED");
        assertThat(outcome.cut().households()).isEqualTo(addresses.size());
        int expectedTurfs = (addresses.size() + 49) / 50;
        assertThat(outcome.cut().turfs()).isEqualTo(expectedTurfs);
        long cutId = outcome.cut().id();
        // every contact at exactly one door of one turf of the cut
        assertThat(jdbc.sql("select count(*) from turf_contact where cut_id = ?")
                        .param(cutId)
                        .query(Long.class)
                        .single())
                .isEqualTo(contacts);
        assertThat(jdbc.sql("select count(distinct contact_id) from turf_contact where cut_id = ?")
                        .param(cutId)
                        .query(Long.class)
                        .single())
                .isEqualTo(contacts);

        Turfs turfs = batch.getBean(Turfs.class);
        WKTReader wkt = new WKTReader();
        double walked = 0, asTheyCame = 0;
        for (Turfs.Turf turf : turfs.ofCampaign(cycle)) {
            assertThat(turf.doors()).isBetween(addresses.size() / expectedTurfs, 50);
            Geometry area = wkt.read(turf.boundary());
            assertThat(district.contains(area))
                    .as("turf %d inside IA-03", turf.number())
                    .isTrue();
            List<Turfs.Door> doors = turfs.doors(turf.id());
            assertThat(doors).hasSize(turf.doors());
            for (Turfs.Door d : doors) {
                assertThat(area.covers(geometry.createPoint(new Coordinate(d.longitude(), d.latitude()))))
                        .isTrue();
            }
            walked += length(doors);
            List<Turfs.Door> byStreet = new ArrayList<>(doors);
            byStreet.sort(java.util.Comparator.comparing(Turfs.Door::street));
            asTheyCame += length(byStreet);
        }
        assertThat(walked).isLessThan(asTheyCame * 0.7);
        assertThat(jdbc.sql("select count(*) from turf_household h join turf t on t.id = h.turf_id"
                                + " where t.cut_id = ? and located = 'ZIP'")
                        .param(cutId)
                        .query(Long.class)
                        .single())
                .isEqualTo(12);
    }

    @Test
    void aFailedCutRestartsAfterItsLastCommittedDistrict() {
        String cycle = CampaignFixture.campaign(jdbc, "IA-03", 4);
        for (int i = 0; i < 30; i++) {
            insert(cycle, "Ames " + i, (200 + i) + " Main St", "50010", 42.03 + i * 0.0002, -93.61, "IA-04");
        }
        for (int i = 0; i < 20; i++) {
            insert(cycle, "Dsm " + i, (300 + i) + " Grand Ave", "50309", 41.585 + i * 0.0002, -93.63, "IA-03");
        }
        Universes universes = batch.getBean(Universes.class);
        Universe universe = universes
                .find(universes.create(cycle, "All doors", null, null, List.of(), null, Universe.Channel.DOOR, "t"))
                .orElseThrow();
        // IA-04, the second district, cannot be written the first time
        jdbc.sql("""
                create function turf_refuse_once() returns trigger language plpgsql as $$
                begin if new.district_id = 'IA-04' then raise exception 'disk full'; end if; return new; end $$""").update();
        jdbc.sql("create trigger turf_refuse before insert on turf for each row execute function turf_refuse_once()")
                .update();
        TurfCuts cuts = batch.getBean(TurfCuts.class);
        TurfCuts.Outcome failed = cuts.cut(universe, "Weekend", "Hi", List.of(), 25, "alice");
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.cut().status()).isEqualTo("FAILED");
        List<Long> firstDistrict = jdbc.sql("select id from turf where cut_id = ? order by id")
                .param(failed.cut().id())
                .query(Long.class)
                .list();
        assertThat(firstDistrict).hasSize(1); // IA-03's 20 doors, committed before the failure

        jdbc.sql("drop trigger turf_refuse on turf").update();
        TurfCuts.Outcome resumed = cuts.resume(failed.cut().id());

        assertThat(resumed.status()).isEqualTo("COMPLETED");
        assertThat(resumed.cut().turfs()).isEqualTo(3); // 20 doors; 30 doors in two turfs of 15
        assertThat(resumed.cut().households()).isEqualTo(50);
        // IA-03 was not cut again: the same turf row
        assertThat(jdbc.sql("select id from turf where cut_id = ? and district_id = 'IA-03'")
                        .param(failed.cut().id())
                        .query(Long.class)
                        .list())
                .isEqualTo(firstDistrict);
        assertThat(jdbc.sql("select count(distinct contact_id) from turf_contact where cut_id = ?")
                        .param(failed.cut().id())
                        .query(Long.class)
                        .single())
                .isEqualTo(50);
    }

    private int insert(String cycle, String name, String street, String zip, Double lat, Double lon) {
        return insert(cycle, name, street, zip, lat, lon, "IA-03");
    }

    private int insert(String cycle, String name, String street, String zip, Double lat, Double lon, String d) {
        jdbc.sql("""
                        insert into contact (cycle_id, full_name, street, city, state, zip, latitude, longitude, district_id)
                        values (?, ?, ?, 'Des Moines', 'IA', ?, ?, ?, ?)""").params(cycle, name, street, zip, lat, lon, d).update();
        return 1;
    }

    private static double length(List<Turfs.Door> doors) {
        double m = 0;
        for (int i = 1; i < doors.size(); i++) {
            Turfs.Door a = doors.get(i - 1), b = doors.get(i);
            double x = Math.toRadians(b.longitude() - a.longitude()) * Math.cos(Math.toRadians(a.latitude()));
            double y = Math.toRadians(b.latitude() - a.latitude());
            m += Math.sqrt(x * x + y * y) * 6_371_000;
        }
        return m;
    }
}
