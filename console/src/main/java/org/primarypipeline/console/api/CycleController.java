package org.primarypipeline.console.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primarypipeline.activities.cycle.CycleRecord;
import org.primarypipeline.activities.cycle.CycleRepository;
import org.primarypipeline.activities.vetting.CandidacyRepository;
import org.primarypipeline.activities.vetting.VettingDecision;
import org.primarypipeline.console.cycle.CycleService;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.workflows.cycle.StaffAction;
import org.primarypipeline.workflows.cycle.Withdrawal;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff launch and steer cycles: the same actions as the {@code pp cycle} commands. */
@RestController
@RequestMapping("/api/cycles")
public class CycleController {

    /** Who acts, until the console's login names them (header {@code X-PP-Actor}). */
    static final String ACTOR = "X-PP-Actor";

    private final CycleService cycles;
    private final CycleRepository records;
    private final CandidacyRepository candidacies;
    private final JdbcClient jdbc;

    public CycleController(CycleService cycles, CycleRepository records, CandidacyRepository candidacies,
                           JdbcClient jdbc) {
        this.cycles = cycles;
        this.records = records;
        this.candidacies = candidacies;
        this.jdbc = jdbc;
    }

    public record LaunchRequest(String district, String vettingPeriod, String nominationPeriod, String votingPeriod,
                                String policy, String method, BigDecimal quorum, BigDecimal recountMargin,
                                Long fundraiserGoalCents) {
        CycleSettings settings() {
            CycleSettings d = CycleSettings.defaults();
            return new CycleSettings(period(vettingPeriod, d.vettingPeriod()), period(nominationPeriod, d.nominationPeriod()),
                    period(votingPeriod, d.votingPeriod()), policy, method, quorum, recountMargin,
                    fundraiserGoalCents == null ? d.fundraiserGoalCents() : fundraiserGoalCents);
        }
    }

    public record ActionRequest(String reason, String extension) {
        StaffAction by(String actor) {
            return new StaffAction(actor, reason, extension == null ? null : period(extension, null));
        }
    }

    public record ReviewRequest(long candidacyId, VettingDecision.Verdict verdict, String reason) {
    }

    public record WithdrawRequest(long candidacyId) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public CycleRecord launch(@RequestBody LaunchRequest request, @RequestHeader(value = ACTOR, defaultValue = "api") String actor) {
        if (request.district() == null) {
            throw new IllegalArgumentException("district is required, e.g. TX-07");
        }
        return cycles.launch(request.district(), request.settings(), actor);
    }

    @GetMapping
    public List<CycleRecord> list(@RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        return cycles.list(Math.min(Math.max(limit, 1), 500), Math.max(offset, 0));
    }

    @GetMapping("/{cycleId}")
    public Map<String, Object> show(@PathVariable String cycleId) {
        String id = cycleId;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cycle", cycles.find(id));
        body.put("live", cycles.view(id).orElse(null));
        body.put("candidacies", candidacies.ofCycle(id));
        body.put("result", jdbc.sql("""
                select winner, runner_up, quorum_met, exercised_units, total_units, margin_share, result::text as rounds
                from cycle_result where cycle_id = ?
                """).param(id).query().listOfRows().stream().findFirst().orElse(null));
        body.put("timeline", records.timeline(id));
        return body;
    }

    @PostMapping("/{cycleId}/review")
    public Map<String, String> review(@PathVariable String cycleId,
                                      @RequestBody ReviewRequest request, @RequestHeader(value = ACTOR, defaultValue = "api") String actor) {
        VettingDecision decision = new VettingDecision(request.candidacyId(), request.verdict(), request.reason(), actor);
        return done(cycles.act(cycleId, w -> w.review(decision)));
    }

    @PostMapping("/{cycleId}/extend")
    public Map<String, String> extend(@PathVariable String cycleId,
                                      @RequestBody(required = false) ActionRequest request,
                                      @RequestHeader(value = ACTOR, defaultValue = "api") String actor) {
        return done(cycles.act(cycleId, w -> w.extend(orEmpty(request).by(actor))));
    }

    @PostMapping("/{cycleId}/close")
    public Map<String, String> close(@PathVariable String cycleId,
                                     @RequestBody(required = false) ActionRequest request,
                                     @RequestHeader(value = ACTOR, defaultValue = "api") String actor) {
        return done(cycles.act(cycleId, w -> w.closeWindow(orEmpty(request).by(actor))));
    }

    @PostMapping("/{cycleId}/recount")
    public Map<String, String> recount(@PathVariable String cycleId,
                                       @RequestHeader(value = ACTOR, defaultValue = "api") String actor) {
        return done(cycles.act(cycleId, w -> w.recount(StaffAction.by(actor))));
    }

    @PostMapping("/{cycleId}/certify")
    public Map<String, String> certify(@PathVariable String cycleId,
                                       @RequestHeader(value = ACTOR, defaultValue = "api") String actor) {
        return done(cycles.act(cycleId, w -> w.certify(StaffAction.by(actor))));
    }

    @PostMapping("/{cycleId}/withdraw")
    public Map<String, String> withdraw(@PathVariable String cycleId,
                                        @RequestBody WithdrawRequest request,
                                        @RequestHeader(value = ACTOR, defaultValue = "api") String actor) {
        return done(cycles.act(cycleId, w -> w.withdraw(new Withdrawal(request.candidacyId(), actor))));
    }

    @PostMapping("/{cycleId}/cancel")
    public Map<String, String> cancel(@PathVariable String cycleId,
                                      @RequestBody ActionRequest request,
                                      @RequestHeader(value = ACTOR, defaultValue = "api") String actor) {
        return done(cycles.act(cycleId, w -> w.cancel(request.by(actor))));
    }

    static Duration period(String text, Duration fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return DurationStyle.detectAndParse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (write e.g. 14d, 36h, 90m or P14D)");
        }
    }

    private static ActionRequest orEmpty(ActionRequest request) {
        return request == null ? new ActionRequest(null, null) : request;
    }

    private static Map<String, String> done(String message) {
        return Map.of("result", message);
    }
}
