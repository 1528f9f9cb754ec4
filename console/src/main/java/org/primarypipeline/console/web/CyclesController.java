package org.primarypipeline.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.primarypipeline.cycles.CycleEvent;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.fundraising.FinanceReports;
import org.primarypipeline.vetting.Candidacy;
import org.primarypipeline.vetting.CandidacyRepository;
import org.primarypipeline.vetting.CandidacyStatus;
import org.primarypipeline.vetting.VettingDecision;
import org.primarypipeline.console.cycle.CycleActionRefused;
import org.primarypipeline.console.cycle.CycleService;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.staff.CycleActions;
import org.primarypipeline.console.staff.Permissions;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.cycle.CycleStatus;
import org.primarypipeline.workflows.cycle.CycleView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The cycle pages: the filtered list, and one cycle with its live state, the actions its stage allows,
 * nominees, turnout, result, recount, fundraiser and timeline. Actions post here and land back on the
 * cycle with a one-line outcome; the rules are {@link CycleActions}'.
 */
@Controller
public class CyclesController {

    static final int PAGE_SIZE = 25;

    private final CycleService cycles;
    private final CycleRepository records;
    private final CandidacyRepository candidacies;
    private final CycleReadModel reads;
    private final FinanceReports finance;
    private final CycleActions actions;
    private final Permissions permissions;
    private final JdbcClient jdbc;
    private final Format format;
    private final Clock clock;

    public CyclesController(CycleService cycles, CycleRepository records, CandidacyRepository candidacies,
                            CycleReadModel reads, FinanceReports finance, CycleActions actions, Permissions permissions, JdbcClient jdbc,
                            Format format, Clock clock) {
        this.cycles = cycles;
        this.records = records;
        this.candidacies = candidacies;
        this.reads = reads;
        this.finance = finance;
        this.actions = actions;
        this.permissions = permissions;
        this.jdbc = jdbc;
        this.format = format;
        this.clock = clock;
    }

    // ---- the list ----

