package org.primarypipeline.console.supporters;

import java.util.LinkedHashMap;
import java.util.Map;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.core.supporter.EmailAddresses;
import org.primarypipeline.core.supporter.PhoneNumbers;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.nominations.RefusedField;
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

    /** A refused form is checked before anything is written; its audit entry is kept, not rolled back. */
    @Transactional(noRollbackFor = RefusedField.class)
    public void perform(StaffUser who, String cycleId, long candidacyId, String email, String phone) {
        onBehalf.perform(who, "candidacy.contact", cycleId + "/" + candidacyId, () -> {
            Candidacy candidacy = candidacies
                    .find(cycleId, candidacyId)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "candidacy " + candidacyId + " is not part of cycle " + cycleId));
            Map<String, String> problems = new LinkedHashMap<>();
            String address = null;
            try {
                address = EmailAddresses.normalize(email);
            } catch (RuntimeException e) {
                problems.put("email", "the email is not an address we can write to; write it like name@example.org");
            }
            String number = null;
            try {
                number = PhoneNumbers.toE164(phone);
            } catch (RuntimeException e) {
                problems.put("phone", "the phone is not a US phone number; write ten digits, like 207 555 0134");
            }
            if (problems.isEmpty() && address == null && number == null) {
                problems.put("email", "give an email address or a phone number to record");
            }
            if (!problems.isEmpty()) {
                throw new RefusedField(problems);
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
