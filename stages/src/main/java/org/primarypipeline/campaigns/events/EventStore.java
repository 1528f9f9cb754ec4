package org.primarypipeline.campaigns.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every SQL statement of the events: events, shifts, RSVPs, trusted hosts. */
@Repository
public class EventStore {

    /** A proposal as the command checked it; {@code shifts} are start/end pairs with their capacity. */
    public record NewEvent(
            String cycleId,
            String districtId,
            long hostMemberId,
            EventKind kind,
            String title,
            String description,
            Instant startsAt,
            Instant endsAt,
            ZoneId zone,
            String locationName,
            String address,
            String zip,
            Double latitude,
            Double longitude,
            String videoUrl,
            List<NewShift> shifts) {}

    public record NewShift(Instant startsAt, Instant endsAt, int capacity) {}

    /** A member to invite: contact, language and their ZIP. */
    public record Invitee(long memberId, String fullName, String email, String phone, String locale) {}

    private static final String EVENT_COLUMNS = """
            e.id, e.cycle_id, e.district_id, e.host_member_id, m.full_name as host_name, e.kind, e.title,
            e.description, e.starts_at, e.ends_at, e.time_zone, e.location_name, e.address, e.zip, e.latitude,
            e.longitude, e.video_url, e.status, e.publish_at, e.objected_by, e.objection, e.attended,
            e.calls_made, e.doors_knocked, e.texts_sent, e.reported_at, e.followed_up_at
            from campaign_event e join member m on m.id = e.host_member_id """;

    private static final String RSVP_COLUMNS =
            "id, event_id, shift_id, member_id, full_name, email, phone, locale, status, confirmed_at, checked_in_at ";

    private final JdbcClient jdbc;

    public EventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The running campaign of a district (the newest not ended), if its candidate has one. */
    public Optional<String> campaignOf(String districtId) {
        return jdbc.sql("""
                select cycle_id from campaign where district_id = ? and stage <> 'ENDED'
                order by started_at desc limit 1""").param(districtId).query(String.class).optional();
    }

