package org.primarypipeline.console.supporters;

import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.nominations.Eligibility;
import org.springframework.stereotype.Service;

/** Staff confirm a candidate's eligibility from the answers they took (ineligible answers are refused). */
@Service
public class ConfirmEligibility {

    private final OnBehalf onBehalf;
    private final ParticipationService participation;

    public ConfirmEligibility(OnBehalf onBehalf, ParticipationService participation) {
        this.onBehalf = onBehalf;
        this.participation = participation;
    }

    public void perform(
            StaffUser who,
            String cycleId,
            long candidacyId,
            String dateOfBirth,
            String citizenYears,
            String inhabitant) {
        onBehalf.perform(who, "candidacy.eligibility", cycleId + "/" + candidacyId, () -> {
            participation.confirmEligibility(
                    who.getUsername(), cycleId, candidacyId, Eligibility.parse(dateOfBirth, citizenYears, inhabitant));
            return null;
        });
    }
}
