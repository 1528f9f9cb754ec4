package org.primarypipeline.supporters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.geo.Assignment;
import org.primarypipeline.core.geo.DistrictPlans;
import org.primarypipeline.core.supporter.EmailAddresses;
import org.primarypipeline.core.supporter.InvalidField;
import org.primarypipeline.core.supporter.PhoneNumbers;
import org.primarypipeline.core.supporter.ZipCodes;
import org.primarypipeline.nominations.NominationForm;
import org.primarypipeline.nominations.PlainText;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.outreach.ConsentRegistry;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.outreach.Outbox;
import org.primarypipeline.platform.links.PublicLinks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Smartocracy's participation by invitation. A member of a district group invites someone they know by
 * email or SMS; accepting makes the invitee a member of the group of their own district (which may not
 * be the inviter's) and, when the inviter offered it and the invitee agreed, names the inviter as the
 * invitee's proxy for all ten units (same group only: proxies act within one group's votes). An
 * address that opted out of the channel is not invited. Staff see how far invitations reach per district.
 *
 * <p>The code in an invitation's link is stored only as its SHA-256 hash: {@link Invitation#token()} is
 * known to the call that created the invitation and is null everywhere else.
 */
@Repository
public class Invitations {

    public static final String TEMPLATE = "group-invitation";
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Invitation(
            long id,
            String token,
            long inviterMemberId,
            long groupId,
            Channel channel,
            String address,
            String inviteeName,
            boolean offersProxy,
            String status,
            Long inviteeMemberId,
            boolean proxyCreated) {

        /** The same invitation with its code, which only the call that created it knows. */
        Invitation withToken(String code) {
            return new Invitation(
                    id,
                    code,
                    inviterMemberId,
                    groupId,
                    channel,
                    address,
                    inviteeName,
                    offersProxy,
                    status,
                    inviteeMemberId,
                    proxyCreated);
        }
    }

    /**
     * How far invitations reach in one district's group of the current plan.
     *
     * @param depth the longest chain of invitations accepted (A invited B, who invited C: 2)
     */
    public record GraphSize(
            String districtId,
            long inviters,
            long invitations,
            long accepted,
            long declined,
            long proxiesCreated,
            int depth) {}

    private final JdbcClient jdbc;
    private final ConsentRegistry consent;
    private final Outbox outbox;
    private final SupporterDistricts districts;
    private final PublicLinks links;

    public Invitations(
            JdbcClient jdbc, ConsentRegistry consent, Outbox outbox, SupporterDistricts districts, PublicLinks links) {
        this.jdbc = jdbc;
        this.consent = consent;
        this.outbox = outbox;
        this.districts = districts;
        this.links = links;
    }

    /** The public page that answers an invitation, the code in its path (the page changes nothing until asked). */
    public String invitationUrl(String token) {
        return links.url("/invitation/" + token);
    }

