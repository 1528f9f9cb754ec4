package org.primarypipeline.nominations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.cycle.CycleStatus;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.nominations.NominationLinks.Check;
import org.primarypipeline.nominations.NominationLinks.Purpose;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.vetting.PledgeRepository;
import org.primarypipeline.vetting.PledgeSigning;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Putting someone forward in a district's nomination window, from the public page to a candidacy:
 * submitted (nothing shown to staff yet) → confirmed by the nominator's emailed link → merged into an
 * earlier nomination of the same person (an endorsement) or the nominee is invited → the nominee accepts
 * through their link: eligibility, profile and pledge signature, all or nothing → a candidacy awaiting
 * staff review. Each step queues its message once (dedup keys name the nomination and the step).
 */
@Service
public class Nominations {

    /** A submission refused for volume: the limit and when to try again. */
    public static class RateLimited extends RuntimeException {
        public RateLimited(String message) {
            super(message);
        }
    }

    /** What the nominee sees on the acceptance page. */
    public record Invitation(
            long nominationId,
            String cycleId,
            String districtId,
            String nomineeName,
            String nomineeEmail,
            boolean self,
            String nominatorName,
            LocalDate termStart,
            PledgeRepository.PledgeVersion pledge,
            String status,
            String ineligibleReason) {}

    /** What the acceptance did: accepted (with the candidacy) or ineligible (with the reasons). */
    public record Acceptance(boolean accepted, Long candidacyId, List<String> problems) {}

    /** How a confirmation ended: a new nomination whose nominee was invited, or an endorsement of an earlier one. */
    public record Confirmation(
            long nominationId, boolean merged, long endorsements, String nomineeName, String districtId) {}

    private final JdbcClient jdbc;
    private final CycleRepository cycles;
    private final NominationLinks links;
    private final CandidateSteps steps;
    private final PledgeRepository pledge;
    private final PledgeSigning signing;
    private final NominationSettings settings;
    private final Clock clock;

