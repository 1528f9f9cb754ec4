package org.primarypipeline.supporters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.geo.Assignment;
import org.primarypipeline.core.geo.DistrictPlans;
import org.primarypipeline.core.supporter.ZipCodes;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.outreach.ConsentRegistry;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.outreach.Outbox;
import org.primarypipeline.platform.links.PublicLinks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joining a district group from the public API: a request sends a link to the person's own email (or
 * phone, when they give no email), and only following it makes them a member. Until then nothing is
 * written to the supporter list or to any group, so sign-ups in bulk add nobody to an electorate.
 * <p>
 * The link carries a random 128-bit token of which only the SHA-256 is kept; it is good once and until
 * it expires, and a second press of the button (a double click, a reload) answers the first one's result.
 * A person has one open membership: confirming a join to another district moves them (see
 * {@link MemberRepository#join}). Where the person gives a ZIP, the district comes from it (the current
 * plan's locator), and the answer says so when it differs from the district they named.
 */
@Service
public class JoinRequests {

    public static final String TEMPLATE = "join-confirm";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * What the request did: where the link went and to which group it will make the person a member;
     * {@code sent} is false for a bot, which is answered the same but sent nothing.
     */
    public record Requested(
            String districtId,
            String namedDistrictId,
            Channel channel,
            Instant expiresAt,
            String note,
            boolean sent,
            Long requestId) {}

    public enum State {
        VALID,
        UNKNOWN,
        CONFIRMED,
        EXPIRED
    }

    /** What a link would do, shown before it is spent. */
    public record Pending(State state, String districtId, String fullName, boolean spanish) {}

    /**
     * A link followed: the member, their group's district and the group they left by this move (null when
     * none); {@code again} when the link had already been followed (the same answer, nothing changed).
     */
    public record Confirmation(
            State state, Long memberId, String districtId, String leftDistrictId, boolean again, boolean spanish) {}

    private final JdbcClient jdbc;
    private final MemberRepository members;
    private final SupporterDistricts districts;
    private final ConsentRegistry consent;
    private final Outbox outbox;
    private final PublicLinks links;
    private final JoinSettings settings;

    public JoinRequests(
            JdbcClient jdbc,
            MemberRepository members,
            SupporterDistricts districts,
            ConsentRegistry consent,
            Outbox outbox,
            PublicLinks links,
            JoinSettings settings) {
        this.jdbc = jdbc;
        this.members = members;
        this.districts = districts;
        this.consent = consent;
        this.outbox = outbox;
        this.links = links;
        this.settings = settings;
    }

    /**
     * Takes a request and sends its link. A bot (the honeypot filled) gets the same answer and nothing is
     * stored or sent. Refused with {@link RefusedFields} for bad input and {@link JoinLimited} past the limits.
     */
    public Requested request(JoinForm form, String ip) {
        return request(form, ip, Consent.NOT_ASKED);
    }

    /**
     * The person's answer, on the join page, to whether the group's news may come by email and by text
     * (null: not asked, as on the API). Kept with the request and written to the one consent record when
     * the link is followed, since only then is the address known to be theirs.
     */
    public record Consent(Boolean email, Boolean sms) {
        public static final Consent NOT_ASKED = new Consent(null, null);
    }

    /** As {@link #request(JoinForm, String)}, with the person's consent per channel. */
    @Transactional
    public Requested request(JoinForm form, String ip, Consent asked) {
        JoinForm.Valid valid = form.validate();
        Channel channel = valid.email() != null ? Channel.EMAIL : Channel.SMS;
        String address = valid.email() != null ? valid.email() : valid.phone();
        String plan = jdbc.sql("select id from district_plan where is_current")
                .query(String.class)
                .single();
        String named = valid.district().toString();
        if (!groupExists(plan, named)) {
            throw new RefusedFields(Map.of("district", "there is no district " + named + " in the current plan"));
        }
        Instant expires = Instant.now().plus(settings.confirmTtl());
        if (form.fromABot()) {
            return new Requested(named, named, channel, expires, null, false, null);
        }
        String[] located = locate(plan, named, valid.zip());
        String district = located[0];
        if (channel == Channel.SMS && consent.isOptedOut(Channel.SMS, address)) {
            throw new RefusedFields(Map.of(
                    "phone",
                    "this number has asked us (STOP) to send no texts; give an email address to confirm instead"));
        }
        limit(ip, address);
        String token = token();
        long id = jdbc.sql("""
                insert into join_request (token_hash, district_id, named_district, full_name, email, phone, street, zip,
                                          language, channel, address, requested_ip, expires_at, email_ok, sms_ok)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """)
                .params(
                        hash(token),
                        district,
                        named,
                        valid.fullName(),
                        valid.email(),
                        valid.phone(),
                        valid.street(),
                        valid.zip(),
                        valid.spanish() ? "es" : "en",
                        channel.name(),
                        address,
                        ip == null ? "" : ip,
                        Timestamp.from(expires),
                        asked.email(),
                        asked.sms())
                .query(Long.class)
                .single();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("fullName", valid.fullName());
        model.put("districtId", district);
        model.put("confirmUrl", confirmUrl(token, valid.spanish()));
        model.put("expiresIn", expiresIn(settings.confirmTtl(), valid.spanish()));
        model.put("spanish", valid.spanish());
        outbox.enqueue(new OutboundMessage("join:" + id, channel, address, TEMPLATE, model)
                .asTransactional()
                .withSecrets("confirmUrl")
                .inState(district));
        return new Requested(district, named, channel, expires, located[1], true, id);
    }

    /** The public page that confirms, the token in its path; {@code ?lang=es} shows it in Spanish. */
    public String confirmUrl(String token, boolean spanish) {
        return links.url("/join/confirm/" + token) + (spanish ? "?lang=es" : "");
    }

    /** What the link would do, without spending it. */
    public Pending peek(String token) {
        return row(token, false)
                .map(r -> new Pending(r.state(), r.districtId(), r.fullName(), r.spanish()))
                .orElse(new Pending(State.UNKNOWN, null, null, false));
    }

    /**
     * Follows the link: the person becomes a member of the group (moving from any other), recorded as
     * confirmed by link. Of two presses at once one does the work and the other waits and answers the same.
     */
    @Transactional
    public Confirmation confirm(String token) {
        Optional<Row> found = row(token, true);
        if (found.isEmpty()) {
            return new Confirmation(State.UNKNOWN, null, null, null, false, false);
        }
        Row r = found.get();
        if (r.state() == State.CONFIRMED) {
            return new Confirmation(State.CONFIRMED, r.memberId(), r.districtId(), null, true, r.spanish());
        }
        if (r.state() == State.EXPIRED) {
            return new Confirmation(State.EXPIRED, null, r.districtId(), null, false, r.spanish());
        }
        String before = currentDistrict(r.email(), r.phone()).orElse(null);
        long member = members.join(r.districtId(), r.fullName(), r.email(), r.phone(), "CONFIRMED_LINK");
        // the person said where they live (the district named, or their ZIP's): on this plan it wins
        districts.confirm(member, DistrictId.parse(r.districtId()));
        jdbc.sql("""
                update member set zip = coalesce(zip, ?), street = coalesce(street, ?),
                    joined_at = coalesce(joined_at, now()), locale = ? where id = ?
                """)
                .params(r.zip(), r.street(), r.spanish() ? "es" : "en", member)
                .update();
        recordConsent(r);
        jdbc.sql("update join_request set confirmed_at = now(), member_id = ? where id = ?")
                .params(member, r.id())
                .update();
        String left = before != null && !before.equals(r.districtId()) ? before : null;
        return new Confirmation(State.VALID, member, r.districtId(), left, false, r.spanish());
    }

    private record Row(
            long id,
            State state,
            String districtId,
            String fullName,
            String email,
            String phone,
            String street,
            String zip,
            boolean spanish,
            Long memberId,
            Channel channel,
            Consent consent) {}

    private Optional<Row> row(String token, boolean lock) {
        if (token == null || token.isBlank() || token.length() > 64) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select id, district_id, full_name, email, phone, street, zip, language, member_id,
                       confirmed_at is not null, expires_at <= now(), channel, email_ok, sms_ok
                from join_request where token_hash = ?
                """ + (lock ? " for update" : ""))
                .param(hash(token))
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getBoolean(10) ? State.CONFIRMED : rs.getBoolean(11) ? State.EXPIRED : State.VALID,
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        "es".equals(rs.getString(8)),
                        (Long) rs.getObject(9),
                        Channel.valueOf(rs.getString(12)),
                        new Consent((Boolean) rs.getObject(13), (Boolean) rs.getObject(14))))
                .optional();
    }

    /**
     * The join page's answers, now that the link proved the address. A "no" is recorded for either
     * channel; a "yes" only for the channel the link came by: ticking a box must not undo a STOP that a
     * phone's owner sent, when whoever ticked it proved only an email address.
     */
    private void recordConsent(Row r) {
        String evidence = "join request " + r.id() + " confirmed by its link";
        record(Channel.EMAIL, r.email(), r.consent().email(), r.channel(), evidence);
        record(Channel.SMS, r.phone(), r.consent().sms(), r.channel(), evidence);
    }

    private void record(Channel channel, String address, Boolean ok, Channel proved, String evidence) {
        if (address == null || ok == null) {
            return;
        }
        if (!ok) {
            consent.optOut(channel, address, "join-page", evidence);
        } else if (channel == proved) {
            consent.optIn(channel, address, "join-page", evidence);
        }
    }

    private Optional<String> currentDistrict(String email, String phone) {
        return jdbc.sql("""
                select g.district_id from member m
                join group_membership gm on gm.member_id = m.id and gm.left_at is null
                join district_group g on g.id = gm.group_id
                where (m.email is not null and lower(m.email) = lower(?)) or (m.phone is not null and m.phone = ?)
                order by gm.joined_at desc limit 1
                """).params(email, phone).query(String.class).optional();
    }

    private boolean groupExists(String plan, String district) {
        return jdbc.sql("select count(*) from district_group where plan_id = ? and district_id = ?")
                        .params(plan, district)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The district to join and, when it is not simply the one named, why (in a sentence). */
    private String[] locate(String plan, String named, String zip) {
        if (zip == null) {
            return new String[] {named, null};
        }
        Assignment a = DistrictPlans.load(plan).assign(Double.NaN, Double.NaN, ZipCodes.toInt(zip));
        if (!a.assigned()) {
            return new String[] {
                named,
                "We could not place ZIP " + zip + " in a district, so you will join " + named
                        + ", the district you named."
            };
        }
        String located = a.districtId().toString();
        if (located.equals(named)) {
            return new String[] {named, null};
        }
        if (a.provisional()) {
            return new String[] {
                named,
                "ZIP " + zip + " spans more than one district (most of it is in " + located + "); you will join "
                        + named + ", the district you named."
            };
        }
        return new String[] {
            located,
            "ZIP " + zip + " is in " + located + ", not " + named + ": members belong to the group of the district"
                    + " where they live, so the link makes you a member of " + located + "."
        };
    }

    /** Serialises requests from one network address and to one address, so the counts below are exact. */
    private void limit(String ip, String address) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('join-ip:' || ?))")
                .param(ip)
                .query(Object.class)
                .list();
        jdbc.sql("select pg_advisory_xact_lock(hashtext('join-to:' || ?))")
                .param(address)
                .query(Object.class)
                .list();
        Window fromIp = window("requested_ip = ?", ip, Duration.ofHours(1));
        if (fromIp.count() >= settings.perIpPerHour()) {
            throw new JoinLimited(
                    "too many requests to join from your network in the last hour (at most " + settings.perIpPerHour()
                            + "); please try again later",
                    fromIp.retryAfter());
        }
        Window toAddress = window("address = ?", address, Duration.ofDays(1));
        if (toAddress.count() >= settings.perAddressPerDay()) {
            throw new JoinLimited(
                    "we already sent " + toAddress.count() + " links to confirm to " + address
                            + " today (at most " + settings.perAddressPerDay()
                            + "); follow one of them, or try again tomorrow",
                    toAddress.retryAfter());
        }
    }

    /** How many requests match in the window, and when the oldest of them leaves it. */
    private record Window(int count, Duration retryAfter) {}

    private Window window(String where, String value, Duration length) {
        return jdbc.sql("select count(*), min(requested_at) from join_request where " + where
                        + " and requested_at > now() - make_interval(secs => ?)")
                .params(value, (double) length.toSeconds())
                .query((rs, n) -> {
                    Timestamp oldest = rs.getTimestamp(2);
                    Duration wait = oldest == null
                            ? Duration.ZERO
                            : Duration.between(Instant.now(), oldest.toInstant().plus(length));
                    return new Window(rs.getInt(1), wait.isNegative() ? Duration.ofSeconds(1) : wait);
                })
                .single();
    }

    private static String expiresIn(Duration ttl, boolean spanish) {
        long hours = ttl.toHours();
        if (hours < 48) {
            return hours + (spanish ? " horas" : " hours");
        }
        return ttl.toDays() + (spanish ? " días" : " days");
    }

    private static String token() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
