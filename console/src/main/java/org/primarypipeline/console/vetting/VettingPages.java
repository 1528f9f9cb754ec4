package org.primarypipeline.console.vetting;

import java.util.ArrayList;
import java.util.List;
import org.primarypipeline.console.web.Format;
import org.primarypipeline.core.cycle.CycleStatus;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.nominations.CandidateSteps;
import org.primarypipeline.nominations.Nominations;
import org.primarypipeline.vetting.Candidacy;
import org.primarypipeline.vetting.CandidacyRepository;
import org.primarypipeline.vetting.PledgeRepository;
import org.springframework.stereotype.Component;

/** The vetting pages' models: a candidacy's profile and timeline, a cycle's nominations, the pledge versions. */
@Component
public class VettingPages {

    public record NominationLine(String by, String status, String reason, String when) {}

    public record TimelineLine(
            String when, String kind, String detail, String actor, boolean message, String status, String sent) {}

    public record Profile(
            long id,
            String cycleId,
            long candidateId,
            String name,
            String email,
            String phone,
            String photoUrl,
            String statement,
            List<String> links,
            String source,
            String status,
            String reason,
            boolean pledgeSigned,
            boolean eligible,
            List<CandidacyFacts.Fact> eligibility,
            String nameMismatch,
            boolean open,
            boolean references,
            boolean record,
            boolean fec,
            String due,
            List<NominationLine> nominations,
            int endorsements,
            List<TimelineLine> timeline) {}

    public record SignatureLine(
            int version, String typedName, String when, String hash, String ip, boolean active, String withdrawn) {}

    public record CandidacyPage(String title, Profile candidacy, List<SignatureLine> signatures) {}

    public record NominationRow(
            long id,
            String nominee,
            String contact,
            String by,
            String reason,
            String status,
            long endorsements,
            int reminders,
            String ineligible,
            Long candidacyId,
            String cycleId) {}

    public record NominationsPage(String title, String cycleId, List<NominationRow> rows) {}

    public record Version(
            int version, String title, String principles, String body, String hash, String published, int signatures) {}

    public record PledgePage(String title, List<Version> versions) {}

    private final CandidacyRepository candidacies;
    private final Nominations nominations;
    private final CandidateSteps steps;
    private final PledgeRepository pledge;
    private final VettingReadModel readModel;
    private final CycleRepository cycles;
    private final Format format;

    public VettingPages(
            CandidacyRepository candidacies,
            Nominations nominations,
            CandidateSteps steps,
            PledgeRepository pledge,
            VettingReadModel readModel,
            CycleRepository cycles,
            Format format) {
        this.candidacies = candidacies;
        this.nominations = nominations;
        this.steps = steps;
        this.pledge = pledge;
        this.readModel = readModel;
        this.cycles = cycles;
        this.format = format;
    }

    public CandidacyPage candidacy(String cycleId, long candidacyId) {
        Candidacy c = candidacies
                .find(cycleId, candidacyId)
                .orElseThrow(() ->
                        new IllegalArgumentException("candidacy " + candidacyId + " is not part of cycle " + cycleId));
        List<NominationLine> noms = new ArrayList<>();
        for (Nominations.Row n : nominations.forStaff(cycleId)) {
            if (n.candidacyId() != null && n.candidacyId() == c.id()) {
                noms.add(new NominationLine(
                        n.self() ? "self" : n.nominatorName() + " <" + n.nominatorEmail() + ">",
                        n.status().toLowerCase(),
                        n.reason() == null ? "" : n.reason(),
                        format.when(n.createdAt())));
            }
        }
        List<TimelineLine> timeline = steps.timelineOfCandidacy(c.id()).stream()
                .map(e -> new TimelineLine(
                        format.when(e.at()),
                        e.kind(),
                        format.text(e.detail()),
                        e.actor(),
                        e.message(),
                        e.messageStatus() == null ? "" : e.messageStatus().toLowerCase(),
                        e.sentAt() == null ? "" : format.when(e.sentAt())))
                .toList();
        Profile profile = new Profile(
                c.id(),
                cycleId,
                c.candidateId(),
                c.fullName(),
                c.email(),
                c.phone(),
                c.photoUrl(),
                c.statement(),
                readModel.links(c.candidateId()),
                c.source().toLowerCase().replace('_', ' '),
                c.status().name().toLowerCase().replace('_', ' '),
                c.statusReason(),
                c.pledgeSigned(),
                c.eligible(),
                CandidacyFacts.eligibility(readModel.eligibility(c.id())),
                CandidacyFacts.nameMismatch(lastSignedName(c.candidateId()), c.fullName()),
                cycles.find(cycleId).map(r -> r.status() == CycleStatus.RUNNING).orElse(false),
                c.checklist().referencesContacted(),
                c.checklist().publicRecordChecked(),
                c.checklist().fecFilingsLookedUp(),
                c.reviewDueAt() == null ? null : format.when(c.reviewDueAt()),
                noms,
                Math.max(0, noms.size() - 1),
                timeline);
        List<SignatureLine> signatures = pledge.signatures(c.candidateId()).stream()
                .map(s -> new SignatureLine(
                        s.version(),
                        s.typedName(),
                        format.when(s.signedAt()),
                        s.contentHash(),
                        s.ip() == null ? "" : s.ip(),
                        s.active(),
                        s.withdrawnAt() == null
                                ? ""
                                : format.when(s.withdrawnAt()) + " (" + s.withdrawalReason() + ")"))
                .toList();
        return new CandidacyPage(c.fullName() + " · " + cycleId, profile, signatures);
    }

    /** The name typed on the candidate's latest signature still standing, or null. */
    private String lastSignedName(long candidateId) {
        String typed = null;
        for (PledgeRepository.Signature s : pledge.signatures(candidateId)) {
            if (s.active()) {
                typed = s.typedName();
            }
        }
        return typed;
    }

    public NominationsPage nominations(String cycleId) {
        List<NominationRow> rows = new ArrayList<>();
        for (Nominations.Row n : nominations.forStaff(cycleId)) {
            if (n.mergedInto() == null) {
                rows.add(new NominationRow(
                        n.id(),
                        n.nomineeName(),
                        n.nomineeEmail() != null ? n.nomineeEmail() : n.nomineePhone(),
                        n.self() ? "self" : n.nominatorName(),
                        n.reason(),
                        n.status().toLowerCase(),
                        nominations.endorsements(n.id()),
                        n.remindersSent(),
                        n.ineligibleReason(),
                        n.candidacyId(),
                        cycleId));
            }
        }
        return new NominationsPage("Nominations · " + cycleId, cycleId, rows);
    }

    public PledgePage pledge() {
        return new PledgePage(
                "Pledge",
                pledge.versions().stream()
                        .map(v -> new Version(
                                v.version(),
                                v.title(),
                                v.principles(),
                                v.body(),
                                v.contentHash(),
                                format.when(v.publishedAt()),
                                readModel.signatures(v.id())))
                        .toList());
    }
}
