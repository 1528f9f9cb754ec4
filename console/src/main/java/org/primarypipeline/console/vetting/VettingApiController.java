package org.primarypipeline.console.vetting;

import java.util.List;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.vetting.PledgeRepository;
import org.primarypipeline.vetting.ReviewEscalations;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pledge and the vetting duty roster over the API: reading needs VIEW, changing STEER_CYCLES
 * (audited, through the same command classes as the pages).
 */
@RestController
@RequestMapping("/api")
public class VettingApiController {

    private final PledgeRepository pledge;
    private final ReviewEscalations escalations;
    private final PublishPledge publishPledge;
    private final WithdrawPledgeSignature withdrawSignature;
    private final PutOnDuty putOnDuty;
    private final Permissions permissions;

    public VettingApiController(
            PledgeRepository pledge,
            ReviewEscalations escalations,
            PublishPledge publishPledge,
            WithdrawPledgeSignature withdrawSignature,
            PutOnDuty putOnDuty,
            Permissions permissions) {
        this.pledge = pledge;
        this.escalations = escalations;
        this.publishPledge = publishPledge;
        this.withdrawSignature = withdrawSignature;
        this.putOnDuty = putOnDuty;
        this.permissions = permissions;
    }

    public record PublishRequest(String title, String principles, String body) {}

    public record WithdrawRequest(String reason) {}

    public record DutyRequest(String email, String name) {}

    public record Withdrawn(String result, List<Long> offBallot) {}

    public record Result(String result) {}

    @GetMapping("/pledge")
    public List<PledgeRepository.PledgeVersion> versions(@AuthenticationPrincipal StaffUser user) {
        permissions.require(user, Right.VIEW, "pledge.read", "");
        return pledge.versions();
    }

    @PostMapping("/pledge")
    @ResponseStatus(HttpStatus.CREATED)
    public PledgeRepository.PledgeVersion publish(
            @RequestBody PublishRequest request, @AuthenticationPrincipal StaffUser user) {
        return publishPledge.perform(user, request.title(), request.principles(), request.body());
    }

    @PostMapping("/candidates/{candidateId}/pledge/withdraw")
    public Withdrawn withdraw(
            @PathVariable long candidateId,
            @RequestBody WithdrawRequest request,
            @AuthenticationPrincipal StaffUser user) {
        return new Withdrawn("signature withdrawn", withdrawSignature.perform(user, candidateId, request.reason()));
    }

    @GetMapping("/vetting/duty")
    public List<ReviewEscalations.OnDuty> duty(@AuthenticationPrincipal StaffUser user) {
        permissions.require(user, Right.VIEW, "vetting.duty.read", "");
        return escalations.onDuty();
    }

    /** Adds someone to the staff on duty: overdue reviews are escalated to them by email. */
    @PostMapping("/vetting/duty")
    public Result addDuty(@RequestBody DutyRequest request, @AuthenticationPrincipal StaffUser user) {
        return new Result(putOnDuty.perform(user, request.email(), request.name()) + " is on duty");
    }
}
