package org.primarypipeline.contacts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Canvassing turfs: the runs of {@code cut-turf} ({@code turf_cut}), the turfs they wrote, the doors of each
 * in walking order and who lives there, check-outs to volunteers, and the answers recorded at the doors.
 */
@Repository
public class Turfs {

    /** A run of cut-turf: the universe, the script and survey the canvassers read, the size asked for. */
    public record Cut(
            long id,
            String cycleId,
            long universeId,
            String name,
            String script,
            List<String> questions,
            int doorsPerTurf,
            String status,
            int turfs,
            int households) {}

    /** A turf, with its cut's name, script and questions; {@code checkedOutTo} is a member id or null. */
    public record Turf(
            long id,
            long cutId,
            String cycleId,
            int number,
            String districtId,
            int doors,
            String boundary,
            Long checkedOutTo,
            String cutName,
            String script,
            List<String> questions) {}

    /** A contact to place at a door: address and, when the file gave them, coordinates. */
    public record DoorContact(
            long id, String street, String city, String zip, Double latitude, Double longitude, String name) {}

    /** A door as written: its address, its point (or none) and where the point came from, and who lives there. */
    public record Door(
            String street,
            String city,
            String zip,
            Double latitude,
            Double longitude,
            String located,
            List<Long> contacts) {}

    /** Someone at a door of a turf, with the last result recorded for them on this turf (or null). */
    public record Resident(int position, long contactId, String name, String lastResult) {}

    private final JdbcClient jdbc;
    private final ContactAttempts attempts;

    public Turfs(JdbcClient jdbc, ContactAttempts attempts) {
        this.jdbc = jdbc;
        this.attempts = attempts;
    }