    public Nominations(
            JdbcClient jdbc,
            CycleRepository cycles,
            NominationLinks links,
            CandidateSteps steps,
            PledgeRepository pledge,
            PledgeSigning signing,
            NominationSettings settings,
            ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.links = links;
        this.steps = steps;
        this.pledge = pledge;
        this.signing = signing;
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** The cycle if it takes nominations now; refused with the reason otherwise. */
    public CycleRecord openCycle(String cycleId) {
        CycleRecord cycle =
                cycles.find(cycleId).orElseThrow(() -> new IllegalArgumentException("there is no cycle " + cycleId));
        if (cycle.status() != CycleStatus.RUNNING || cycle.stage() != CycleStage.NOMINATION_WINDOW) {
            throw new IllegalStateException("nominations for " + cycle.districtId() + " are not open now (the cycle is "
                    + (cycle.status() == CycleStatus.RUNNING
                            ? "in " + cycle.stage().title().toLowerCase()
                            : cycle.status().name().toLowerCase())
                    + ")");
        }
        return cycle;
    }

    /**
     * Takes a nomination from the public page. A bot (the honeypot filled) is answered as if it had
     * succeeded and nothing is stored. Returns the nomination's id, or empty for a bot.
     */
    @Transactional
    public Optional<Long> submit(String cycleId, NominationForm form, String ip) {
        CycleRecord cycle = openCycle(cycleId);
        NominationForm.Valid valid = form.validate();
        if (form.fromABot()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        int fromIp = jdbc.sql("select count(*) from nomination where submitted_ip = ? and created_at > ?")
                .params(ip, Timestamp.from(now.minus(1, ChronoUnit.HOURS)))
                .query(Integer.class)
                .single();
        if (fromIp >= settings.perIpPerHour()) {
            throw new RateLimited("too many nominations from your network in the last hour (at most "
                    + settings.perIpPerHour() + "); please try again later");
        }
        int fromAddress = jdbc.sql(
                        "select count(*) from nomination where lower(nominator_email) = ? and created_at > ?")
                .params(valid.nominatorEmail(), Timestamp.from(now.minus(1, ChronoUnit.DAYS)))
                .query(Integer.class)
                .single();
        if (fromAddress >= settings.perAddressPerDay()) {
            throw new RateLimited("too many nominations from " + valid.nominatorEmail() + " today (at most "
                    + settings.perAddressPerDay() + "); please try again tomorrow");
        }
        long id = jdbc.sql("""
                insert into nomination (cycle_id, nominee_name, nominee_email, nominee_phone, nominator_name, nominator_email,
                                        is_self, reason, status, submitted_ip, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'UNCONFIRMED', ?, ?) returning id
                """)
                .params(
                        cycle.id(),
                        valid.nomineeName(),
                        valid.nomineeEmail(),
                        valid.nomineePhone(),
                        valid.nominatorName(),
                        valid.nominatorEmail(),
                        valid.self(),
                        valid.reason(),
                        ip,
                        Timestamp.from(now))
                .query(Long.class)
                .single();
        steps.event(
                id,
                null,
                "SUBMITTED",
                (valid.self()
                                ? valid.nomineeName() + " put themselves forward"
                                : valid.nominatorName() + " nominated " + valid.nomineeName())
                        + "; waiting for email confirmation",
                "public",
                "nomination:" + id + ":submitted");
        String token = links.issue(id, Purpose.CONFIRM, settings.confirmTtl());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("nominatorName", valid.nominatorName());
        model.put("nomineeName", valid.nomineeName());
        model.put("self", valid.self());
        model.put("districtId", cycle.districtId());
        model.put("confirmUrl", settings.url("/nominate/confirm/" + token));
        model.put("expiresIn", hours(settings.confirmTtl()));
        steps.send(
                OutboundMessage.email(
                                "nomination:" + id + ":confirm", valid.nominatorEmail(), "nomination-confirm", model)
                        .asTransactional()
                        .withSecrets("confirmUrl"),
                id,
                null,
                "confirm");
        return Optional.of(id);
    }

    public Check peekConfirm(String token) {
        return links.peek(token, Purpose.CONFIRM);
    }

    /** Spends the nominator's link: the nomination becomes visible to staff, merged or with its nominee invited. */
    @Transactional
    public Confirmation confirm(String token) {
        Check check = links.spend(token, Purpose.CONFIRM);
        if (!check.valid()) {
            throw new LinkProblem(check.state());
        }
        long id = check.nominationId();
        Row n = row(id);
        CycleRecord cycle = openCycle(n.cycleId());
        Instant now = clock.instant();
        Optional<Row> earlier = jdbc.sql(Row.SELECT + """
                 where cycle_id = ? and id <> ? and status in ('CONFIRMED', 'ACCEPTED', 'INELIGIBLE') and merged_into is null
                   and ((nominee_email is not null and lower(nominee_email) = lower(?)) or (nominee_phone is not null and nominee_phone = ?))
                 order by id limit 1
                """)
                .params(n.cycleId(), id, n.nomineeEmail(), n.nomineePhone())
                .query(Row::map)
                .optional();
        Map<String, Object> received = new LinkedHashMap<>();
        received.put("nominatorName", n.nominatorName());
        received.put("nomineeName", n.nomineeName());
        received.put("self", n.self());
        received.put("districtId", cycle.districtId());
        if (earlier.isPresent()) {
            Row first = earlier.get();
            jdbc.sql(
                            "update nomination set status = 'MERGED', merged_into = ?, candidacy_id = ?, confirmed_at = ? where id = ?")
                    .params(first.id(), first.candidacyId(), Timestamp.from(now), id)
                    .update();
            long endorsements = endorsements(first.id());
            steps.event(
                    first.id(),
                    first.candidacyId(),
                    "ENDORSED",
                    (n.self()
                                    ? n.nomineeName() + " put themselves forward again"
                                    : n.nominatorName() + " also nominated " + n.nomineeName())
                            + " (" + endorsements + " endorsement(s))",
                    "public",
                    "nomination:" + first.id() + ":endorsed-by:" + id);
            received.put("merged", true);
            received.put("endorsements", endorsements);
            steps.send(
                    OutboundMessage.email(
                                    "nomination:" + id + ":received",
                                    n.nominatorEmail(),
                                    "nomination-received",
                                    received)
                            .asTransactional(),
                    id,
                    first.candidacyId(),
                    "received");
            return new Confirmation(first.id(), true, endorsements, n.nomineeName(), cycle.districtId());
        }
        jdbc.sql("update nomination set status = 'CONFIRMED', confirmed_at = ?, invited_at = ? where id = ?")
                .params(Timestamp.from(now), Timestamp.from(now), id)
                .update();
        steps.event(
                id,
                null,
                "CONFIRMED",
                "confirmed by " + n.nominatorEmail(),
                "public",
                "nomination:" + id + ":confirmed");
        cycles.record(
                cycle.id(),
                CycleStage.NOMINATION_WINDOW,
                "NOMINATED",
                n.nomineeName() + (n.self() ? " put themselves forward" : " nominated by " + n.nominatorName()),
                "public",
                "nomination:" + id);
        received.put("merged", false);
        steps.send(
                OutboundMessage.email(
                                "nomination:" + id + ":received", n.nominatorEmail(), "nomination-received", received)
                        .asTransactional(),
                id,
                null,
                "received");
        invite(n, cycle, 0);
        return new Confirmation(id, false, 0, n.nomineeName(), cycle.districtId());
    }

    /**
     * Sends the nominee their "please accept and sign" link: {@code reminder} 0 is the invitation, 1..N
     * the reminders (each with a fresh link; earlier ones stay good until they expire).
     */
    void invite(Row n, CycleRecord cycle, int reminder) {
        String token = links.issue(n.id(), Purpose.ACCEPT, settings.acceptTtl());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("candidateName", n.nomineeName());
        model.put("nominatorName", n.nominatorName());
        model.put("self", n.self());
        model.put("districtId", cycle.districtId());
        model.put("acceptUrl", settings.url("/candidacy/accept/" + token));
        model.put(
                "respondBy",
                cycle.stageDeadline() == null
                        ? "the close of nominations"
                        : cycle.stageDeadline()
                                .atZone(ZoneOffset.UTC)
                                .toLocalDate()
                                .toString());
        model.put("reminder", reminder);
        model.put("remindersLeft", settings.maxReminders() - reminder);
        model.put("maxReminders", settings.maxReminders());
        String template = reminder == 0 ? "candidate-invitation" : "candidate-reminder";
        String step = reminder == 0 ? "invitation" : "reminder-" + reminder;
        String key = "nomination:" + n.id() + ":" + step;
        OutboundMessage message = n.nomineeEmail() != null
                ? OutboundMessage.email(key, n.nomineeEmail(), template, model)
                : OutboundMessage.sms(key, n.nomineePhone(), template, model).inState(cycle.districtId());
        steps.send(message.asTransactional().withSecrets("acceptUrl"), n.id(), null, step);
    }

    /**
     * Queues the reminders due at {@code now} for nominees of this cycle who have not accepted: one per
     * interval since the invitation, at most the configured number, none once they answered.
     */
    @Transactional
    public int remind(String cycleId, Instant now) {
        CycleRecord cycle = cycles.find(cycleId).orElseThrow();
        if (cycle.stage() != CycleStage.NOMINATION_WINDOW || cycle.status() != CycleStatus.RUNNING) {
            return 0;
        }
        List<Row> waiting = jdbc.sql(
                        Row.SELECT
                                + " where cycle_id = ? and status = 'CONFIRMED' and reminders_sent < ? and invited_at is not null")
                .params(cycleId, settings.maxReminders())
                .query(Row::map)
                .list();
        int sent = 0;
        for (Row n : waiting) {
            long due = java.time.Duration.between(n.invitedAt(), now).dividedBy(settings.reminderInterval());
            int next = n.remindersSent() + 1;
            if (due >= next) {
                jdbc.sql("update nomination set reminders_sent = ? where id = ? and reminders_sent = ?")
                        .params(next, n.id(), n.remindersSent())
                        .update();
                invite(n, cycle, next);
                sent++;
            }
        }
        return sent;
    }

    public Check peekAccept(String token) {
        return links.peek(token, Purpose.ACCEPT);
    }

    /** The acceptance page's content for a good link. */
    public Invitation invitation(long nominationId) {
        Row n = row(nominationId);
        CycleRecord cycle = cycles.find(n.cycleId()).orElseThrow();
        return new Invitation(
                n.id(),
                n.cycleId(),
                cycle.districtId(),
                n.nomineeName(),
                n.nomineeEmail(),
                n.self(),
                n.nominatorName(),
                termStart(),
                pledge.current(),
                n.status(),
                n.ineligibleReason());
    }

    private static <T> T checked(Map<String, String> refused, String part, Supplier<T> check) {
        try {
            return check.get();
        } catch (RefusedField fields) {
            refused.putAll(fields.fields());
        } catch (IllegalArgumentException e) {
            refused.put(part, e.getMessage());
        }
        return null;
    }

    public LocalDate termStart() {
        return Eligibility.termStart(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /**
     * The nominee's answer. Everything is checked before anything is written; ineligible answers are
     * recorded with their explanation and leave the link usable (a mistyped date can be corrected);
     * eligible ones spend the link and create the candidacy, profile and signature together.
     */
    @Transactional
    public Acceptance accept(String token, AcceptanceForm form) {
        Check check = links.peek(token, Purpose.ACCEPT);
        if (!check.valid()) {
            throw new LinkProblem(check.state());
        }
        Row n = row(check.nominationId());
        CycleRecord cycle = openCycle(n.cycleId());
        if (n.status().equals("ACCEPTED")) {
            throw new LinkProblem(NominationLinks.State.USED);
        }
        // every part of the form checked before any refusal, so that one submit shows every problem
        Map<String, String> refused = new LinkedHashMap<>();
        Eligibility answers = checked(
                refused,
                "eligibility",
                () -> Eligibility.parse(form.dateOfBirth(), form.citizenYears(), form.inhabitant()));
        AcceptanceForm.Profile profile = checked(refused, "profile", form::profile);
        checked(refused, "signature", () -> {
            signing.check(form.signature());
            return null;
        });
        if (!refused.isEmpty()) {
            throw new RefusedField(refused);
        }
        LocalDate termStart = termStart();
        String state = cycle.districtId().substring(0, 2);
        List<String> problems = answers.problems(termStart, state);
        if (!problems.isEmpty()) {
            String reason = String.join(" ", problems);
            jdbc.sql("update nomination set status = 'INELIGIBLE', ineligible_reason = ? where id = ?")
                    .params(reason, n.id())
                    .update();
            steps.event(
                    n.id(),
                    null,
                    "INELIGIBLE",
                    reason,
                    "candidate",
                    "nomination:" + n.id() + ":ineligible:" + reason.hashCode());
            return new Acceptance(false, null, problems);
        }
        if (!links.spend(token, Purpose.ACCEPT).valid()) {
            throw new LinkProblem(NominationLinks.State.USED);
        }
        Instant now = clock.instant();
        long candidateId = candidate(n, profile);
        Long candidacyId = jdbc.sql("""
                insert into candidacy (cycle_id, candidate_id, source, status, status_reason, eligibility, eligibility_confirmed_at, review_due_at)
                values (?, ?, 'NOMINATED', 'ACCEPTED', 'accepted the nomination', cast(? as jsonb), ?, ?)
                on conflict (cycle_id, candidate_id) do update set status = case when candidacy.status in ('INVITED', 'ACCEPTED')
                        then 'ACCEPTED' else candidacy.status end,
                    eligibility = excluded.eligibility, eligibility_confirmed_at = excluded.eligibility_confirmed_at,
                    review_due_at = excluded.review_due_at, updated_at = now()
                returning id
                """)
                .params(
                        cycle.id(),
                        candidateId,
                        answers.toJson(termStart),
                        Timestamp.from(now),
                        Timestamp.from(now.plus(settings.reviewPeriod())))
                .query(Long.class)
                .single();
        jdbc.sql(
                        "update nomination set status = 'ACCEPTED', accepted_at = ?, candidacy_id = ?, ineligible_reason = null where id = ?")
                .params(Timestamp.from(now), candidacyId, n.id())
                .update();
        jdbc.sql("update nomination set candidacy_id = ? where merged_into = ?")
                .params(candidacyId, n.id())
                .update();
        steps.event(
                n.id(),
                candidacyId,
                "ACCEPTED",
                profile.fullName() + " accepted the nomination",
                "candidate",
                "nomination:" + n.id() + ":accepted");
        steps.event(
                n.id(),
                candidacyId,
                "ELIGIBILITY_CONFIRMED",
                "25 by " + termStart + ", " + answers.citizenYears() + " years a citizen, inhabitant of " + state,
                "candidate",
                "candidacy:" + candidacyId + ":eligible");
        signing.sign(candidateId, form.signature(), n.id(), candidacyId);
        cycles.record(
                cycle.id(),
                CycleStage.NOMINATION_WINDOW,
                "NOMINATION_ACCEPTED",
                profile.fullName() + " accepted, confirmed eligibility and signed the pledge; awaiting staff review",
                "candidate",
                "accepted:" + candidacyId);
        return new Acceptance(true, candidacyId, List.of());
    }

    /** The candidate record for the nominee: the one with their email if any (profile updated), else a new one. */
    private long candidate(Row n, AcceptanceForm.Profile profile) {
        Long existing = n.nomineeEmail() == null
                ? null
                : jdbc.sql("select id from candidate where lower(email) = lower(?)")
                        .param(n.nomineeEmail())
                        .query(Long.class)
                        .optional()
                        .orElse(null);
        String[] links = profile.links().toArray(String[]::new);
        if (existing != null) {
            jdbc.sql("""
                    update candidate set full_name = ?, photo_url = ?, statement = ?, links = ?, phone = coalesce(phone, ?),
                           profile_updated_at = now() where id = ?
                    """)
                    .params(
                            profile.fullName(),
                            profile.photoUrl(),
                            profile.statement(),
                            links,
                            n.nomineePhone(),
                            existing)
                    .update();
            return existing;
        }
        return jdbc.sql("""
                insert into candidate (full_name, email, phone, photo_url, statement, links, profile_updated_at)
                values (?, ?, ?, ?, ?, ?, now()) returning id
                """)
                .params(
                        profile.fullName(),
                        n.nomineeEmail(),
                        n.nomineePhone(),
                        profile.photoUrl(),
                        profile.statement(),
                        links)
                .query(Long.class)
                .single();
    }

    /** Merged nominations of this one: each counts as an endorsement. */
    public long endorsements(long nominationId) {
        return jdbc.sql("select count(*) from nomination where merged_into = ?")
                .param(nominationId)
                .query(Long.class)
                .single();
    }

    /** Confirmed nominations of a cycle as staff see them (unconfirmed ones never show). */
    public List<Row> forStaff(String cycleId) {
        return jdbc.sql(Row.SELECT + " where cycle_id = ? and status <> 'UNCONFIRMED' order by id")
                .param(cycleId)
                .query(Row::map)
                .list();
    }

    public Row row(long id) {
        return jdbc.sql(Row.SELECT + " where id = ?").param(id).query(Row::map).single();
    }

    private static String hours(java.time.Duration d) {
        return d.toHours() >= 48 ? d.toDays() + " days" : d.toHours() + " hours";
    }

    /** A nomination row. */
    public record Row(
            long id,
            String cycleId,
            Long candidacyId,
            String nomineeName,
            String nomineeEmail,
            String nomineePhone,
            String nominatorName,
            String nominatorEmail,
            boolean self,
            String reason,
            String status,
            Long mergedInto,
            Instant invitedAt,
            int remindersSent,
            String ineligibleReason,
            Instant createdAt) {

        static final String SELECT = """
                select id, cycle_id, candidacy_id, nominee_name, nominee_email, nominee_phone, nominator_name, nominator_email,
                       is_self, reason, status, merged_into, invited_at, reminders_sent, ineligible_reason, created_at
                from nomination""";

        static Row map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
            Timestamp invited = rs.getTimestamp("invited_at");
            return new Row(
                    rs.getLong("id"),
                    rs.getString("cycle_id"),
                    (Long) rs.getObject("candidacy_id", Long.class),
                    rs.getString("nominee_name"),
                    rs.getString("nominee_email"),
                    rs.getString("nominee_phone"),
                    rs.getString("nominator_name"),
                    rs.getString("nominator_email"),
                    rs.getBoolean("is_self"),
                    rs.getString("reason"),
                    rs.getString("status"),
                    rs.getObject("merged_into", Long.class),
                    invited == null ? null : invited.toInstant(),
                    rs.getInt("reminders_sent"),
                    rs.getString("ineligible_reason"),
                    rs.getTimestamp("created_at").toInstant());
        }
    }
}
