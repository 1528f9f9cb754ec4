package org.primarypipeline.console.cycles.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.primarypipeline.console.web.Format;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.cycles.CertificationApprovals;
import org.springframework.stereotype.Component;

/** Puts the dashboard together: each list is capped at ten, the counts are complete. */
@Component
public class DashboardPages {

    static final Duration DUE_SOON = Duration.ofDays(7);
    private static final int SHORT_LIST = 10;

    private final DashboardReadModel reads;
    private final CertificationApprovals approvals;
    private final Format format;
    private final Clock clock;

    public DashboardPages(DashboardReadModel reads, CertificationApprovals approvals, Format format, Clock clock) {
        this.reads = reads;
        this.approvals = approvals;
        this.format = format;
        this.clock = clock;
    }

    /** {@code financeLinks}: whether the account may open a fundraiser's finance page. */
    public DashboardPage dashboard(boolean financeLinks) {
        Instant now = clock.instant();
        Map<String, Integer> running = reads.runningByStage();
        List<DashboardPage.StageCount> stages = new ArrayList<>();
        for (CycleStage stage : CycleStage.values()) {
            if (stage != CycleStage.DONE) {
                stages.add(new DashboardPage.StageCount(
                        stage.title(),
                        running.getOrDefault(stage.name(), 0),
                        "/cycles?status=RUNNING&stage=" + stage.name()));
            }
        }
        List<DashboardPage.Ended> finished = reads.endedByStatus().entrySet().stream()
                .map(e ->
                        new DashboardPage.Ended(e.getKey().toLowerCase(), e.getValue(), "/cycles?status=" + e.getKey()))
                .toList();
        List<DashboardPage.Due> due = reads.due(now.plus(DUE_SOON), SHORT_LIST).stream()
                .map(d -> new DashboardPage.Due(
                        d.id(),
                        d.districtId(),
                        d.stage().title(),
                        format.when(d.deadline()),
                        Format.timeLeft(d.deadline(), now),
                        d.deadline().isBefore(now)))
                .toList();
        List<DashboardPage.Review> reviews = reads.awaitingReview(SHORT_LIST).stream()
                .map(r -> new DashboardPage.Review(r.cycleId(), r.name(), "/cycles/" + r.cycleId() + "#nominees"))
                .toList();
        // two approvals certify; a third that raced in before the stage moved on is not shown as "3 of 2"
        List<DashboardPage.Certification> certifications = approvals.awaiting(SHORT_LIST).stream()
                .map(a -> new DashboardPage.Certification(a.cycleId(), Math.min(2, a.approvals())))
                .toList();
        int deadLetters = reads.deadLetters();
        DashboardReadModel.Run run = reads.lastReconciliation().orElse(null);
        List<DashboardPage.ReconciliationException> exceptions = run == null
                ? List.of()
                : reads.exceptions(run.id(), SHORT_LIST).stream()
                        .map(e -> exception(e, financeLinks))
                        .toList();
        return new DashboardPage(
                "Dashboard",
                stages,
                finished,
                !finished.isEmpty(),
                due,
                !due.isEmpty(),
                "7 days",
                reviews,
                reads.awaitingReviewCount(),
                !reviews.isEmpty(),
                certifications,
                !certifications.isEmpty(),
                reads.failedUnanswered(SHORT_LIST).stream()
                        .map(f -> new DashboardPage.Failed(
                                f.cycleId(), f.districtId(), f.reason(), "/districts/" + f.districtId() + "/launch"))
                        .toList(),
                deadLetters,
                deadLetters > 0,
                run == null ? null : new DashboardPage.Reconciliation(run.id(), format.when(run.finished())),
                exceptions,
                exceptions.stream()
                        .mapToInt(DashboardPage.ReconciliationException::count)
                        .sum(),
                !exceptions.isEmpty());
    }

    private static DashboardPage.ReconciliationException exception(
            DashboardReadModel.ExceptionCount e, boolean financeLinks) {
        Long fundraiser = e.fundraiserId();
        return new DashboardPage.ReconciliationException(
                e.kind().toLowerCase().replace('_', ' '),
                e.count(),
                fundraiser != null && financeLinks ? "/finance/fundraisers/" + fundraiser : null,
                fundraiser != null ? "fundraiser #" + fundraiser : "not tied to a fundraiser");
    }
}
