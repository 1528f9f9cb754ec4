package org.primarypipeline.console.vetting;

import java.util.List;
import java.util.Map;
import org.primarypipeline.activities.pledge.PledgeRepository;
import org.primarypipeline.activities.pledge.PledgeSigning;
import org.primarypipeline.activities.vetting.ReviewEscalations;
import org.primarypipeline.console.audit.AuditEntry;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.staff.Permissions;
import org.primarypipeline.core.supporter.EmailAddresses;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The pledge and the vetting duty roster over the API: reading needs VIEW, changing STEER_CYCLES (audited). */
@RestController
@RequestMapping("/api")
public class VettingApiController {

    private final PledgeRepository pledge;
    private final PledgeSigning signing;
    private final ReviewEscalations escalations;
    private final Permissions permissions;
    private final AuditLog audit;

    public VettingApiController(PledgeRepository pledge, PledgeSigning signing, ReviewEscalations escalations,
                                Permissions permissions, AuditLog audit) {
        this.pledge = pledge;
        this.signing = signing;
        this.escalations = escalations;
        this.permissions = permissions;
        this.audit = audit;
    }

    public record PublishRequest(String title, String principles, String body) {
    }

    public record WithdrawRequest(String reason) {
    }

    public record DutyRequest(String email, String name) {
    }

    @GetMapping("/pledge")
    public List<PledgeRepository.PledgeVersion> versions(@AuthenticationPrincipal StaffUser user) {
        permissions.require(user, Right.VIEW, "pledge.read", "");
        return pledge.versions();
    }

    @PostMapping("/pledge")
    @ResponseStatus(HttpStatus.CREATED)
    public PledgeRepository.PledgeVersion publish(@RequestBody PublishRequest request, @AuthenticationPrincipal StaffUser user) {
        permissions.require(user, Right.STEER_CYCLES, "pledge.publish", String.valueOf(request.title()));
        PledgeRepository.PledgeVersion v = pledge.publish(request.title(), request.principles(), request.body());
        audit.record(user.getUsername(), user.role().label(), "pledge.publish", "version " + v.version(),
                AuditEntry.Outcome.DONE, v.contentHash(), null, null);
        return v;
    }

    @PostMapping("/candidates/{candidateId}/pledge/withdraw")
    public Map<String, Object> withdraw(@PathVariable long candidateId, @RequestBody WithdrawRequest request,
                                        @AuthenticationPrincipal StaffUser user) {
        permissions.require(user, Right.STEER_CYCLES, "pledge.withdraw", Long.toString(candidateId));
        List<Long> off = signing.withdraw(candidateId, request.reason(), user.getUsername());
        audit.record(user.getUsername(), user.role().label(), "pledge.withdraw", Long.toString(candidateId),
                AuditEntry.Outcome.DONE, request.reason() + "; off ballots of candidacies " + off, null, null);
        return Map.of("result", "signature withdrawn", "offBallot", off);
    }

    @GetMapping("/vetting/duty")
    public List<ReviewEscalations.OnDuty> duty(@AuthenticationPrincipal StaffUser user) {
        permissions.require(user, Right.VIEW, "vetting.duty.read", "");
        return escalations.onDuty();
    }

    /** Adds someone to the staff on duty: overdue reviews are escalated to them by email. */
    @PostMapping("/vetting/duty")
    public Map<String, String> addDuty(@RequestBody DutyRequest request, @AuthenticationPrincipal StaffUser user) {
        permissions.require(user, Right.STEER_CYCLES, "vetting.duty", String.valueOf(request.email()));
        String email;
        try {
            email = EmailAddresses.normalize(request.email());
        } catch (org.primarypipeline.core.supporter.InvalidField bad) {
            throw new IllegalArgumentException(bad.getMessage());
        }
        if (email == null || request.name() == null || request.name().isBlank()) {
            throw new IllegalArgumentException("an email and a name are needed");
        }
        escalations.addToDuty(email, request.name());
        audit.record(user.getUsername(), user.role().label(), "vetting.duty", email, AuditEntry.Outcome.DONE,
                "on duty for overdue reviews", null, null);
        return Map.of("result", email + " is on duty");
    }
}
