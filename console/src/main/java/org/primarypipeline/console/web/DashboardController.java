package org.primarypipeline.console.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.staff.Permissions;
import org.primarypipeline.core.cycle.CycleStage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The first page after signing in: where the cycles are, what is due, what waits for staff. */
@Controller
public class DashboardController {

    static final Duration DUE_SOON = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final Permissions permissions;
    private final Format format;
    private final Clock clock;

    public DashboardController(JdbcClient jdbc, Permissions permissions, Format format, Clock clock) {
        this.jdbc = jdbc;
        this.permissions = permissions;
        this.format = format;
        this.clock = clock;
    }

    @GetMapping("/")
    String dashboard(@AuthenticationPrincipal StaffUser user, Model model) {
        permissions.require(user, Right.VIEW, "page.dashboard", "");
        Instant now = clock.instant();
        Map<String, Integer> running = new LinkedHashMap<>();
        jdbc.sql("select stage, count(*) as n from cycle where status = 'RUNNING' group by stage")
                .query((rs, n) -> running.put(rs.getString("stage"), rs.getInt("n"))).list();
        List<Map<String, Object>> stages = new ArrayList<>();
        for (CycleStage stage : CycleStage.values()) {
            if (stage != CycleStage.DONE) {
                stages.add(Map.of("title", stage.title(), "count", running.getOrDefault(stage.name(), 0),
                        "href", "/cycles?status=RUNNING&stage=" + stage.name()));
            }
        }
        List<Map<String, Object>> finished = jdbc.sql("""
                select status, count(*) as n from cycle where status <> 'RUNNING' group by status order by status
                """).query((rs, n) -> Map.<String, Object>of("status", rs.getString("status").toLowerCase(),
                        "count", rs.getInt("n"), "href", "/cycles?status=" + rs.getString("status"))).list();

        List<Map<String, Object>> due = jdbc.sql("""
                select id, district_id, stage, stage_deadline from cycle
                where status = 'RUNNING' and stage_deadline is not null and stage_deadline <= ?
                order by stage_deadline, id limit 10
                """).param(Timestamp.from(now.plus(DUE_SOON)))
                .query((rs, n) -> {
                    Instant deadline = rs.getTimestamp("stage_deadline").toInstant();
                    return Map.<String, Object>of("id", rs.getString("id"), "district", rs.getString("district_id"),
                            "stage", CycleStage.valueOf(rs.getString("stage")).title(),
                            "deadline", format.when(deadline), "left", Format.timeLeft(deadline, now),
                            "overdue", deadline.isBefore(now));
                }).list();

        List<Map<String, Object>> reviews = jdbc.sql("""
                select c.cycle_id, c.id, k.full_name, c.status from candidacy c
                join candidate k on k.id = c.candidate_id join cycle y on y.id = c.cycle_id
                where y.status = 'RUNNING' and y.stage in ('PLEDGE_VETTING', 'NOMINATION_WINDOW')
                  and c.status in ('INVITED', 'ACCEPTED', 'INFO_REQUESTED')
                  and exists (select 1 from pledge_signature s where s.candidate_id = c.candidate_id
                              and s.withdrawn_at is null
                              and s.pledge_version_id = (select id from pledge_version order by version desc limit 1))
                order by c.updated_at, c.id limit 10
                """).query((rs, n) -> Map.<String, Object>of("cycle", rs.getString("cycle_id"),
                        "name", rs.getString("full_name"), "href", "/cycles/" + rs.getString("cycle_id") + "#nominees"))
                .list();
        int reviewCount = jdbc.sql("""
                select count(*) from candidacy c join cycle y on y.id = c.cycle_id
                where y.status = 'RUNNING' and y.stage in ('PLEDGE_VETTING', 'NOMINATION_WINDOW')
                  and c.status in ('INVITED', 'ACCEPTED', 'INFO_REQUESTED')
                  and exists (select 1 from pledge_signature s where s.candidate_id = c.candidate_id
                              and s.withdrawn_at is null
                              and s.pledge_version_id = (select id from pledge_version order by version desc limit 1))
                """).query(Integer.class).single();
        List<Map<String, Object>> certifications = jdbc.sql("""
                select y.id, (select count(*) from cycle_event e join cycle_result r on r.cycle_id = e.cycle_id
                               where e.cycle_id = y.id and e.kind = 'CERTIFY_APPROVAL'
                                 and e.dedup_key like 'certify:' || r.winner || ':%') as approvals
                from cycle y where y.status = 'RUNNING' and y.stage = 'CERTIFICATION' order by y.updated_at, y.id limit 10
                """).query((rs, n) -> Map.<String, Object>of("id", rs.getString("id"),
                        "approvals", Math.min(2, rs.getInt("approvals")))).list();
        int deadLetters = jdbc.sql("select count(*) from outbox_message where status = 'DEAD'").query(Integer.class).single();
        // the exceptions of the latest finished reconciliation run: what finance must look at
        Map<String, Object> lastRun = jdbc.sql("""
                select id, finished_at from reconciliation_run where finished_at is not null order by id desc limit 1
                """).query((rs, n) -> Map.<String, Object>of("id", rs.getLong("id"),
                        "finished", format.when(rs.getTimestamp("finished_at").toInstant()))).optional().orElse(null);
        List<Map<String, Object>> exceptions = lastRun == null ? List.of() : jdbc.sql("""
                select i.kind, i.fundraiser_id, count(*) as n from reconciliation_item i
                where i.run_id = ? and not i.ok group by i.kind, i.fundraiser_id order by count(*) desc, i.kind limit 10
                """).param(lastRun.get("id")).query((rs, n) -> {
                    long fundraiser = rs.getLong("fundraiser_id");
                    boolean owned = !rs.wasNull();
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("kind", rs.getString("kind").toLowerCase().replace('_', ' '));
                    row.put("count", rs.getInt("n"));
                    row.put("href", owned && user.can(Right.SIGN_OFF_FINANCE) ? "/finance/fundraisers/" + fundraiser : null);
                    row.put("where", owned ? "fundraiser #" + fundraiser : "not tied to a fundraiser");
                    return row;
                }).list();
        int exceptionCount = exceptions.stream().mapToInt(e -> (Integer) e.get("count")).sum();

        model.addAttribute("title", "Dashboard");
        model.addAttribute("stages", stages);
        model.addAttribute("finished", finished);
        model.addAttribute("hasFinished", !finished.isEmpty());
        model.addAttribute("hasDue", !due.isEmpty());
        model.addAttribute("hasReviews", !reviews.isEmpty());
        model.addAttribute("hasCertifications", !certifications.isEmpty());
        model.addAttribute("due", due);
        model.addAttribute("dueWindow", "7 days");
        model.addAttribute("reviews", reviews);
        model.addAttribute("reviewCount", reviewCount);
        model.addAttribute("certifications", certifications);
        model.addAttribute("deadLetters", deadLetters);
        model.addAttribute("hasDeadLetters", deadLetters > 0);
        model.addAttribute("reconciliation", lastRun);
        model.addAttribute("exceptions", exceptions);
        model.addAttribute("exceptionCount", exceptionCount);
        model.addAttribute("hasExceptions", !exceptions.isEmpty());
        return "dashboard";
    }
}
