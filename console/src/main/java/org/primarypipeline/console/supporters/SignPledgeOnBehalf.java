package org.primarypipeline.console.supporters;

import org.primarypipeline.console.users.StaffUser;
import org.springframework.stereotype.Service;

/** Staff record a candidate's signature of the current pledge, typed as the candidate gave it. */
@Service
public class SignPledgeOnBehalf {

    private final OnBehalf onBehalf;
    private final ParticipationService participation;

    public SignPledgeOnBehalf(OnBehalf onBehalf, ParticipationService participation) {
        this.onBehalf = onBehalf;
        this.participation = participation;
    }

    public void perform(
            StaffUser who, String cycleId, long candidacyId, String typedName, String ip, String userAgent) {
        onBehalf.perform(who, "candidacy.pledge", cycleId + "/" + candidacyId, () -> {
            participation.signPledge(who.getUsername(), cycleId, candidacyId, typedName, ip, userAgent);
            return null;
        });
    }
}