    public long create(NewEvent e, String status, Instant publishAt) {
        long id = jdbc.sql("""
                insert into campaign_event (cycle_id, district_id, host_member_id, kind, title, description, starts_at,
                    ends_at, time_zone, location_name, address, zip, latitude, longitude, video_url, status, publish_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        e.cycleId(),
                        e.districtId(),
                        e.hostMemberId(),
                        e.kind().name(),
                        e.title(),
                        e.description(),
                        ts(e.startsAt()),
                        ts(e.endsAt()),
                        e.zone().getId(),
                        e.locationName(),
                        e.address(),
                        e.zip(),
                        e.latitude(),
                        e.longitude(),
                        e.videoUrl(),
                        status,
                        ts(publishAt))
                .query(Long.class)
                .single();
        for (NewShift s : e.shifts()) {
            jdbc.sql("insert into event_shift (event_id, starts_at, ends_at, capacity) values (?, ?, ?, ?)")
                    .params(id, ts(s.startsAt()), ts(s.endsAt()), s.capacity())
                    .update();
        }
        return id;
    }

    public Optional<EventRecord> find(long id) {
        return jdbc.sql("select " + EVENT_COLUMNS + " where e.id = ?")
                .param(id)
                .query(EventStore::event)
                .optional();
    }

    /** Published events still to come, soonest first (the list page sorts them by distance). */
    public List<EventRecord> upcoming(Instant now, String cycleId, int limit) {
        return jdbc.sql("select " + EVENT_COLUMNS + """
                 where e.status = 'PUBLISHED' and e.ends_at > ? and (cast(? as text) is null or e.cycle_id = ?)
                order by e.starts_at limit ?""")
                .params(ts(now), cycleId, cycleId, limit)
                .query(EventStore::event)
                .list();
    }

    /** Events waiting out their review window, for staff and organizers. */
    public List<EventRecord> inReview(int limit) {
        return jdbc.sql("select " + EVENT_COLUMNS + " where e.status = 'IN_REVIEW' order by e.publish_at limit ?")
                .param(limit)
                .query(EventStore::event)
                .list();
    }

    public List<ShiftRecord> shifts(long eventId) {
        return jdbc.sql("""
                select s.id, s.event_id, s.starts_at, s.ends_at, s.capacity,
                       (select count(*) from event_rsvp r where r.shift_id = s.id and r.status <> 'CANCELLED') as taken
                from event_shift s where s.event_id = ? order by s.starts_at, s.id""")
                .param(eventId)
                .query((rs, n) -> new ShiftRecord(
                        rs.getLong(1), rs.getLong(2), instant(rs, 3), instant(rs, 4), rs.getInt(5), rs.getInt(6)))
                .list();
    }

    /** The shift, locked until the transaction ends: two RSVPs for its last place are taken one after the other. */
    public Optional<ShiftRecord> lockShift(long eventId, long shiftId) {
        Optional<Long> locked = jdbc.sql("select id from event_shift where id = ? and event_id = ? for update")
                .params(shiftId, eventId)
                .query(Long.class)
                .optional();
        return locked.flatMap(
                id -> shifts(eventId).stream().filter(s -> s.id() == id).findFirst());
    }

    public boolean trusted(long memberId) {
        return jdbc.sql("select count(*) from trusted_host where member_id = ?")
                        .param(memberId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** True when the member was not trusted before. */
    public boolean markTrusted(long memberId, String reason, String markedBy) {
        return jdbc.sql("""
                insert into trusted_host (member_id, reason, marked_by) values (?, ?, ?)
                on conflict (member_id) do nothing""").params(memberId, reason, markedBy).update() > 0;
    }

    /** Publishes the event if it is still in review and its window has passed; true if this call did. */
    public boolean publishIfDue(long id, Instant now) {
        return jdbc.sql(
                                "update campaign_event set status = 'PUBLISHED' where id = ? and status = 'IN_REVIEW' and publish_at <= ?")
                        .params(id, ts(now))
                        .update()
                > 0;
    }

    /** Stops an event still in review; true if this call did. */
    public boolean object(long id, String by, String reason, Instant now) {
        return jdbc.sql("""
                update campaign_event set status = 'OBJECTED', objected_by = ?, objection = ?, objected_at = ?
                where id = ? and status = 'IN_REVIEW'""").params(by, reason, ts(now), id).update() > 0;
    }

    public Optional<RsvpRecord> activeRsvp(long shiftId, String email, String phone) {
        return jdbc.sql("select " + RSVP_COLUMNS + """
                 from event_rsvp where shift_id = ? and status <> 'CANCELLED'
                 and ((cast(? as text) is not null and lower(email) = lower(?)) or (cast(? as text) is not null and phone = ?))
                 limit 1""")
                .params(shiftId, email, email, phone, phone)
                .query(EventStore::rsvp)
                .optional();
    }

    public long addRsvp(
            long eventId,
            long shiftId,
            Long memberId,
            String name,
            String email,
            String phone,
            String locale,
            byte[] tokenHash) {
        return jdbc.sql("""
                insert into event_rsvp (event_id, shift_id, member_id, full_name, email, phone, locale, status, confirm_token_hash)
                values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?) returning id""")
                .params(eventId, shiftId, memberId, name, email, phone, locale, tokenHash)
                .query(Long.class)
                .single();
    }

    /**
     * What share codes brought this RSVP in ({@code attribution}, subject RSVP): codes that name no refcode
     * are left out rather than refused (a visitor may carry a mistyped one).
     */
    public Optional<RsvpRecord> byTokenHash(byte[] hash) {
        return jdbc.sql("select " + RSVP_COLUMNS + " from event_rsvp where confirm_token_hash = ?")
                .param(hash)
                .query(EventStore::rsvp)
                .optional();
    }

    /** Confirms a pending RSVP; true if this call did. */
    public boolean confirm(long rsvpId, Instant now) {
        return jdbc.sql(
                                "update event_rsvp set status = 'CONFIRMED', confirmed_at = ? where id = ? and status = 'PENDING'")
                        .params(ts(now), rsvpId)
                        .update()
                > 0;
    }

    public Optional<RsvpRecord> rsvp(long rsvpId) {
        return jdbc.sql("select " + RSVP_COLUMNS + " from event_rsvp where id = ?")
                .param(rsvpId)
                .query(EventStore::rsvp)
                .optional();
    }

    /** Every RSVP of the event not cancelled, by shift and name. */
    public List<RsvpRecord> roster(long eventId) {
        return jdbc.sql(
                        "select " + RSVP_COLUMNS
                                + " from event_rsvp where event_id = ? and status <> 'CANCELLED' order by shift_id, full_name, id")
                .param(eventId)
                .query(EventStore::rsvp)
                .list();
    }

    public List<RsvpRecord> confirmed(long eventId) {
        return jdbc.sql("select " + RSVP_COLUMNS
                        + " from event_rsvp where event_id = ? and status = 'CONFIRMED' order by id")
                .param(eventId)
                .query(EventStore::rsvp)
                .list();
    }

    public List<RsvpRecord> attendees(long eventId) {
        return jdbc.sql("select " + RSVP_COLUMNS
                        + " from event_rsvp where event_id = ? and checked_in_at is not null order by id")
                .param(eventId)
                .query(EventStore::rsvp)
                .list();
    }

    /** Checks a confirmed or pending RSVP of this event in; true if this call did. */
    public boolean checkIn(long eventId, long rsvpId, Instant now) {
        return jdbc.sql("""
                update event_rsvp set checked_in_at = ?, status = 'CONFIRMED', confirmed_at = coalesce(confirmed_at, ?)
                where id = ? and event_id = ? and status <> 'CANCELLED' and checked_in_at is null""").params(ts(now), ts(now), rsvpId, eventId).update() > 0;
    }

    public void report(long eventId, int attended, int calls, int doors, int texts, Instant now) {
        jdbc.sql("""
                update campaign_event set status = 'REPORTED', attended = ?, calls_made = ?, doors_knocked = ?,
                    texts_sent = ?, reported_at = ? where id = ?""").params(attended, calls, doors, texts, ts(now), eventId).update();
    }

    public void followedUp(long eventId, Instant now) {
        jdbc.sql("update campaign_event set followed_up_at = coalesce(followed_up_at, ?) where id = ?")
                .params(ts(now), eventId)
                .update();
    }

    /** Events whose workflow has more to do: what the app starts again on start. */
    public List<Long> unfinished() {
        return jdbc.sql("""
                select id from campaign_event where followed_up_at is null and status in ('IN_REVIEW', 'PUBLISHED', 'REPORTED')
                order by id""").query(Long.class).list();
    }

    /** The member holding this email or phone, if any (an RSVP never makes one). */
    public Optional<Long> memberByAddress(String email, String phone) {
        return jdbc.sql("""
                select id from member where (cast(? as text) is not null and lower(email) = lower(?))
                   or (cast(? as text) is not null and phone = ?) order by id limit 1""")
                .params(email, email, phone, phone)
                .query(Long.class)
                .optional();
    }

    /** Members of the district's group, and members of other groups whose ZIP is one of {@code zips}. */
    public List<Invitee> invitees(String districtId, List<String> zips) {
        return jdbc.sql("""
                select m.id, m.full_name, m.email, m.phone, m.locale from member m
                where exists (select 1 from group_membership gm join district_group g on g.id = gm.group_id
                              where gm.member_id = m.id and gm.left_at is null and (g.district_id = ? or m.zip = any(?)))
                order by m.id""")
                .params(districtId, zips.toArray(new String[0]))
                .query((rs, n) ->
                        new Invitee(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    public Optional<String> memberName(long memberId) {
        return jdbc.sql("select full_name from member where id = ?")
                .param(memberId)
                .query(String.class)
                .optional();
    }

    /** The district of the member's open group and their ZIP (where they would host). */
    public Optional<String[]> memberPlace(long memberId) {
        return jdbc.sql("""
                select g.district_id, m.zip from member m
                join group_membership gm on gm.member_id = m.id and gm.left_at is null
                join district_group g on g.id = gm.group_id
                where m.id = ? order by gm.joined_at desc limit 1""")
                .param(memberId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional();
    }

    private static EventRecord event(ResultSet rs, int row) throws SQLException {
        return new EventRecord(
                rs.getLong("id"),
                rs.getString("cycle_id"),
                rs.getString("district_id"),
                rs.getLong("host_member_id"),
                rs.getString("host_name"),
                EventKind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("description"),
                instant(rs, "starts_at"),
                instant(rs, "ends_at"),
                ZoneId.of(rs.getString("time_zone")),
                rs.getString("location_name"),
                rs.getString("address"),
                rs.getString("zip"),
                (Double) rs.getObject("latitude"),
                (Double) rs.getObject("longitude"),
                rs.getString("video_url"),
                rs.getString("status"),
                instant(rs, "publish_at"),
                rs.getString("objected_by"),
                rs.getString("objection"),
                (Integer) rs.getObject("attended"),
                (Integer) rs.getObject("calls_made"),
                (Integer) rs.getObject("doors_knocked"),
                (Integer) rs.getObject("texts_sent"),
                instant(rs, "reported_at"),
                instant(rs, "followed_up_at"));
    }

    private static RsvpRecord rsvp(ResultSet rs, int row) throws SQLException {
        return new RsvpRecord(
                rs.getLong("id"),
                rs.getLong("event_id"),
                rs.getLong("shift_id"),
                (Long) rs.getObject("member_id"),
                rs.getString("full_name"),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getString("locale"),
                rs.getString("status"),
                instant(rs, "confirmed_at"),
                instant(rs, "checked_in_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
