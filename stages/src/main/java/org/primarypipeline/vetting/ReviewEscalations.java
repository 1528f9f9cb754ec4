package org.primarypipeline.vetting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.time.ReadableTimes;
import org.primarypipeline.core.time.RecipientTimeZones;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.nominations.CandidateSteps;
import org.primarypipeline.nominations.NominationSettings;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.outreach.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reviews past their deadline go to the staff on duty ({@code vetting_duty}) by email: once per
 * candidacy and deadline (a request for information sets a new deadline, which can be escalated again).
 */
@Component
public class ReviewEscalations {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final CandidateSteps steps;
    private final CycleRepository cycles;
    private final NominationSettings settings;

    public ReviewEscalations(
            JdbcClient jdbc, Outbox outbox, CandidateSteps steps, CycleRepository cycles, NominationSettings settings) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.steps = steps;
        this.cycles = cycles;
        this.settings = settings;
    }

    /** Staff on duty, by email. */
    public record OnDuty(String email, String name) {}

    public List<OnDuty> onDuty() {
        return jdbc.sql("select email, name from vetting_duty order by email")
                .query((rs, n) -> new OnDuty(rs.getString(1), rs.getString(2)))
                .list();
    }

    public void addToDuty(String email, String name) {
        jdbc.sql(
                        "insert into vetting_duty (email, name) values (lower(?), ?) on conflict (email) do update set name = excluded.name")
                .params(email.strip(), name.strip())
                .update();
    }

    public int escalate(String cycleId, Instant now) {
        record Overdue(long id, String name, String status, Instant due) {}
        List<Overdue> overdue = jdbc.sql("""
                select c.id, k.full_name, c.status, c.review_due_at from candidacy c join candidate k on k.id = c.candidate_id
                join cycle y on y.id = c.cycle_id
                where c.cycle_id = ? and y.status = 'RUNNING' and c.status in ('ACCEPTED', 'INFO_REQUESTED', 'INVITED')
                  and c.review_due_at is not null and c.review_due_at <= ?
                order by c.id
                """)
                .params(cycleId, Timestamp.from(now))
                .query((rs, n) -> new Overdue(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
        if (overdue.isEmpty()) {
            return 0;
        }
        List<OnDuty> staff = onDuty();
        CycleStage stage = cycles.find(cycleId).map(c -> c.stage()).orElse(CycleStage.NOMINATION_WINDOW);
        int queued = 0;
        for (Overdue o : overdue) {
            String due = String.valueOf(o.due().toEpochMilli());
            boolean fresh = steps.event(
                    null,
                    o.id(),
                    "REVIEW_OVERDUE",
                    "decision was due " + o.due()
                            + (staff.isEmpty()
                                    ? "; nobody is on duty to escalate to"
                                    : "; escalated to "
                                            + String.join(
                                                    ", ",
                                                    staff.stream()
                                                            .map(OnDuty::email)
                                                            .toList())),
                    "system",
                    "candidacy:" + o.id() + ":overdue:" + due);
            if (fresh) {
                jdbc.sql("update candidacy set escalations = escalations + 1 where id = ?")
                        .param(o.id())
                        .update();
                cycles.record(
                        cycleId,
                        stage,
                        "REVIEW_OVERDUE",
                        "review of " + o.name() + " overdue since " + o.due(),
                        "system",
                        "overdue:" + o.id() + ":" + due);
            }
            for (OnDuty s : staff) {
                Map<String, Object> model = new LinkedHashMap<>();
                model.put("staffName", s.name());
                model.put("candidateName", o.name());
                model.put("cycleId", cycleId);
                model.put("districtId", VettingActivitiesImpl.district(cycleId));
                model.put("status", o.status().toLowerCase().replace('_', ' '));
                model.put(
                        "dueAt",
                        ReadableTimes.when(
                                o.due(),
                                RecipientTimeZones.ofDistrictOrEastern(VettingActivitiesImpl.district(cycleId))));
                model.put("reviewUrl", settings.url("/cycles/" + cycleId + "/candidacies/" + o.id()));
                if (outbox.enqueue(OutboundMessage.email(
                                "candidacy:" + o.id() + ":overdue:" + due + ":staff:" + s.email(),
                                s.email(),
                                "vetting-overdue",
                                model)
                        .asTransactional())) {
                    queued++;
                }
            }
        }
        return queued;
    }
}
