package org.primarypipeline.console.voting;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.supporters.MemberRepository.ProxyChoice;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff enter an assisted ballot for a member who asked for help ({@link EnterAssistedBallot}): 202,
 * since nothing counts until the member confirms it by the link sent to them. {@code pp vote} and
 * {@code pp members proxies} come here.
 */
@RestController
@RequestMapping("/api")
@Tag(
        name = "Assisted voting",
        description = "Staff enter a ballot a member asked for help with; the member confirms it")
public class AssistedBallotApiController {

    private final EnterAssistedBallot enter;

    public AssistedBallotApiController(EnterAssistedBallot enter) {
        this.enter = enter;
    }

    /**
     * {@code ranking} candidacy ids, first choice first; {@code proxies} a list of whole units summing
     * to 10 (empty: nobody); {@code proxyScope} cycle (default) or standing; {@code note} how the member
     * asked. At least one of ranking and proxies.
     */
    public record AssistedRequest(
            long memberId, List<Long> ranking, List<ProxyChoice> proxies, String proxyScope, String note) {}

    /** {@code status} is PENDING: the entry counts once the member confirms it. */
    public record AssistedAnswer(
            long id, String cycleId, long memberId, String status, String sentBy, Long replaced, String result) {

        public static AssistedAnswer of(EnterAssistedBallot.Entered e) {
            String by = e.sentBy() == Channel.EMAIL ? "email" : "text message";
            return new AssistedAnswer(
                    e.id(),
                    e.cycleId(),
                    e.memberId(),
                    "PENDING",
                    e.sentBy().name(),
                    e.replaced(),
                    "assisted ballot " + e.id() + " entered for member " + e.memberId()
                            + ": a link to confirm or void it was sent by " + by
                            + "; it counts only once they confirm it");
        }
    }

    @PostMapping("/cycles/{cycleId}/assisted-ballots")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public AssistedAnswer enter(
            @PathVariable String cycleId,
            @RequestBody AssistedRequest request,
            @AuthenticationPrincipal StaffUser user) {
        return AssistedAnswer.of(enter.perform(
                user,
                cycleId,
                request.memberId(),
                request.ranking(),
                request.proxies(),
                request.proxyScope(),
                request.note()));
    }
}
