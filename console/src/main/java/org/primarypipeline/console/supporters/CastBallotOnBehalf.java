package org.primarypipeline.console.supporters;

import java.util.List;
import org.primarypipeline.console.users.StaffUser;
import org.springframework.stereotype.Service;

/** Staff enter a member's ballot for them (members themselves use their link-token ballot page). */
@Service
public class CastBallotOnBehalf {

    private final OnBehalf onBehalf;
    private final ParticipationService participation;

    public CastBallotOnBehalf(OnBehalf onBehalf, ParticipationService participation) {
        this.onBehalf = onBehalf;
        this.participation = participation;
    }

    /** Returns the receipt code. */
    public String perform(StaffUser who, String cycleId, long memberId, List<Long> ranking) {
        return onBehalf.perform(
                who,
                "ballot.cast",
                cycleId + "/member " + memberId,
                () -> participation.castBallot(cycleId, memberId, ranking));
    }
}
