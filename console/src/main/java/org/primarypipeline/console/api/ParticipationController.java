package org.primarypipeline.console.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.primarypipeline.activities.member.MemberRepository.ProxyChoice;
import org.primarypipeline.console.ballot.BallotService;
import org.primarypipeline.console.participation.ParticipationService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Members and candidates act for themselves: join, name proxies, nominate, sign, vote. */
@RestController
@RequestMapping("/api")
public class ParticipationController {

    private final ParticipationService participation;
    private final BallotService ballots;

    public ParticipationController(ParticipationService participation, BallotService ballots) {
        this.participation = participation;
        this.ballots = ballots;
    }

    public record JoinRequest(String fullName, String email, String phone) {
    }

    /** {@code cycleId} set: a list for that cycle only ({@code proxies} null: back to the standing list). */
    public record ProxyRequest(List<ProxyChoice> proxies, String cycleId) {
    }

    public record NominationRequest(String nomineeName, String nomineeEmail, String nomineePhone) {
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
    public Map<String, String> proxies(@PathVariable long memberId, @RequestBody ProxyRequest request) {
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
    public Map<String, Long> nominate(@PathVariable String cycleId,
                                      @RequestBody NominationRequest request) {
        return Map.of("candidacyId", participation.nominate(cycleId, request.nomineeName(),
                request.nomineeEmail(), request.nomineePhone()));
    }

    @PostMapping("/cycles/{cycleId}/candidacies/{candidacyId}/pledge")
    public Map<String, String> sign(@PathVariable String cycleId, @PathVariable long candidacyId,
                                    @RequestBody SignRequest request, HttpServletRequest http) {
        participation.signPledge(cycleId, candidacyId, request.typedName(), http.getRemoteAddr(),
                http.getHeader("User-Agent"));
        return Map.of("result", "pledge signed");
    }

    @PostMapping("/cycles/{cycleId}/ballots")
    public Map<String, String> vote(@PathVariable String cycleId,
                                    @RequestBody BallotRequest request) {
        String receipt = participation.castBallot(cycleId, request.memberId(), request.ranking());
        return Map.of("result", "ballot stored", "receipt", receipt);
    }
}