    /** Invites an address; inviting the same address again returns the first invitation unchanged. */
    @Transactional
    public Invitation invite(
            long inviterMemberId, Channel channel, String address, String inviteeName, boolean offersProxy) {
        String normalized = normalize(channel, address);
        record Inviter(long groupId, String districtId, String name, String locale) {}
        Inviter inviter = jdbc.sql("""
                select g.id, g.district_id, m.full_name, m.locale from group_membership gm
                join district_group g on g.id = gm.group_id join district_plan p on p.id = g.plan_id and p.is_current
                join member m on m.id = gm.member_id
                where gm.member_id = ? and gm.left_at is null
                """)
                .param(inviterMemberId)
                .query((rs, n) -> new Inviter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional()
                .orElseThrow(() -> new IllegalArgumentException(
                        "member " + inviterMemberId + " is in no district group, so cannot invite"));
        if (consent.isOptedOut(channel, normalized)) {
            throw new IllegalArgumentException(normalized + " has opted out of " + channel + " messages");
        }
        Optional<Invitation> existing = find(
                "inviter_member_id = ? and channel = ? and address = ?", inviterMemberId, channel.name(), normalized);
        if (existing.isPresent()) {
            return existing.get();
        }
        String token = token();
        long id = jdbc.sql("""
                insert into invitation (token_hash, inviter_member_id, group_id, channel, address, invitee_name, offers_proxy)
                values (?, ?, ?, ?, ?, ?, ?) returning id
                """)
                .params(
                        hash(token),
                        inviterMemberId,
                        inviter.groupId(),
                        channel.name(),
                        normalized,
                        inviteeName,
                        offersProxy)
                .query(Long.class)
                .single();
        Map<String, Object> model = new java.util.LinkedHashMap<>();
        model.put("inviterName", inviter.name());
        model.put("districtId", inviter.districtId());
        model.put("inviteeName", inviteeName == null ? "" : inviteeName);
        model.put("token", token);
        model.put("offersProxy", offersProxy);
        model.put("invitationUrl", invitationUrl(token));
        model.put("invitationPageUrl", links.url("/invitation"));
        model.put("joinUrl", links.url("/join"));
        // groups vote Smartocratically unless a round is launched with the liquid policy, and that round's
        // own messages then say so; an invitation belongs to no round
        model.put("liquid", false);
        // the invitee is no member yet: the message is in the inviter's language, whom they know
        model.put("locale", inviter.locale() == null ? "en" : inviter.locale());
        outbox.enqueue(new OutboundMessage("invitation:" + id, channel, normalized, TEMPLATE, model)
                .inState(inviter.districtId())
                .withSecrets("token", "invitationUrl"));
        return find("id = ?", id).orElseThrow().withToken(token);
    }

    /**
     * Accepts an invitation. The invitee says where they live: a ZIP (districted by the current plan's
     * precedence) or the district itself (their confirmation).
     *
     * @param acceptsProxy whether the invitee takes up the inviter's offer to be their proxy
     */
    @Transactional
    public Invitation accept(String token, String fullName, String zip, DistrictId district, boolean acceptsProxy) {
        // the row stays locked until this answer commits, so a decline sent at the same time waits and is refused
        Invitation invitation = find("token_hash = ? for update", hash(token))
                .orElseThrow(() -> new IllegalArgumentException("no such invitation"));
        if (!"PENDING".equals(invitation.status())) {
            throw new IllegalArgumentException(
                    "this invitation was already " + invitation.status().toLowerCase());
        }
        if (zip == null && district == null) {
            throw new IllegalArgumentException("tell us your ZIP or your district, so we can put you in its group");
        }
        // both checked before anything is written: PostgreSQL refuses a NUL in text, and a ZIP that does
        // not normalise used to fail after the member row was in, both as a 500 (found by InputFuzzTest)
        String name = PlainText.field(fullName, "your name", NominationForm.MAX_NAME, false);
        String normalizedZip = district != null ? null : zip(zip);
        long member = findOrCreateMember(invitation, name);
        if (district != null) {
            districts.confirm(member, district);
        } else {
            String plan = jdbc.sql("select id from district_plan where is_current")
                    .query(String.class)
                    .single();
            Assignment a = DistrictPlans.load(plan).assign(Double.NaN, Double.NaN, ZipCodes.toInt(normalizedZip));
            jdbc.sql("""
                    update member set zip = coalesce(zip, ?), district_plan_id = ?, district_id = ?, district_source = ?,
                        district_provisional = ?, district_reason = ?, district_assigned_at = now()
                    where id = ? and (district_source is null or district_source not in ('MEMBER_CONFIRMED', 'STAFF'))
                    """)
                    .params(
                            normalizedZip,
                            plan,
                            a.assigned() ? a.districtId().toString() : null,
                            a.source() == null ? null : a.source().name(),
                            a.provisional(),
                            a.reason(),
                            member)
                    .update();
        }
        Optional<Long> group = districts.join(member);
        // the invitation came by the invitee's own email or phone, and they answered it: that is the
        // confirmation a joining needs (see JoinRequests), recorded as such
        jdbc.sql("""
                update member set joined_via = 'INVITATION'
                where id = ? and (joined_via is null or joined_via = 'UNCONFIRMED')
                """).param(member).update();
        boolean proxy = false;
        if (invitation.offersProxy()
                && acceptsProxy
                && group.isPresent()
                && group.get() == invitation.groupId()
                && member != invitation.inviterMemberId()) {
            proxy = jdbc.sql("""
                    insert into proxy_assignment (group_id, member_id, proxy_member_id, units, position)
                    select ?, ?, ?, 10, 0
                    where not exists (select 1 from proxy_assignment where group_id = ? and member_id = ? and cycle_id is null)
                    """)
                            .params(group.get(), member, invitation.inviterMemberId(), group.get(), member)
                            .update()
                    == 1;
        }
        int answered = jdbc.sql("""
                update invitation set status = 'ACCEPTED', invitee_member_id = ?, proxy_created = ?, answered_at = now()
                where id = ? and status = 'PENDING'
                """).params(member, proxy, invitation.id()).update();
        if (answered == 0) {
            throw new IllegalArgumentException("this invitation was answered meanwhile");
        }
        return find("id = ?", invitation.id()).orElseThrow();
    }

    @Transactional
    public Invitation decline(String token) {
        int updated = jdbc.sql(
                        "update invitation set status = 'DECLINED', answered_at = now() where token_hash = ? and status = 'PENDING'")
                .param(hash(token))
                .update();
        if (updated == 0) {
            throw new IllegalArgumentException("no pending invitation with that token");
        }
        return find("token_hash = ?", hash(token)).orElseThrow();
    }

    /** The invitation graph's size in every district group of the current plan that has any invitation. */
    public List<GraphSize> graphByDistrict() {
        return jdbc.sql("""
                with recursive chain (invitee, depth) as (
                    select i.invitee_member_id, 1 from invitation i
                    where i.status = 'ACCEPTED'
                      and not exists (select 1 from invitation up where up.status = 'ACCEPTED'
                                      and up.invitee_member_id = i.inviter_member_id)
                    union
                    select i.invitee_member_id, c.depth + 1 from chain c
                    join invitation i on i.inviter_member_id = c.invitee and i.status = 'ACCEPTED'
                    where c.depth < 100
                ), depth_of as (
                    select invitee, max(depth) as depth from chain group by invitee
                )
                select g.district_id,
                       count(distinct i.inviter_member_id) as inviters,
                       count(*) as invitations,
                       count(*) filter (where i.status = 'ACCEPTED') as accepted,
                       count(*) filter (where i.status = 'DECLINED') as declined,
                       count(*) filter (where i.proxy_created) as proxies,
                       coalesce(max(d.depth), 0) as depth
                from invitation i
                join district_group g on g.id = i.group_id join district_plan p on p.id = g.plan_id and p.is_current
                left join depth_of d on d.invitee = i.invitee_member_id
                group by g.district_id order by g.district_id
                """)
                .query((rs, n) -> new GraphSize(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getInt(7)))
                .list();
    }

    public Optional<Invitation> byToken(String token) {
        return find("token_hash = ?", hash(token));
    }

    /** What the invitee is shown before answering: who invites them, from which district, and what is offered. */
    public record Offer(Invitation invitation, String inviterName, String inviterDistrictId) {}

    public Optional<Offer> offer(String token) {
        return byToken(token)
                .map(i -> jdbc.sql("""
                select m.full_name, g.district_id from member m, district_group g where m.id = ? and g.id = ?
                """)
                        .params(i.inviterMemberId(), i.groupId())
                        .query((rs, n) -> new Offer(i, rs.getString(1), rs.getString(2)))
                        .single());
    }

    private long findOrCreateMember(Invitation invitation, String fullName) {
        String column = invitation.channel() == Channel.EMAIL ? "lower(email)" : "phone";
        Optional<Long> existing = jdbc.sql("select id from member where " + column + " = ?")
                .param(invitation.address())
                .query(Long.class)
                .optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        String name = fullName != null && !fullName.isBlank()
                ? fullName.strip()
                : invitation.inviteeName() != null ? invitation.inviteeName() : invitation.address();
        return jdbc.sql("insert into member (full_name, email, phone, source) values (?, ?, ?, ?) returning id")
                .params(
                        name,
                        invitation.channel() == Channel.EMAIL ? invitation.address() : null,
                        invitation.channel() == Channel.SMS ? invitation.address() : null,
                        "invitation " + invitation.id())
                .query(Long.class)
                .single();
    }

    private Optional<Invitation> find(String where, Object... params) {
        return jdbc.sql("select * from invitation where " + where)
                .params(params)
                .query((rs, n) -> new Invitation(
                        rs.getLong("id"),
                        null,
                        rs.getLong("inviter_member_id"),
                        rs.getLong("group_id"),
                        Channel.valueOf(rs.getString("channel")),
                        rs.getString("address"),
                        rs.getString("invitee_name"),
                        rs.getBoolean("offers_proxy"),
                        rs.getString("status"),
                        (Long) rs.getObject("invitee_member_id"),
                        rs.getBoolean("proxy_created")))
                .optional();
    }

    private static String normalize(Channel channel, String address) {
        try {
            String normalized =
                    channel == Channel.EMAIL ? EmailAddresses.normalize(address) : PhoneNumbers.toE164(address);
            if (normalized == null) {
                throw new IllegalArgumentException("no address to invite");
            }
            return normalized;
        } catch (InvalidField e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static String zip(String zip) {
        try {
            return ZipCodes.normalize(zip);
        } catch (InvalidField e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** Codes carry 144 random bits, so an unsalted SHA-256 is enough to keep them out of reach. */
    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest((token == null ? "" : token).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
