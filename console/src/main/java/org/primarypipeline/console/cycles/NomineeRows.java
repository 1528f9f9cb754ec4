package org.primarypipeline.console.cycles;

import java.util.List;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.vetting.Candidacy;
import org.primarypipeline.vetting.CandidacyStatus;

/** The nominees table: each candidacy's vetting in words, and which decisions the stage allows on it. */
final class NomineeRows {

    private NomineeRows() {}

    /** {@code steer}: the account may steer cycles and the cycle is running. */
    static List<CyclePage.Nominee> of(List<Candidacy> list, CycleStage stage, boolean steer) {
        boolean reviewing = steer && (stage == CycleStage.PLEDGE_VETTING || stage == CycleStage.NOMINATION_WINDOW);
        boolean withdrawing = steer && stage.isAtOrBefore(CycleStage.CERTIFICATION);
        return list.stream()
                .map(c -> new CyclePage.Nominee(
                        c.id(),
                        c.fullName(),
                        source(c),
                        c.pledgeSigned(),
                        vetting(c),
                        c.pledgeSigned()
                                && (c.status() == CandidacyStatus.INVITED
                                        || c.status() == CandidacyStatus.ACCEPTED
                                        || c.status() == CandidacyStatus.INFO_REQUESTED),
                        reviewing && c.status() != CandidacyStatus.WITHDRAWN,
                        c.pledgeSigned() && c.status() != CandidacyStatus.APPROVED,
                        withdrawing && c.status() != CandidacyStatus.WITHDRAWN))
                .toList();
    }

    private static String source(Candidacy c) {
        return switch (c.source()) {
            case "SITTING_MEMBER" -> "sitting member";
            case "DECLARED" -> "declared";
            default -> "nominated";
        };
    }

    static String vetting(Candidacy c) {
        String reason = c.statusReason() == null || c.statusReason().isBlank() ? "" : ": " + c.statusReason();
        return switch (c.status()) {
            case WITHDRAWN -> "withdrawn";
            case APPROVED ->
                c.pledgeSigned() ? "approved, on the ballot" : "approved, but the pledge signature is missing";
            case REJECTED -> "rejected" + reason;
            case INFO_REQUESTED -> "more information requested" + reason;
            case INVITED, ACCEPTED ->
                c.pledgeSigned() ? "pledge signed, awaiting review" : "invited, pledge not signed yet";
        };
    }
}
