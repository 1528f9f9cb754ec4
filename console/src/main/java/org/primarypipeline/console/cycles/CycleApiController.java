package org.primarypipeline.console.cycles;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.vetting.ReviewChecklist;
import org.primarypipeline.vetting.VettingDecision;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff launch and steer cycles: the same actions as the console's cycle page and the {@code pp cycle}
 * commands. The acting name is the signed-in account's (HTTP Basic); roles are checked by
 * {@link CycleActions}.
 */
@RestController
@RequestMapping("/api/cycles")
@Tag(name = "Cycles", description = "Launch and steer district cycles (staff and admin; others may read)")
@ApiResponse(responseCode = "401", description = "not signed in (HTTP Basic with a console account)")
@ApiResponse(responseCode = "403", description = "the account's role may not do this")
public class CycleApiController {

    private final CycleActions actions;
    private final CycleService cycles;
    private final CyclePages pages;
    private final Permissions permissions;

    public CycleApiController(CycleActions actions, CycleService cycles, CyclePages pages, Permissions permissions) {
        this.actions = actions;
        this.cycles = cycles;
        this.pages = pages;
        this.permissions = permissions;
    }

    public record LaunchRequest(
            String district,
            String vettingPeriod,
            String nominationPeriod,
            String votingPeriod,
            String policy,
            String method,
            BigDecimal quorum,
            BigDecimal recountMargin,
            Long fundraiserGoalCents) {
        LaunchOrder order() {
            return new LaunchOrder(
                    district,
                    vettingPeriod,
                    nominationPeriod,
                    votingPeriod,
                    policy,
                    method,
                    quorum,
                    recountMargin,
                    fundraiserGoalCents);
        }
    }

    public record ActionRequest(String reason, String extension) {}

    /** {@code checklist} optional: the items ticked now ({"referencesContacted":true,...}); approval needs all. */
    public record ReviewRequest(
            long candidacyId, VettingDecision.Verdict verdict, String reason, ReviewChecklist checklist) {}

    public record WithdrawRequest(long candidacyId) {}

    /** What an action did, in words (the same line the console page shows). */
    public record Done(String result) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Launch a cycle (pledge vetting first)",
            description = "Periods are durations such as 14d, 36h, 90m or P14D; policy smartocracy|liquid; "
                    + "method irv|plurality|schulze; quorum a share of all units (0.2 = 20%). Role: staff or admin.")
    @ApiResponse(responseCode = "201", description = "launched")
    @ApiResponse(responseCode = "400", description = "bad input, with the reason")
    @ApiResponse(responseCode = "409", description = "the district already has a running cycle")
    public CycleRecord launch(@RequestBody LaunchRequest request, @AuthenticationPrincipal StaffUser user) {
        return actions.launch(user, request.order());
    }

    @GetMapping
    @Operation(summary = "List cycles, newest first", description = "Any role.")
    public List<CycleRecord> list(
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(defaultValue = "0") int offset,
            @AuthenticationPrincipal StaffUser user) {
        permissions.require(user, Right.VIEW, "cycle.list", "");
        return cycles.list(Math.min(Math.max(limit, 1), 500), Math.max(offset, 0));
    }

    @GetMapping("/{cycleId}")
    @Operation(
            summary = "One cycle: record, live workflow state, candidacies, result, timeline",
            description = "Any role.")
    @ApiResponse(responseCode = "404", description = "no such cycle")
    public CycleDetails show(
            @Parameter(example = "TX-07-1") @PathVariable String cycleId, @AuthenticationPrincipal StaffUser user) {
        permissions.require(user, Right.VIEW, "cycle.show", cycleId);
        return pages.details(cycleId);
    }

    @PostMapping("/{cycleId}/review")
    @Operation(
            summary = "Approve, reject (reason needed) or ask for more information about a candidacy",
            description = "Pledge vetting or the nomination window. Role: staff or admin.")
    @ApiResponse(responseCode = "409", description = "does not fit the cycle's stage, with the reason")
    public Done review(
            @PathVariable String cycleId, @RequestBody ReviewRequest request, @AuthenticationPrincipal StaffUser user) {
        return done(actions.review(
                user, cycleId, request.candidacyId(), request.verdict(), request.reason(), request.checklist()));
    }

    @PostMapping("/{cycleId}/extend")
    @Operation(
            summary = "Move the open window's deadline later",
            description = "Body optional: {\"extension\":\"3d\",\"reason\":\"...\"}; no extension means one more of "
                    + "the stage's period. Role: staff or admin.")
    public Done extend(
            @PathVariable String cycleId,
            @RequestBody(required = false) ActionRequest request,
            @AuthenticationPrincipal StaffUser user) {
        ActionRequest r = orEmpty(request);
        return done(actions.extend(user, cycleId, r.extension(), r.reason()));
    }

    @PostMapping("/{cycleId}/close")
    @Operation(summary = "Close the open window now", description = "Role: staff or admin.")
    public Done close(
            @PathVariable String cycleId,
            @RequestBody(required = false) ActionRequest request,
            @AuthenticationPrincipal StaffUser user) {
        return done(actions.closeWindow(user, cycleId, orEmpty(request).reason()));
    }

    @PostMapping("/{cycleId}/recount")
    @Operation(
            summary = "Re-derive the result from the raw rows and compare",
            description = "Certification. Role: staff or admin.")
    public Done recount(@PathVariable String cycleId, @AuthenticationPrincipal StaffUser user) {
        return done(actions.recount(user, cycleId));
    }

    @PostMapping("/{cycleId}/certify")
    @Operation(
            summary = "Approve the winner (one of two approvals by different accounts)",
            description = "Certification. The same account approving twice is refused (409). Role: staff or admin.")
    public Done certify(@PathVariable String cycleId, @AuthenticationPrincipal StaffUser user) {
        return done(actions.certify(user, cycleId));
    }

    @PostMapping("/{cycleId}/withdraw")
    @Operation(
            summary = "Record that a candidate withdrew",
            description =
                    "A winner withdrawing before launch is replaced by the runner-up from the same ballots. Role: staff or admin.")
    public Done withdraw(
            @PathVariable String cycleId,
            @RequestBody WithdrawRequest request,
            @AuthenticationPrincipal StaffUser user) {
        return done(actions.withdraw(user, cycleId, request.candidacyId()));
    }

    @PostMapping("/{cycleId}/cancel")
    @Operation(summary = "Cancel the cycle at any stage (reason needed)", description = "Role: staff or admin.")
    public Done cancel(
            @PathVariable String cycleId, @RequestBody ActionRequest request, @AuthenticationPrincipal StaffUser user) {
        return done(actions.cancel(user, cycleId, request.reason()));
    }

    private static ActionRequest orEmpty(ActionRequest request) {
        return request == null ? new ActionRequest(null, null) : request;
    }

    private static Done done(String message) {
        return new Done(message);
    }
}
