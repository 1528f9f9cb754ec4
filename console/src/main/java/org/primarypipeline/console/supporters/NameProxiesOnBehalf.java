package org.primarypipeline.console.supporters;

import java.util.List;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.voting.BallotService;
import org.primarypipeline.supporters.MemberRepository.ProxyChoice;
import org.springframework.stereotype.Service;

/**
 * Staff name a member's proxies for them: the standing list, or a list for one cycle only (no list with
 * a cycle: back to the standing list for that cycle).
 */
@Service
public class NameProxiesOnBehalf {

    private final OnBehalf onBehalf;
    private final ParticipationService participation;
    private final BallotService ballots;

    public NameProxiesOnBehalf(OnBehalf onBehalf, ParticipationService participation, BallotService ballots) {
        this.onBehalf = onBehalf;
        this.participation = participation;
        this.ballots = ballots;
    }

    /** Returns what was saved, in words. */
    public String perform(StaffUser who, long memberId, List<ProxyChoice> proxies, String cycleId) {
        return onBehalf.perform(who, "member.proxies", Long.toString(memberId), () -> {
            if (cycleId != null && proxies == null) {
                ballots.clearOverride(cycleId, memberId);
                return "back to the standing list for cycle " + cycleId;
            }
            List<ProxyChoice> list = proxies == null ? List.of() : proxies;
            if (cycleId != null) {
                ballots.overrideProxies(cycleId, memberId, list);
                return "proxies saved for cycle " + cycleId + " only";
            }
            participation.nameProxies(memberId, list);
            return "proxies saved";
        });
    }
}
