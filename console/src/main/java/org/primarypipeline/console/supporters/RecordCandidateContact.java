package org.primarypipeline.console.supporters;

import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.core.supporter.EmailAddresses;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.vetting.Candidacy;
import org.primarypipeline.vetting.CandidacyRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff record how to reach a candidate who came in without a contact (a sitting member, an
 * FEC-declared candidate), so that the next invitation and reminders reach them.
 */
@Service
public class RecordCandidateContact {

    private final OnBehalf onBehalf;
    private final CandidacyRepository candidacies;
    private final CycleRepository cycles;

    public RecordCandidateContact(OnBehalf onBehalf, CandidacyRepository candidacies, CycleRepository cycles) {
        this.onBehalf = onBehalf;
        this.candidacies = candidacies;
        this.cycles = cycles;
    }

    @Transactional
    public void perform(StaffUser who, String cycleId, long candidacyId, String email, String phone) {
        onBehalf.perform(who, "candidacy.contact", cycleId + "/" + candidacyId, () -> {
            Candidacy candidacy = candidacies
                    .find(cycleId, candidacyId)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "candidacy " + candidacyId + " is not part of cycle " + cycleId));
            String address = EmailAddresses.normalize(email);
            String number = phone == null || phone.isBlank() ? null : phone.strip();
            if (address == null && number == null) {
                throw new IllegalArgumentException("give an email address or a phone number to record");
            }
            candidacies.recordContact(candidacy.candidateId(), address, number);
            CycleRecord cycle = cycles.find(cycleId).orElseThrow();
            cycles.record(
                    cycleId,
                    cycle.stage(),
                    "CONTACT_RECORDED",
                    "contact recorded for " + candidacy.fullName(),
                    who.getUsername(),
                    "contact:" + candidacyId + ":" + System.nanoTime());
            return null;
        });
    }
}
