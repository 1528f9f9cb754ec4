package org.primarypipeline.console.supporters;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.primarypipeline.activities.member.MemberRepository.ProxyChoice;
import org.primarypipeline.console.audit.AuditEntry;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.ballot.BallotService;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.staff.Permissions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Joining a group is open to anyone; the public nominate a candidate on the nomination pages
 * ({@code /nominate/{cycleId}}, with email confirmation and spam limits), so a nomination here is staff
 * entering one on the nominee's behalf. Naming proxies, signing the pledge and casting a
 * ballot carry no proof of who the caller is (members use their link-token ballot page, candidates
 * their own link), so here they are staff entering them on someone's behalf: signed in, with the
 * right to steer cycles, and audited. Rankings are never returned.
 */
@RestController
@RequestMapping("/api")
public class ParticipationController {

    private final ParticipationService participation;
    private final BallotService ballots;
    private final Permissions permissions;
    private final AuditLog audit;

    public ParticipationController(ParticipationService participation, BallotService ballots, Permissions permissions,
                                   AuditLog audit) {
        this.participation = participation;
        this.ballots = ballots;
        this.permissions = permissions;
        this.audit = audit;
    }

    /** Checks the right, then records the entry as done once it went through. */
    private void onBehalf(StaffUser user, String action, String target, Runnable change) {
        permissions.require(user, Right.STEER_CYCLES, action, target);
        change.run();
        audit.record(user.getUsername(), user.role().label(), action, target, AuditEntry.Outcome.DONE,
                "entered on a member's or candidate's behalf", null, null);
    }

    public record JoinRequest(String fullName, String email, String phone) {
    }

    /** {@code cycleId} set: a list for that cycle only ({@code proxies} null: back to the standing list). */
    public record ProxyRequest(List<ProxyChoice> proxies, String cycleId) {
    }

    /** Eligibility answers optional (dateOfBirth YYYY-MM-DD, citizenYears, inhabitant yes/no); see {@link ParticipationService#nominate}. */
    public record NominationRequest(String nomineeName, String nomineeEmail, String nomineePhone, String dateOfBirth,
                                    String citizenYears, String inhabitant) {
    }

    public record EligibilityRequest(String dateOfBirth, String citizenYears, String inhabitant) {
    }

    public record SignRequest(String typedName) {
    }

    public record BallotRequest(long memberId, List<Long> ranking) {
    }

    @PostMapping("/districts/{district}/members")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Long> join(@PathVariable String district, @RequestBody JoinRequest request) {
        return Map.of("memberId", participation.join(district, request.fullName(), request.email(), request.phone()));
    }

    @PutMapping("/members/{memberId}/proxies")
    public Map<String, String> proxies(@PathVariable long memberId, @RequestBody ProxyRequest request,
                                       @AuthenticationPrincipal StaffUser user) {
        Map<String, String> result = new java.util.HashMap<>();
        onBehalf(user, "member.proxies", Long.toString(memberId), () -> result.putAll(saveProxies(memberId, request)));
        return result;
    }

    private Map<String, String> saveProxies(long memberId, ProxyRequest request) {
        if (request.cycleId() != null && request.proxies() == null) {
            ballots.clearOverride(request.cycleId(), memberId);
            return Map.of("result", "back to the standing list for cycle " + request.cycleId());
        }
        List<ProxyChoice> proxies = request.proxies() == null ? List.of() : request.proxies();
        if (request.cycleId() != null) {
            ballots.overrideProxies(request.cycleId(), memberId, proxies);
            return Map.of("result", "proxies saved for cycle " + request.cycleId() + " only");
        }
        participation.nameProxies(memberId, proxies);
        return Map.of("result", "proxies saved");
    }

    @PostMapping("/cycles/{cycleId}/nominations")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Long> nominate(@PathVariable String cycleId, @RequestBody NominationRequest request,
                                      @AuthenticationPrincipal StaffUser user) {
        org.primarypipeline.activities.nomination.Eligibility answers = request.dateOfBirth() == null ? null
                : org.primarypipeline.activities.nomination.Eligibility.parse(request.dateOfBirth(), request.citizenYears(),
                        request.inhabitant());
        long[] candidacy = new long[1];
        onBehalf(user, "candidacy.nominate", cycleId + "/" + request.nomineeName(), () -> candidacy[0] = participation.nominate(
                cycleId, request.nomineeName(), request.nomineeEmail(), request.nomineePhone(), answers));
        return Map.of("candidacyId", candidacy[0]);
    }

    @PostMapping("/cycles/{cycleId}/candidacies/{candidacyId}/pledge")
    public Map<String, String> sign(@PathVariable String cycleId, @PathVariable long candidacyId,
                                    @RequestBody SignRequest request, HttpServletRequest http,
                                    @AuthenticationPrincipal StaffUser user) {
        onBehalf(user, "candidacy.pledge", cycleId + "/" + candidacyId, () -> participation.signPledge(cycleId,
                candidacyId, request.typedName(), http.getRemoteAddr(), http.getHeader("User-Agent")));
        return Map.of("result", "pledge signed");
    }

    @PostMapping("/cycles/{cycleId}/candidacies/{candidacyId}/eligibility")
    public Map<String, String> eligibility(@PathVariable String cycleId, @PathVariable long candidacyId,
                                           @RequestBody EligibilityRequest request,
                                           @AuthenticationPrincipal StaffUser user) {
        onBehalf(user, "candidacy.eligibility", cycleId + "/" + candidacyId, () -> participation.confirmEligibility(cycleId,
                candidacyId, org.primarypipeline.activities.nomination.Eligibility.parse(request.dateOfBirth(),
                        request.citizenYears(), request.inhabitant())));
        return Map.of("result", "eligibility confirmed");
    }

    @PostMapping("/cycles/{cycleId}/ballots")
    public Map<String, String> vote(@PathVariable String cycleId,
                                    @RequestBody BallotRequest request, @AuthenticationPrincipal StaffUser user) {
        String[] receipt = new String[1];
        onBehalf(user, "ballot.cast", cycleId + "/member " + request.memberId(),
                () -> receipt[0] = participation.castBallot(cycleId, request.memberId(), request.ranking()));
        return Map.of("result", "ballot stored", "receipt", receipt[0]);
    }
}