    public long createCut(
            String cycleId,
            long universeId,
            String name,
            String script,
            List<String> questions,
            int doorsPerTurf,
            String by) {
        return jdbc.sql("""
                        insert into turf_cut (cycle_id, universe_id, name, script, questions, doors_per_turf, created_by)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(cycleId, universeId, name, script, questions.toArray(String[]::new), doorsPerTurf, by)
                .query(Long.class)
                .single();
    }

    public Optional<Cut> cut(long id) {
        return jdbc.sql("select * from turf_cut where id = ?")
                .param(id)
                .query((rs, n) -> new Cut(
                        rs.getLong("id"),
                        rs.getString("cycle_id"),
                        rs.getLong("universe_id"),
                        rs.getString("name"),
                        rs.getString("script"),
                        strings(rs.getArray("questions")),
                        rs.getInt("doors_per_turf"),
                        rs.getString("status"),
                        rs.getInt("turfs"),
                        rs.getInt("households")))
                .optional();
    }

    public void status(long cutId, String status) {
        jdbc.sql("update turf_cut set status = ? where id = ?")
                .params(status, cutId)
                .update();
    }

    /** Marks the cut completed with its counts. */
    public void finish(long cutId) {
        jdbc.sql("""
                        update turf_cut set status = 'COMPLETED', finished_at = now(),
                            turfs = (select count(*) from turf where cut_id = :cut),
                            households = (select count(*) from turf_household h join turf t on t.id = h.turf_id
                                          where t.cut_id = :cut)
                        where id = :cut""").param("cut", cutId).update();
    }

    /** The district plan the campaign's cycle runs on (its boundaries hold the turfs). */
    public Optional<String> planOf(String cycleId) {
        return jdbc.sql("select plan_id from cycle where id = ?")
                .param(cycleId)
                .query(String.class)
                .optional();
    }

    /** The districts of the universe's contacts as they are now ("" for contacts in none), in order. */
    public List<String> districts(Universe u) {
        return Universes.bind(
                        jdbc.sql("select distinct coalesce(c.district_id, '') from contact c where " + Universes.MEMBERS
                                + " order by 1"),
                        u)
                .query(String.class)
                .list();
    }

    /** The universe's contacts in one district ("" for none), by id. */
    public List<DoorContact> doorContacts(Universe u, String district) {
        return Universes.bind(
                        jdbc.sql("select c.id, c.street, c.city, c.zip, c.latitude, c.longitude, c.full_name"
                                + " from contact c where "
                                + (district.isEmpty() ? "c.district_id is null" : "c.district_id = :district")
                                + " and " + Universes.MEMBERS + " order by c.id"),
                        u)
                .param("district", district)
                .query((rs, n) -> new DoorContact(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        (Double) rs.getObject(5),
                        (Double) rs.getObject(6),
                        rs.getString(7)))
                .list();
    }

    /**
     * Writes one district's turfs, numbered on from the cut's last; whatever an earlier, interrupted attempt
     * left of this district is removed first, so a restarted chunk writes each door once. A turf's key is its
     * boundary (WKT, or "" for none).
     */
    @Transactional
    public void writeDistrict(long cutId, String cycleId, String district, List<Map.Entry<String, List<Door>>> turfs) {
        String d = district.isEmpty() ? null : district;
        String mine = "select id from turf where cut_id = :cut and district_id is not distinct from :district";
        jdbc.sql("delete from turf_contact where turf_id in (" + mine + ")")
                .param("cut", cutId)
                .param("district", d)
                .update();
        jdbc.sql("delete from turf_household where turf_id in (" + mine + ")")
                .param("cut", cutId)
                .param("district", d)
                .update();
        jdbc.sql("delete from turf where cut_id = :cut and district_id is not distinct from :district")
                .param("cut", cutId)
                .param("district", d)
                .update();
        int number = jdbc.sql("select coalesce(max(number), 0) from turf where cut_id = ?")
                .param(cutId)
                .query(Integer.class)
                .single();
        // one insert per turf, then every door and every resident of the district in one statement each
        List<Long> hTurf = new ArrayList<>();
        List<Integer> hPosition = new ArrayList<>();
        List<String> street = new ArrayList<>();
        List<String> city = new ArrayList<>();
        List<String> zip = new ArrayList<>();
        List<Double> latitude = new ArrayList<>();
        List<Double> longitude = new ArrayList<>();
        List<String> located = new ArrayList<>();
        List<Long> cTurf = new ArrayList<>();
        List<Integer> cPosition = new ArrayList<>();
        List<Long> contact = new ArrayList<>();
        for (Map.Entry<String, List<Door>> turf : turfs) {
            long turfId = jdbc.sql("""
                            insert into turf (cut_id, cycle_id, number, district_id, doors, boundary)
                            values (?, ?, ?, ?, ?, ?) returning id""")
                    .params(
                            cutId,
                            cycleId,
                            ++number,
                            d,
                            turf.getValue().size(),
                            turf.getKey().isEmpty() ? null : turf.getKey())
                    .query(Long.class)
                    .single();
            int position = 0;
            for (Door door : turf.getValue()) {
                position++;
                hTurf.add(turfId);
                hPosition.add(position);
                street.add(door.street());
                city.add(door.city());
                zip.add(door.zip());
                latitude.add(door.latitude());
                longitude.add(door.longitude());
                located.add(door.located());
                for (long c : door.contacts()) {
                    cTurf.add(turfId);
                    cPosition.add(position);
                    contact.add(c);
                }
            }
        }
        if (!hTurf.isEmpty()) {
            jdbc.sql("""
                            insert into turf_household (turf_id, position, street, city, zip, latitude, longitude, located)
                            select * from unnest(?::bigint[], ?::int[], ?::text[], ?::text[], ?::text[],
                                                 ?::float8[], ?::float8[], ?::text[])""")
                    .params(
                            hTurf.toArray(Long[]::new),
                            hPosition.toArray(Integer[]::new),
                            street.toArray(String[]::new),
                            city.toArray(String[]::new),
                            zip.toArray(String[]::new),
                            latitude.toArray(Double[]::new),
                            longitude.toArray(Double[]::new),
                            located.toArray(String[]::new))
                    .update();
            jdbc.sql("""
                            insert into turf_contact (cut_id, turf_id, position, contact_id)
                            select ?, * from unnest(?::bigint[], ?::int[], ?::bigint[])""")
                    .params(
                            cutId,
                            cTurf.toArray(Long[]::new),
                            cPosition.toArray(Integer[]::new),
                            contact.toArray(Long[]::new))
                    .update();
        }
    }

    public Optional<Turf> turf(long id) {
        return jdbc.sql("""
                        select t.*, c.name as cut_name, c.script, c.questions from turf t
                        join turf_cut c on c.id = t.cut_id where t.id = ?""").param(id).query(Turfs::turf).optional();
    }

    public List<Turf> ofCampaign(String cycleId) {
        return jdbc.sql("""
                        select t.*, c.name as cut_name, c.script, c.questions from turf t
                        join turf_cut c on c.id = t.cut_id where t.cycle_id = ? order by t.cut_id, t.number""").param(cycleId).query(Turfs::turf).list();
    }

    /** The turfs checked out to a member, newest check-out first. */
    public List<Turf> ofMember(long memberId) {
        return jdbc.sql("""
                        select t.*, c.name as cut_name, c.script, c.questions from turf t
                        join turf_cut c on c.id = t.cut_id where t.checked_out_to = ?
                        order by t.checked_out_at desc, t.id""").param(memberId).query(Turfs::turf).list();
    }

    /** The member's id if there is such a member, else null. */
    public Long member(long memberId) {
        return jdbc.sql("select id from member where id = ?")
                .param(memberId)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    /** The newest member with that email, else null. */
    public Long memberByEmail(String email) {
        return jdbc.sql("select id from member where lower(email) = lower(?) order by id desc limit 1")
                .param(email)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    /** Hands the turf to a member (another check-out replaces the last). */
    public void checkOut(long turfId, long memberId, String by) {
        jdbc.sql("""
                        update turf set checked_out_to = ?, checked_out_by = ?, checked_out_at = now()
                        where id = ?""").params(memberId, by, turfId).update();
    }

    /** The doors of a turf in walking order: their addresses. */
    public List<Door> doors(long turfId) {
        return jdbc.sql("""
                        select street, city, zip, latitude, longitude, located from turf_household
                        where turf_id = ? order by position""")
                .param(turfId)
                .query((rs, n) -> new Door(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        (Double) rs.getObject(4),
                        (Double) rs.getObject(5),
                        rs.getString(6),
                        List.of()))
                .list();
    }

    /** Everyone at the turf's doors, door by door, with their last result on this turf. */
    public List<Resident> residents(long turfId) {
        return jdbc.sql("""
                        select tc.position, c.id, c.full_name,
                               (select a.result from contact_attempt a where a.turf_id = tc.turf_id
                                and a.contact_id = c.id order by a.id desc limit 1)
                        from turf_contact tc join contact c on c.id = tc.contact_id
                        where tc.turf_id = ? order by tc.position, c.id""")
                .param(turfId)
                .query((rs, n) -> new Resident(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    public boolean lives(long turfId, long contactId) {
        return jdbc.sql("select count(*) > 0 from turf_contact where turf_id = ? and contact_id = ?")
                .params(turfId, contactId)
                .query(Boolean.class)
                .single();
    }

    /** Writes the answer at a door; false when one with the same client attempt id is already there. */
    public boolean record(Turf turf, ContactAttempts.Attempt attempt) {
        return attempts.record(attempt, turf.id());
    }

    private static Turf turf(ResultSet rs, int n) throws SQLException {
        return new Turf(
                rs.getLong("id"),
                rs.getLong("cut_id"),
                rs.getString("cycle_id"),
                rs.getInt("number"),
                rs.getString("district_id"),
                rs.getInt("doors"),
                rs.getString("boundary"),
                (Long) rs.getObject("checked_out_to"),
                rs.getString("cut_name"),
                rs.getString("script"),
                strings(rs.getArray("questions")));
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }
}
