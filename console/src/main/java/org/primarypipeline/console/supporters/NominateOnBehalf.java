package org.primarypipeline.console.supporters;

import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.nominations.Eligibility;
import org.springframework.stereotype.Service;

/** Staff enter a nomination for the nominee, with their eligibility answers when given. */
@Service
public class NominateOnBehalf {

    private final OnBehalf onBehalf;
    private final ParticipationService participation;

    public NominateOnBehalf(OnBehalf onBehalf, ParticipationService participation) {
        this.onBehalf = onBehalf;
        this.participation = participation;
    }

    /**
     * Returns the candidacy; no date of birth means no answers (see
     * {@link ParticipationService#nominate(String, String, String, String, Eligibility)}).
     */
    public long perform(
            StaffUser who,
            String cycleId,
            String name,
            String email,
            String phone,
            String dateOfBirth,
            String citizenYears,
            String inhabitant) {
        return onBehalf.perform(who, "candidacy.nominate", cycleId + "/" + name, () -> {
            Eligibility answers = dateOfBirth == null ? null : Eligibility.parse(dateOfBirth, citizenYears, inhabitant);
            return participation.nominate(cycleId, name, email, phone, answers);
        });
    }
}
