package org.primarypipeline.campaigns;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.platform.links.PublicLinks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The campaign's messages to its group and its hosts, one per recipient, keyed so a retried activity
 * queues nothing twice. Each is written in the member's language ({@code member.locale}).
 */
@Component
public class CampaignMessages {

    private final JdbcClient jdbc;
    private final PublicLinks links;

    public CampaignMessages(JdbcClient jdbc, PublicLinks links) {
        this.jdbc = jdbc;
        this.links = links;
    }

    /** What every campaign message says about the campaign. */
    record Campaign(
            String cycleId, String districtId, String candidateName, String electionKind, LocalDate electionDay) {}

    Campaign campaign(String cycleId) {
        return jdbc.sql("""
                        select c.cycle_id, c.district_id, d.full_name, c.election_kind, c.election_day
                        from campaign c join candidacy k on k.id = c.candidacy_id join candidate d on d.id = k.candidate_id
                        where c.cycle_id = ?
                        """)
                .param(cycleId)
                .query((rs, n) -> new Campaign(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class)))
                .single();
    }

    /** One message to each member of the campaign's district group with an email address. */
    List<OutboundMessage> toGroup(Campaign campaign, String template, Map<String, Object> extra) {
        List<OutboundMessage> messages = new ArrayList<>();
        jdbc.sql("""
                        select m.id, m.full_name, m.email, m.locale from member m
                        join group_membership gm on gm.member_id = m.id and gm.left_at is null
                        join district_group g on g.id = gm.group_id
                        join cycle y on y.plan_id = g.plan_id and y.district_id = g.district_id
                        where y.id = ? and m.email is not null
                        order by m.id
                        """)
                .param(campaign.cycleId())
                .query((rs, n) -> {
                    String locale = rs.getString(4);
                    Map<String, Object> model = model(campaign, locale);
                    model.put("memberName", rs.getString(2));
                    model.putAll(extra);
                    return OutboundMessage.email(
                                    "campaign:" + campaign.cycleId() + ":" + template + ":member:" + rs.getLong(1),
                                    rs.getString(3),
                                    template,
                                    model)
                            .inState(campaign.districtId());
                })
                .list()
                .forEach(messages::add);
        return messages;
    }

    Map<String, Object> model(Campaign campaign, String locale) {
        String language = "es".equals(locale) ? "es" : "en";
        Map<String, Object> model = new HashMap<>();
        model.put("locale", language);
        model.put("candidateName", campaign.candidateName());
        model.put("districtId", campaign.districtId());
        model.put("primary", "PRIMARY".equals(campaign.electionKind()));
        model.put("electionDay", day(campaign.electionDay(), language));
        model.put("campaignUrl", links.url("/c/" + campaign.cycleId()));
        model.put("hostUrl", links.url("/events/new"));
        return model;
    }

    /** The week's digest for each host with an event in the next eight days: what is coming and who answered. */
    List<OutboundMessage> hostDigests(Campaign campaign, int week, Instant from, Instant until) {
        Map<Long, Map<String, Object>> byHost = new LinkedHashMap<>();
        Map<Long, String> emails = new HashMap<>();
        jdbc.sql("""
                        select e.id, e.title, e.starts_at, e.time_zone, e.status, m.id, m.full_name, m.email, m.locale,
                               (select count(*) from event_rsvp r where r.event_id = e.id and r.status = 'CONFIRMED') as rsvps,
                               (select coalesce(sum(s.capacity), 0) from event_shift s where s.event_id = e.id) as capacity
                        from campaign_event e join member m on m.id = e.host_member_id
                        where e.cycle_id = :cycle and e.status in ('IN_REVIEW', 'PUBLISHED')
                          and e.starts_at >= :from and e.starts_at < :until and m.email is not null
                        order by m.id, e.starts_at, e.id
                        """)
                .param("cycle", campaign.cycleId())
                .param("from", java.sql.Timestamp.from(from))
                .param("until", java.sql.Timestamp.from(until))
                .query(rs -> {
                    long host = rs.getLong(6);
                    String language = "es".equals(rs.getString(9)) ? "es" : "en";
                    Map<String, Object> model = byHost.computeIfAbsent(host, h -> {
                        Map<String, Object> m = model(campaign, language);
                        m.put("hostName", uncheckedString(rs, 7));
                        m.put("events", new ArrayList<Map<String, Object>>());
                        return m;
                    });
                    emails.put(host, rs.getString(8));
                    Map<String, Object> event = new HashMap<>();
                    event.put("title", rs.getString(2));
                    event.put("startsAt", when(rs.getTimestamp(3).toInstant(), ZoneId.of(rs.getString(4)), language));
                    event.put("inReview", "IN_REVIEW".equals(rs.getString(5)));
                    event.put("rsvps", rs.getLong(10));
                    event.put("capacity", rs.getLong(11));
                    event.put("rosterUrl", links.url("/events/" + rs.getLong(1) + "/host"));
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> events = (List<Map<String, Object>>) model.get("events");
                    events.add(event);
                });
        List<OutboundMessage> messages = new ArrayList<>();
        byHost.forEach((host, model) -> messages.add(OutboundMessage.email(
                        "campaign:" + campaign.cycleId() + ":digest:" + week + ":host:" + host,
                        emails.get(host),
                        "campaign-host-digest",
                        model)
                .inState(campaign.districtId())));
        return messages;
    }

    static String day(LocalDate day, String language) {
        return day.format(
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(language)));
    }

    static String when(Instant at, ZoneId zone, String language) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Locale.forLanguageTag(language))
                .withZone(zone)
                .format(at);
    }

    private static String uncheckedString(java.sql.ResultSet rs, int column) {
        try {
            return rs.getString(column);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