    @GetMapping("/cycles")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String stage,
                @RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page,
                @AuthenticationPrincipal StaffUser user, HttpServletRequest request, Model model) {
        permissions.require(user, Right.VIEW, "page.cycles", "");
        String statusFilter = known(status, CycleStatus.values());
        String stageFilter = known(stage, CycleStage.values());
        String where = """
                (cast(:status as text) is null or status = cast(:status as text))
                and (cast(:stage as text) is null or stage = cast(:stage as text))
                and (cast(:q as text) is null or id ilike '%' || cast(:q as text) || '%')
                """;
        String text = q == null || q.isBlank() ? null : q.trim();
        int total = jdbc.sql("select count(*) from cycle where " + where).param("status", statusFilter)
                .param("stage", stageFilter).param("q", text).query(Integer.class).single();
        Paging paging = Paging.of(request, "page", page, PAGE_SIZE, total);
        Instant now = clock.instant();
        List<Map<String, Object>> rows = jdbc.sql("select * from cycle where " + where
                        + " order by created_at desc, id limit :limit offset :offset")
                .param("status", statusFilter).param("stage", stageFilter).param("q", text)
                .param("limit", PAGE_SIZE).param("offset", paging.offset())
                .query((rs, n) -> {
                    Timestamp deadline = rs.getTimestamp("stage_deadline");
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", rs.getString("id"));
                    row.put("district", rs.getString("district_id"));
                    row.put("status", rs.getString("status").toLowerCase());
                    row.put("stage", CycleStage.valueOf(rs.getString("stage")).title());
                    row.put("deadline", deadline == null ? "" : format.when(deadline.toInstant()));
                    row.put("left", deadline == null ? "" : Format.timeLeft(deadline.toInstant(), now));
                    row.put("createdBy", rs.getString("created_by"));
                    row.put("createdAt", format.when(rs.getTimestamp("created_at").toInstant()));
                    return row;
                }).list();
        model.addAttribute("title", "Cycles");
        model.addAttribute("rows", rows);
        model.addAttribute("paging", paging);
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("statuses", choices(statusFilter, CycleStatus.values()));
        model.addAttribute("stages", choices(stageFilter, CycleStage.values()));
        return "cycles";
    }

    // ---- one cycle ----

    @GetMapping("/cycles/{cycleId}")
    String show(@PathVariable String cycleId, @RequestParam(defaultValue = "1") int events,
                @RequestParam(defaultValue = "1") int nomineesPage,
                @AuthenticationPrincipal StaffUser user, HttpServletRequest request, Model model) {
        permissions.require(user, Right.VIEW, "page.cycle", cycleId);
        CycleRecord cycle = cycles.find(cycleId);
        CycleView live = cycles.view(cycleId).orElse(null);
        List<Candidacy> nominees = candidacies.ofCycle(cycleId);
        Map<Long, String> names = new HashMap<>();
        nominees.forEach(c -> names.put(c.id(), c.fullName()));
        CycleStage stage = live != null ? live.stage() : cycle.stage();
        boolean running = cycle.status() == CycleStatus.RUNNING && (live == null || live.status() == CycleStatus.RUNNING);
        boolean steer = user.can(Right.STEER_CYCLES) && running;

        model.addAttribute("title", "Cycle " + cycle.id());
        model.addAttribute("cycle", Map.of("id", cycle.id(), "district", cycle.districtId(),
                "createdBy", cycle.createdBy(), "createdAt", format.when(cycle.createdAt()),
                "settings", settings(cycle), "failureReason", cycle.failureReason() == null ? "" : cycle.failureReason()));
        model.addAttribute("member", jdbc.sql("select full_name || ' (' || party || ')' from house_member where district_id = ? limit 1")
                .param(cycle.districtId()).query(String.class).optional().orElse("vacant seat"));
        model.addAttribute("live", live(cycle, live, names, user));
        model.addAttribute("steps", steps(stage, cycle.status()));
        model.addAttribute("actions", actions(cycle, live, stage, steer, user));
        model.addAttribute("readOnly", !user.can(Right.STEER_CYCLES));
        Paging nomineePaging = Paging.of(request, "nomineesPage", nomineesPage, PAGE_SIZE, nominees.size());
        model.addAttribute("nominees", nominees(nominees.subList(nomineePaging.offset(),
                Math.min(nominees.size(), nomineePaging.offset() + PAGE_SIZE)), stage, steer));
        model.addAttribute("nomineePaging", nomineePaging);
        model.addAttribute("sending", reads.sending(cycleId));

        CycleReadModel.Turnout turnout = reads.turnout(cycleId);
        if (turnout.electorate() > 0 || !turnout.days().isEmpty()) {
            model.addAttribute("turnout", turnout(turnout));
        }
        reads.result(cycleId).ifPresent(result -> model.addAttribute("result", result(result, names)));
        List<CycleEvent> timeline = records.timeline(cycleId);
        model.addAttribute("recounts", timeline.stream()
                .filter(e -> e.kind().startsWith("RECOUNT_"))
                .map(e -> Map.of("when", format.when(e.at()), "actor", e.actor(), "detail", e.detail(),
                        "matched", e.kind().equals("RECOUNT_MATCHED")))
                .toList());
        model.addAttribute("recountStage", stage.isAfter(CycleStage.VOTING_ROUND));
        model.addAttribute("fundraiser", reads.fundraiserOf(cycleId).flatMap(finance::progress).map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", f.fundraiserId());
            m.put("title", f.title());
            m.put("status", f.status().toLowerCase());
            m.put("payments", "ON".equals(f.payments()) ? "taking donations" : "off: Stripe is not configured yet");
            m.put("goal", dollars(f.goalCents()));
            m.put("raised", dollars(f.raisedCents()));
            m.put("donors", f.donors());
            m.put("financePage", user.can(Right.SIGN_OFF_FINANCE) ? "/finance/fundraisers/" + f.fundraiserId() : null);
            return m;
        }).orElse(null));
        model.addAttribute("fundraiserPending", cycle.status() == CycleStatus.RUNNING
                ? "The fundraiser is created when the winner is certified." : "No fundraiser was launched for this cycle.");

        List<CycleEvent> newestFirst = new ArrayList<>(timeline);
        java.util.Collections.reverse(newestFirst);
        Paging paging = Paging.of(request, "events", events, PAGE_SIZE, newestFirst.size());
        model.addAttribute("timeline", newestFirst.subList(paging.offset(), Math.min(newestFirst.size(), paging.offset() + PAGE_SIZE))
                .stream().map(e -> Map.of("when", format.shortWhen(e.at()), "stage", title(e.stage()), "kind", e.kind(),
                        "detail", e.detail(), "actor", e.actor())).toList());
        model.addAttribute("timelinePaging", paging);
        return "cycle";
    }

    /**
     * The live part of the cycle page, polled by htmx. When the stage or status has moved on since the
     * page was drawn, the whole page is redrawn instead, because the actions allowed have changed too.
     */
    @GetMapping("/cycles/{cycleId}/live")
    String live(@PathVariable String cycleId, @RequestParam(required = false) String stage,
                @RequestParam(required = false) String status, @AuthenticationPrincipal StaffUser user,
                HttpServletResponse response, Model model) {
        permissions.require(user, Right.VIEW, "page.cycle", cycleId);
        CycleRecord cycle = cycles.find(cycleId);
        CycleView live = cycles.view(cycleId).orElse(null);
        CycleStage now = live != null ? live.stage() : cycle.stage();
        CycleStatus nowStatus = live != null ? live.status() : cycle.status();
        if ((stage != null && !stage.equals(now.name())) || (status != null && !status.equals(nowStatus.name()))) {
            response.setHeader("HX-Refresh", "true");
        }
        Map<Long, String> names = new HashMap<>();
        candidacies.ofCycle(cycleId).forEach(c -> names.put(c.id(), c.fullName()));
        model.addAttribute("cycle", Map.of("id", cycle.id()));
        model.addAttribute("live", live(cycle, live, names, user));
        return "fragments/cycle-live";
    }

    // ---- actions: each maps a form to one CycleActions method ----

    @PostMapping("/cycles/{cycleId}/review")
    String review(@PathVariable String cycleId, @RequestParam long candidacyId, @RequestParam String verdict,
                  @RequestParam(required = false) String reason, @AuthenticationPrincipal StaffUser user,
                  @RequestParam(required = false) String referencesContacted,
                  @RequestParam(required = false) String publicRecordChecked,
                  @RequestParam(required = false) String fecFilingsLookedUp, RedirectAttributes flash) {
        org.primarypipeline.vetting.ReviewChecklist checklist = new org.primarypipeline.vetting.ReviewChecklist(
                referencesContacted != null, publicRecordChecked != null, fecFilingsLookedUp != null);
        return perform(cycleId, flash, () -> actions.review(user, cycleId, candidacyId, verdict(verdict), reason, checklist));
    }

    @PostMapping("/cycles/{cycleId}/extend")
    String extend(@PathVariable String cycleId, @RequestParam(required = false) String extension,
                  @RequestParam(required = false) String reason, @AuthenticationPrincipal StaffUser user,
                  RedirectAttributes flash) {
        return perform(cycleId, flash, () -> actions.extend(user, cycleId, extension, reason));
    }

    @PostMapping("/cycles/{cycleId}/close")
    String close(@PathVariable String cycleId, @RequestParam(required = false) String reason,
                 @AuthenticationPrincipal StaffUser user, RedirectAttributes flash) {
        return perform(cycleId, flash, () -> actions.closeWindow(user, cycleId, reason));
    }

    @PostMapping("/cycles/{cycleId}/recount")
    String recount(@PathVariable String cycleId, @AuthenticationPrincipal StaffUser user, RedirectAttributes flash) {
        return perform(cycleId, flash, () -> actions.recount(user, cycleId));
    }

    @PostMapping("/cycles/{cycleId}/certify")
    String certify(@PathVariable String cycleId, @AuthenticationPrincipal StaffUser user, RedirectAttributes flash) {
        return perform(cycleId, flash, () -> actions.certify(user, cycleId));
    }

    @PostMapping("/cycles/{cycleId}/withdraw")
    String withdraw(@PathVariable String cycleId, @RequestParam long candidacyId, @AuthenticationPrincipal StaffUser user,
                    RedirectAttributes flash) {
        return perform(cycleId, flash, () -> actions.withdraw(user, cycleId, candidacyId));
    }

    @PostMapping("/cycles/{cycleId}/cancel")
    String cancel(@PathVariable String cycleId, @RequestParam(required = false) String reason,
                  @AuthenticationPrincipal StaffUser user, RedirectAttributes flash) {
        return perform(cycleId, flash, () -> actions.cancel(user, cycleId, reason));
    }

    private static String perform(String cycleId, RedirectAttributes flash, Supplier<String> action) {
        try {
            flash.addFlashAttribute("flash", Flash.done(capitalized(action.get())));
        } catch (CycleActionRefused | IllegalArgumentException | IllegalStateException refused) {
            flash.addFlashAttribute("flash", Flash.refused("Refused: " + refused.getMessage()));
        }
        return "redirect:/cycles/" + cycleId;
    }

    private static VettingDecision.Verdict verdict(String text) {
        try {
            return VettingDecision.Verdict.valueOf(text.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a verdict is APPROVE, REJECT or REQUEST_INFO");
        }
    }

    // ---- view models ----

    private Map<String, Object> live(CycleRecord cycle, CycleView live, Map<Long, String> names, StaffUser user) {
        Instant now = clock.instant();
        Map<String, Object> m = new LinkedHashMap<>();
        CycleStage stage = live != null ? live.stage() : cycle.stage();
        CycleStatus status = live != null ? live.status() : cycle.status();
        Instant deadline = live != null ? live.deadline() : cycle.stageDeadline();
        m.put("known", live != null);
        m.put("stageKey", stage.name());
        m.put("stage", stage.title());
        m.put("statusKey", status.name());
        m.put("status", status.name().toLowerCase());
        m.put("running", status == CycleStatus.RUNNING);
        m.put("deadline", deadline == null ? null : format.when(deadline));
        m.put("left", deadline == null ? null : Format.timeLeft(deadline, now));
        m.put("overdue", deadline != null && deadline.isBefore(now));
        int extensions = live != null ? live.automaticExtensions() : cycle.extensions();
        m.put("extensions", extensions);
        m.put("extended", extensions > 0);
        m.put("checkedAt", format.when(now));
        if (live != null) {
            m.put("approvals", live.certifiedBy());
            m.put("approvalCount", live.certifiedBy().size());
            m.put("youApproved", live.certifiedBy().stream().anyMatch(n -> n.equalsIgnoreCase(user.getUsername())));
            m.put("winner", live.winnerCandidacyId() == null ? null : names.getOrDefault(live.winnerCandidacyId(),
                    "#" + live.winnerCandidacyId()));
            m.put("recount", live.recountMatched() == null ? null : live.recountMatched() ? "matched" : "did not match");
            m.put("recountFailed", Boolean.FALSE.equals(live.recountMatched()));
            m.put("failure", live.failureReason());
        } else {
            m.put("failure", cycle.failureReason());
        }
        m.put("certification", stage == CycleStage.CERTIFICATION);
        return m;
    }

    private static List<Map<String, Object>> steps(CycleStage current, CycleStatus status) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (CycleStage s : CycleStage.values()) {
            if (s == CycleStage.DONE) {
                continue;
            }
            boolean done = current.isAfter(s) || (status == CycleStatus.COMPLETED);
            boolean here = s == current && status == CycleStatus.RUNNING;
            steps.add(Map.of("title", s.title(), "done", done, "current", here,
                    "state", done ? "done" : here ? "current stage" : status == CycleStatus.RUNNING ? "to come" : "not reached"));
        }
        return steps;
    }

    private Map<String, Object> actions(CycleRecord cycle, CycleView live, CycleStage stage, boolean steer, StaffUser user) {
        Map<String, Object> a = new LinkedHashMap<>();
        boolean window = (stage == CycleStage.PLEDGE_VETTING || stage == CycleStage.NOMINATION_WINDOW
                || stage == CycleStage.VOTING_ROUND) && (live == null ? cycle.stageDeadline() : live.deadline()) != null;
        boolean certification = stage == CycleStage.CERTIFICATION;
        a.put("any", steer);
        a.put("window", steer && window);
        a.put("windowName", stage.title().toLowerCase());
        a.put("certification", steer && certification);
        a.put("alreadyApproved", live != null && live.certifiedBy().stream().anyMatch(n -> n.equalsIgnoreCase(user.getUsername())));
        a.put("cancel", steer);
        return a;
    }

    private List<Map<String, Object>> nominees(List<Candidacy> list, CycleStage stage, boolean steer) {
        boolean reviewing = steer && (stage == CycleStage.PLEDGE_VETTING || stage == CycleStage.NOMINATION_WINDOW);
        boolean withdrawing = steer && stage.isAtOrBefore(CycleStage.CERTIFICATION);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Candidacy c : list) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", c.id());
            row.put("name", c.fullName());
            row.put("source", switch (c.source()) {
                case "SITTING_MEMBER" -> "sitting member";
                case "DECLARED" -> "declared";
                default -> "nominated";
            });
            row.put("pledgeSigned", c.pledgeSigned());
            row.put("vetting", vetting(c));
            row.put("waiting", c.pledgeSigned() && (c.status() == CandidacyStatus.INVITED
                    || c.status() == CandidacyStatus.ACCEPTED || c.status() == CandidacyStatus.INFO_REQUESTED));
            row.put("review", reviewing && c.status() != CandidacyStatus.WITHDRAWN);
            row.put("canApprove", c.pledgeSigned() && c.status() != CandidacyStatus.APPROVED);
            row.put("withdraw", withdrawing && c.status() != CandidacyStatus.WITHDRAWN);
            rows.add(row);
        }
        return rows;
    }

    static String vetting(Candidacy c) {
        String reason = c.statusReason() == null || c.statusReason().isBlank() ? "" : ": " + c.statusReason();
        return switch (c.status()) {
            case WITHDRAWN -> "withdrawn";
            case APPROVED -> c.pledgeSigned() ? "approved, on the ballot" : "approved, but the pledge signature is missing";
            case REJECTED -> "rejected" + reason;
            case INFO_REQUESTED -> "more information requested" + reason;
            case INVITED, ACCEPTED -> c.pledgeSigned() ? "pledge signed, awaiting review" : "invited, pledge not signed yet";
        };
    }

    private Map<String, Object> turnout(CycleReadModel.Turnout turnout) {
        List<Map<String, Object>> days = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Integer> perDay = new ArrayList<>();
        List<Integer> cumulative = new ArrayList<>();
        for (CycleReadModel.Day d : turnout.days()) {
            String label = d.day().format(java.time.format.DateTimeFormatter.ofPattern("EEE d MMM", java.util.Locale.US));
            labels.add(label);
            perDay.add(d.ballots());
            cumulative.add(d.cumulative());
            days.add(Map.of("day", label, "ballots", d.ballots(), "cumulative", d.cumulative(),
                    "share", turnout.electorate() == 0 ? "" : Format.percent((double) d.cumulative() / turnout.electorate())));
        }
        Map<String, Object> chart = Map.of("labels", labels, "perDay", perDay, "cumulative", cumulative);
        return Map.of("electorate", turnout.electorate(), "ballots", turnout.ballots(),
                "share", turnout.electorate() == 0 ? "" : Format.percent((double) turnout.ballots() / turnout.electorate()),
                "days", days, "hasDays", !days.isEmpty(), "chartJson", DataBlock.json(chart));
    }

    private Map<String, Object> result(CycleReadModel.Result result, Map<Long, String> names) {
        List<Map<String, Object>> rounds = CycleReadModel.rounds(result.document());
        List<String> candidates = new ArrayList<>();
        for (Map<String, Object> r : rounds) {
            @SuppressWarnings("unchecked")
            Map<String, BigDecimal> tallies = (Map<String, BigDecimal>) r.get("tallies");
            tallies.keySet().forEach(k -> {
                if (!candidates.contains(k)) {
                    candidates.add(k);
                }
            });
        }
        List<String> labels = new ArrayList<>();
        List<Map<String, Object>> series = new ArrayList<>();
        for (String c : candidates) {
            List<Double> data = new ArrayList<>();
            for (Map<String, Object> r : rounds) {
                @SuppressWarnings("unchecked")
                Map<String, BigDecimal> tallies = (Map<String, BigDecimal>) r.get("tallies");
                BigDecimal v = tallies.get(c);
                data.add(v == null ? null : units(v).doubleValue());
            }
            series.add(Map.of("label", name(c, names), "data", data));
        }
        List<Double> exhausted = new ArrayList<>();
        List<Map<String, Object>> table = new ArrayList<>();
        for (int i = 0; i < rounds.size(); i++) {
            labels.add("Round " + (i + 1));
            Map<String, Object> r = rounds.get(i);
            exhausted.add(units((BigDecimal) r.get("exhausted")).doubleValue());
            @SuppressWarnings("unchecked")
            Map<String, BigDecimal> tallies = (Map<String, BigDecimal>) r.get("tallies");
            @SuppressWarnings("unchecked")
            Map<String, BigDecimal> previous = i == 0 ? Map.of() : (Map<String, BigDecimal>) rounds.get(i - 1).get("tallies");
            List<Map<String, Object>> cells = new ArrayList<>();
            for (String c : candidates) {
                BigDecimal v = tallies.get(c);
                BigDecimal before = previous.get(c);
                String change = "";
                if (i > 0 && v != null && before != null && v.compareTo(before) != 0) {
                    BigDecimal delta = v.subtract(before);
                    change = (delta.signum() > 0 ? "+" : "") + units(delta).toPlainString();
                }
                cells.add(Map.of("units", v == null ? "out" : units(v).toPlainString(), "change", change));
            }
            @SuppressWarnings("unchecked")
            List<String> out = (List<String>) r.get("eliminated");
            table.add(Map.of("label", "Round " + (i + 1), "cells", cells,
                    "exhausted", units((BigDecimal) r.get("exhausted")).toPlainString(),
                    "eliminated", String.join(", ", out.stream().map(e -> name(e, names)).toList())));
        }
        Map<String, Object> chart = Map.of("labels", labels, "series", series, "exhausted", exhausted);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("winner", result.winner() == null ? "none" : names.getOrDefault(result.winner(), "#" + result.winner()));
        m.put("runnerUp", result.runnerUp() == null ? "none" : names.getOrDefault(result.runnerUp(), "#" + result.runnerUp()));
        m.put("quorumMet", result.quorumMet());
        m.put("exercised", units(result.exercisedUnits()).toPlainString());
        m.put("total", units(result.totalUnits()).toPlainString());
        m.put("exercisedShare", result.totalUnits().signum() == 0 ? "" : Format.percent(
                result.exercisedUnits().doubleValue() / result.totalUnits().doubleValue()));
        m.put("margin", result.marginShare() == null ? "" : Format.percent(result.marginShare()));
        m.put("method", result.method());
        m.put("policy", result.policy());
        m.put("seed", result.seed());
        m.put("electorate", result.electorate());
        m.put("tieBreak", result.document().path("tieBreak").isNull() ? null : result.document().path("tieBreak").asText(null));
        m.put("candidates", candidates.stream().map(c -> name(c, names)).toList());
        m.put("rounds", table);
        m.put("chartJson", DataBlock.json(chart));
        return m;
    }

    private static String name(String candidacyId, Map<Long, String> names) {
        try {
            return names.getOrDefault(Long.valueOf(candidacyId), "#" + candidacyId);
        } catch (NumberFormatException e) {
            return candidacyId;
        }
    }

    /** Units to two decimals, without trailing zeros: 30, 12.5, 3.33. */
    private static BigDecimal units(BigDecimal v) {
        BigDecimal rounded = v.setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    private static String settings(CycleRecord cycle) {
        var s = cycle.settings();
        return "vetting " + Format.span(s.vettingPeriod()) + ", nomination " + Format.span(s.nominationPeriod())
                + ", voting " + Format.span(s.votingPeriod()) + "; " + s.policy() + ", " + s.method()
                + "; quorum " + Format.percent(s.quorumShare().doubleValue()) + ", recount under "
                + Format.percent(s.recountMargin().doubleValue()) + " margin; goal " + dollars(s.fundraiserGoalCents());
    }

    static String dollars(long cents) {
        return String.format(java.util.Locale.US, "$%,.2f", cents / 100.0);
    }

    private static String title(String stage) {
        try {
            return CycleStage.valueOf(stage).title();
        } catch (IllegalArgumentException e) {
            return stage;
        }
    }

    private static String capitalized(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static <E extends Enum<E>> String known(String value, E[] values) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E e : values) {
            if (e.name().equalsIgnoreCase(value.trim())) {
                return e.name();
            }
        }
        return null;
    }

    private static <E extends Enum<E>> List<Map<String, Object>> choices(String selected, E[] values) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (E e : values) {
            String label = e instanceof CycleStage s ? s.title() : e.name().toLowerCase();
            list.add(Map.of("value", e.name(), "label", label, "selected", e.name().equals(selected)));
        }
        return list;
    }
}
