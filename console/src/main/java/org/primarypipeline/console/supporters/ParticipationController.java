package org.primarypipeline.console.supporters;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.platform.PublicDoor;
import org.primarypipeline.supporters.MemberRepository.ProxyChoice;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
 * their own link), so here they are staff entering them on someone's behalf: one command class each
 * (see {@link OnBehalf}: signed in, with the right to steer cycles, and audited). Rankings are never
 * returned.
 */
@RestController
@RequestMapping("/api")
public class ParticipationController {

    private final ParticipationService participation;
    private final NameProxiesOnBehalf nameProxies;
    private final NominateOnBehalf nominate;
    private final SignPledgeOnBehalf signPledge;
    private final ConfirmEligibility confirmEligibility;
    private final CastBallotOnBehalf castBallot;

    public ParticipationController(
            ParticipationService participation,
            NameProxiesOnBehalf nameProxies,
            NominateOnBehalf nominate,
            SignPledgeOnBehalf signPledge,
            ConfirmEligibility confirmEligibility,
            CastBallotOnBehalf castBallot) {
        this.participation = participation;
        this.nameProxies = nameProxies;
        this.nominate = nominate;
        this.signPledge = signPledge;
        this.confirmEligibility = confirmEligibility;
        this.castBallot = castBallot;
    }

    public record JoinRequest(String fullName, String email, String phone) {}

    /** {@code cycleId} set: a list for that cycle only ({@code proxies} null: back to the standing list). */
    public record ProxyRequest(List<ProxyChoice> proxies, String cycleId) {}

    /** Eligibility answers optional (dateOfBirth YYYY-MM-DD, citizenYears, inhabitant yes/no). */
    public record NominationRequest(
            String nomineeName,
            String nomineeEmail,
            String nomineePhone,
            String dateOfBirth,
            String citizenYears,
            String inhabitant) {}

    public record EligibilityRequest(String dateOfBirth, String citizenYears, String inhabitant) {}

    public record SignRequest(String typedName) {}

    public record BallotRequest(long memberId, List<Long> ranking) {}

    public record Joined(long memberId) {}

    public record Nominated(long candidacyId) {}

    public record Result(String result) {}

    public record Stored(String result, String receipt) {}

    @PublicDoor
    @PostMapping("/districts/{district}/members")
    @ResponseStatus(HttpStatus.CREATED)
    public Joined join(@PathVariable String district, @RequestBody JoinRequest request) {
        return new Joined(participation.join(district, request.fullName(), request.email(), request.phone()));
    }

    @PutMapping("/members/{memberId}/proxies")
    public Result proxies(
            @PathVariable long memberId, @RequestBody ProxyRequest request, @AuthenticationPrincipal StaffUser user) {
        return new Result(nameProxies.perform(user, memberId, request.proxies(), request.cycleId()));
    }

    @PostMapping("/cycles/{cycleId}/nominations")
    @ResponseStatus(HttpStatus.CREATED)
    public Nominated nominate(
            @PathVariable String cycleId,
            @RequestBody NominationRequest request,
            @AuthenticationPrincipal StaffUser user) {
        return new Nominated(nominate.perform(
                user,
                cycleId,
                request.nomineeName(),
                request.nomineeEmail(),
                request.nomineePhone(),
                request.dateOfBirth(),
                request.citizenYears(),
                request.inhabitant()));
    }

    @PostMapping("/cycles/{cycleId}/candidacies/{candidacyId}/pledge")
    public Result sign(
            @PathVariable String cycleId,
            @PathVariable long candidacyId,
            @RequestBody SignRequest request,
            HttpServletRequest http,
            @AuthenticationPrincipal StaffUser user) {
        signPledge.perform(
                user, cycleId, candidacyId, request.typedName(), http.getRemoteAddr(), http.getHeader("User-Agent"));
        return new Result("pledge signed");
    }

    @PostMapping("/cycles/{cycleId}/candidacies/{candidacyId}/eligibility")
    public Result eligibility(
            @PathVariable String cycleId,
            @PathVariable long candidacyId,
            @RequestBody EligibilityRequest request,
            @AuthenticationPrincipal StaffUser user) {
        confirmEligibility.perform(
                user, cycleId, candidacyId, request.dateOfBirth(), request.citizenYears(), request.inhabitant());
        return new Result("eligibility confirmed");
    }

    @PostMapping("/cycles/{cycleId}/ballots")
    public Stored vote(
            @PathVariable String cycleId, @RequestBody BallotRequest request, @AuthenticationPrincipal StaffUser user) {
        return new Stored("ballot stored", castBallot.perform(user, cycleId, request.memberId(), request.ranking()));
    }
}
