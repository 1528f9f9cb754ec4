package org.primarypipeline.console.supporters;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.voting.AssistedBallotApiController.AssistedAnswer;
import org.primarypipeline.console.voting.EnterAssistedBallot;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.platform.PublicDoor;
import org.primarypipeline.supporters.JoinForm;
import org.primarypipeline.supporters.JoinRequests;
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
 * Asking to join a group is open to anyone and answers 202: the person becomes a member when they follow
 * the link sent to their own email or phone ({@link JoinDistrictGroup}); the public nominate a candidate on the nomination pages
 * ({@code /nominate/{cycleId}}, with email confirmation and spam limits), so a nomination here is staff
 * entering one on the nominee's behalf. Signing the pledge carries no proof of who the caller is
 * (candidates use their own link), so here it is staff entering it on someone's behalf (see {@link
 * OnBehalf}: signed in, with the right to steer cycles, and audited). A ballot or proxies posted here are
 * never stored as they are: each is an assisted ballot ({@link EnterAssistedBallot}), pending until the
 * member confirms it by the link sent to them. Rankings are never returned.
 */
@RestController
@RequestMapping("/api")
public class ParticipationController {

    private final JoinDistrictGroup joinGroup;
    private final NominateOnBehalf nominate;
    private final SignPledgeOnBehalf signPledge;
    private final ConfirmEligibility confirmEligibility;
    private final EnterAssistedBallot assisted;

    public ParticipationController(
            JoinDistrictGroup joinGroup,
            NominateOnBehalf nominate,
            SignPledgeOnBehalf signPledge,
            ConfirmEligibility confirmEligibility,
            EnterAssistedBallot assisted) {
        this.joinGroup = joinGroup;
        this.nominate = nominate;
        this.signPledge = signPledge;
        this.confirmEligibility = confirmEligibility;
        this.assisted = assisted;
    }

    /** {@code website} is the honeypot the join page hides; {@code language} en or es, for the link's message. */
    public record JoinRequest(
            String fullName, String email, String phone, String street, String zip, String language, String website) {}

    /**
     * An assisted entry of proxies for the round of {@code cycleId} (needed), for that cycle only unless
     * {@code proxyScope} is standing.
     */
    public record ProxyRequest(List<ProxyChoice> proxies, String cycleId, String proxyScope, String note) {}

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

    public record BallotRequest(long memberId, List<Long> ranking, String note) {}

    /**
     * A request to join taken: where the link went and the group it makes the person a member of; {@code note}
     * explains a district other than the one named (from their ZIP), else null.
     */
    public record JoinAnswer(
            String result, String district, String namedDistrict, String sentBy, String linkExpiresAt, String note) {}

    public record Nominated(long candidacyId) {}

    public record Result(String result) {}

    @PublicDoor
    @PostMapping("/districts/{district}/members")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public JoinAnswer join(@PathVariable String district, @RequestBody JoinRequest request, HttpServletRequest http) {
        JoinRequests.Requested done = joinGroup.perform(
                new JoinForm(
                        district,
                        request.fullName(),
                        request.email(),
                        request.phone(),
                        request.street(),
                        request.zip(),
                        request.language(),
                        request.website()),
                http.getRemoteAddr());
        String by = done.channel() == Channel.EMAIL ? "email" : "text message";
        return new JoinAnswer(
                "a link to confirm was sent by " + by + "; you are a member of " + done.districtId()
                        + "'s group once you follow it",
                done.districtId(),
                done.namedDistrictId(),
                done.channel().name(),
                done.expiresAt().toString(),
                done.note());
    }

    /** Staff no longer set proxies themselves: this is an assisted entry, which the member confirms. */
    @PutMapping("/members/{memberId}/proxies")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public AssistedAnswer proxies(
            @PathVariable long memberId, @RequestBody ProxyRequest request, @AuthenticationPrincipal StaffUser user) {
        return AssistedAnswer.of(assisted.perform(
                user,
                request.cycleId(),
                memberId,
                null,
                request.proxies() == null ? List.of() : request.proxies(),
                request.proxyScope(),
                request.note()));
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

    /** Staff no longer cast ballots themselves: this is an assisted entry, which the member confirms. */
    @PostMapping("/cycles/{cycleId}/ballots")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public AssistedAnswer vote(
            @PathVariable String cycleId, @RequestBody BallotRequest request, @AuthenticationPrincipal StaffUser user) {
        return AssistedAnswer.of(
                assisted.perform(user, cycleId, request.memberId(), request.ranking(), null, null, request.note()));
    }
}
