package org.primarypipeline.voting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.cycle.CycleStatus;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.cycles.Durations;
import org.primarypipeline.nominations.NominationSettings;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.outreach.Outbox;
import org.primarypipeline.vetting.Candidacy;
import org.primarypipeline.vetting.CandidacyRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The messages that carry a round to the members of its district group, queued by the cycle's activities
 * through the outbox (consent, quiet hours and dedup keys as for every message): the call for
 * nominations, the reminder before voting closes, the certified result, and a failed or cancelled round.
 * Each names the group's flow rule ({@code liquid}) so the template states it in the shared sentence, and
 * is written in the member's {@code locale}. A retried activity queues nothing twice (the keys name the
 * cycle, the step and the member).
 */
@Component
public class RoundMessages {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final CycleRepository cycles;
    private final CandidacyRepository candidacies;
    private final BallotAccess access;
    private final BallotBox box;
    private final NominationSettings links;
    private final Duration reminderBefore;

    public RoundMessages(
            JdbcClient jdbc,
            Outbox outbox,
            CycleRepository cycles,
            CandidacyRepository candidacies,
            BallotAccess access,
            BallotBox box,
            NominationSettings links,
            @Value("${pp.vote.reminder-before:48h}") String reminderBefore) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.cycles = cycles;
        this.candidacies = candidacies;
        this.access = access;
        this.box = box;
        this.links = links;
        this.reminderBefore = Durations.parse("pp.vote.reminder-before", reminderBefore, Duration.ofDays(2));
    }

    /** How long before the close of voting the reminder goes out. */
    public Duration reminderBefore() {
        return reminderBefore;
    }

    private record Member(long id, String name, String email, String phone, String locale) {}

    /** The call for nominations, when the nomination window opens: to every confirmed member of the group. */
    @Transactional
    public int callForNominations(String cycleId) {
        CycleRecord cycle = cycles.find(cycleId).orElseThrow();
        List<OutboundMessage> messages = new ArrayList<>();
        for (Member m : group(cycle)) {
            Map<String, Object> model = model(cycle, m.name(), m.locale());
            model.put("closesAt", BallotLinks.closesAt(cycle));
            model.put("nominateUrl", links.url("/nominate/" + cycleId));
            messages.add(message(cycle, m, "call-for-nominations", model));
        }
        return outbox.enqueueAll(messages);
    }

    /**
     * The reminder before the close, to the electorate members who have not voted and whose units reach no
     * ballot through their proxies either, each with a link of their own. One per member and deadline: an
     * extended round reminds again before its new close.
     */
    @Transactional
    public int remind(String cycleId) {
        CycleRecord cycle = cycles.find(cycleId).orElseThrow();
        if (!access.roundOpen(cycleId)) {
            return 0;
        }
        String deadline = cycle.stageDeadline() == null
                ? "-"
                : String.valueOf(cycle.stageDeadline().toEpochMilli());
        List<Long> candidates = box.unreached(cycleId);
        Set<String> taken = outbox.taken(candidates.stream()
                .map(id -> reminderKey(cycleId, id, deadline))
                .toList());
        List<Long> unreached = candidates.stream()
                .filter(id -> !taken.contains(reminderKey(cycleId, id, deadline)))
                .toList();
        Map<Long, String> locales = locales(unreached);
        List<OutboundMessage> messages = new ArrayList<>();
        for (BallotAccess.Link link : access.issueReminderLinks(cycleId, unreached)) {
            Map<String, Object> model = model(cycle, link.memberName(), locales.get(link.memberId()));
            model.put("closesAt", BallotLinks.closesAt(cycle));
            model.put("ballotUrl", link.url());
            messages.add(new OutboundMessage(
                            reminderKey(cycleId, link.memberId(), deadline),
                            link.email() ? Channel.EMAIL : Channel.SMS,
                            link.address(),
                            "voting-reminder",
                            model)
                    // like the ballot link it repeats: the member is in this vote, whatever their marketing choices
                    .asTransactional()
                    .inState(cycle.districtId())
                    .withSecrets("ballotUrl"));
        }
        return outbox.enqueueAll(messages);
    }

    private static String reminderKey(String cycleId, long memberId, String deadline) {
        return "cycle:" + cycleId + ":voting-reminder:member:" + memberId + ":" + deadline;
    }

    /** The certified result, to every member of the group, with the link to the public results page. */
    @Transactional
    public int result(String cycleId, long winnerId) {
        CycleRecord cycle = cycles.find(cycleId).orElseThrow();
        record Stored(Long runnerUp, boolean quorumMet, boolean decidedByLot) {}
        Optional<Stored> stored = jdbc.sql("""
                select runner_up, quorum_met, coalesce((result ->> 'decidedByLot')::boolean, false)
                from cycle_result where cycle_id = ?""")
                .param(cycleId)
                .query((rs, n) -> new Stored((Long) rs.getObject(1), rs.getBoolean(2), rs.getBoolean(3)))
                .optional();
        String winner = name(cycleId, winnerId);
        String runnerUp =
                stored.map(Stored::runnerUp).map(id -> name(cycleId, id)).orElse(null);
        boolean byLot = stored.map(Stored::decidedByLot).orElse(false);
        List<OutboundMessage> messages = new ArrayList<>();
        for (Member m : group(cycle)) {
            Map<String, Object> model = model(cycle, m.name(), m.locale());
            model.put("winnerName", winner);
            if (runnerUp != null) {
                model.put(byLot ? "tiedWithName" : "runnerUpName", runnerUp);
            }
            model.put("decidedByLot", byLot);
            model.put("quorumMet", stored.map(Stored::quorumMet).orElse(true));
            model.put("resultUrl", links.url("/results/" + cycleId));
            messages.add(message(cycle, m, "cycle-result", model));
        }
        return outbox.enqueueAll(messages);
    }

    /**
     * A failed or cancelled round, explained to the group once members have heard of it (from the call
     * for nominations on). The reason staff recorded is not sent: it is written for them; the message
     * says which of the public reasons it was.
     */
    @Transactional
    public int ended(String cycleId, CycleStatus status, String reason) {
        CycleRecord cycle = cycles.find(cycleId).orElseThrow();
        if (!cycle.stage().isAfter(CycleStage.PLEDGE_VETTING)) {
            return 0;
        }
        String why = reason == null ? "" : reason;
        boolean cancelled = status == CycleStatus.CANCELLED;
        List<OutboundMessage> messages = new ArrayList<>();
        for (Member m : group(cycle)) {
            Map<String, Object> model = model(cycle, m.name(), m.locale());
            model.put("cancelled", cancelled);
            model.put("quorum", !cancelled && why.startsWith("quorum not met"));
            model.put("noNominee", !cancelled && why.startsWith("no vetted nominee"));
            model.put("resultUrl", links.url("/results/" + cycleId));
            messages.add(message(cycle, m, "round-ended", model));
        }
        return outbox.enqueueAll(messages);
    }

    private Map<String, Object> model(CycleRecord cycle, String memberName, String locale) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("memberName", memberName);
        model.put("districtId", cycle.districtId());
        model.put("cycleId", cycle.id());
        model.put("liquid", "liquid".equals(cycle.settings().policy()));
        model.put("locale", locale == null ? "en" : locale);
        return model;
    }

    private static OutboundMessage message(CycleRecord cycle, Member m, String template, Map<String, Object> model) {
        boolean email = m.email() != null;
        return new OutboundMessage(
                        "cycle:" + cycle.id() + ":" + template + ":member:" + m.id(),
                        email ? Channel.EMAIL : Channel.SMS,
                        email ? m.email() : m.phone(),
                        template,
                        model)
                .inState(cycle.districtId());
    }

    /** The group's members now, whose joining was confirmed, with somewhere to write to. */
    private List<Member> group(CycleRecord cycle) {
        return jdbc.sql("""
                select m.id, m.full_name, m.email, m.phone, m.locale
                from district_group g
                join group_membership gm on gm.group_id = g.id and gm.left_at is null
                join member m on m.id = gm.member_id
                where g.plan_id = ? and g.district_id = ? and (m.email is not null or m.phone is not null)
                  and m.joined_via is distinct from 'UNCONFIRMED'
                order by m.id
                """)
                .params(cycle.planId(), cycle.districtId())
                .query((rs, n) ->
                        new Member(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    private Map<Long, String> locales(List<Long> memberIds) {
        Map<Long, String> locales = new HashMap<>();
        if (!memberIds.isEmpty()) {
            jdbc.sql("select id, locale from member where id = any(?::bigint[])")
                    .param(memberIds.toArray(Long[]::new))
                    .query((rs, n) -> locales.put(rs.getLong(1), rs.getString(2)))
                    .list();
        }
        return locales;
    }

    private String name(String cycleId, long candidacyId) {
        return candidacies.find(cycleId, candidacyId).map(Candidacy::fullName).orElse("#" + candidacyId);
    }
}
