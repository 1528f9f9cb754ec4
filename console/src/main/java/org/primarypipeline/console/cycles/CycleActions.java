package org.primarypipeline.console.cycles;

import java.time.Duration;
import java.util.function.Supplier;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.vetting.CandidacyRepository;
import org.primarypipeline.vetting.VettingDecision;
import org.primarypipeline.workflows.cycle.CycleView;
import org.primarypipeline.workflows.cycle.StaffAction;
import org.primarypipeline.workflows.cycle.Withdrawal;
import org.springframework.stereotype.Service;

/**
 * Every staff action on a cycle, one method each: check the role, make the change (the workflow's
 * update validators decide whether it fits the stage), write the audit entry with the state before
 * and after. The REST API and the console pages both call these, so a rule lives in one place.
 *
 * <p>The acting name is always the signed-in account's: the workflow's four-eyes rule compares
 * these names, so nobody can certify twice by naming themselves differently.
 */
@Service
public class CycleActions {

    private static final Duration MOVE_WAIT = Duration.ofSeconds(15);

    private final CycleService cycles;
    private final CandidacyRepository candidacies;
    private final Permissions permissions;
    private final AuditLog audit;

    public CycleActions(CycleService cycles, CandidacyRepository candidacies, Permissions permissions, AuditLog audit) {
        this.cycles = cycles;
        this.candidacies = candidacies;
        this.permissions = permissions;
        this.audit = audit;
    }

    public CycleRecord launch(StaffUser who, LaunchOrder order) {
        String district =
                order.district() == null ? "" : order.district().trim().toUpperCase();
        permissions.require(who, Right.STEER_CYCLES, "cycle.launch", district);
        try {
            CycleSettings settings = order.settings();
            CycleRecord cycle = cycles.launch(district, settings, who.getUsername());
            audit.record(
                    who.getUsername(),
                    who.role().label(),
                    "cycle.launch",
                    cycle.id(),
                    Outcome.DONE,
                    "launched " + cycle.id() + ": " + cycle.stage().title().toLowerCase() + " until "
                            + cycle.stageDeadline(),
                    null,
                    cycle);
            return cycle;
        } catch (IllegalArgumentException | IllegalStateException e) {
            audit.record(
                    who.getUsername(),
                    who.role().label(),
                    "cycle.launch",
                    district,
                    Outcome.REFUSED,
                    e.getMessage(),
                    null,
                    null);
            throw e;
        }
    }

    public String review(
            StaffUser who, String cycleId, long candidacyId, VettingDecision.Verdict verdict, String reason) {
        return review(who, cycleId, candidacyId, verdict, reason, null);
    }

    /** A decision with the checklist items the staff member ticked (null: none now). */
    public String review(
            StaffUser who,
            String cycleId,
            long candidacyId,
            VettingDecision.Verdict verdict,
            String reason,
            org.primarypipeline.vetting.ReviewChecklist checklist) {
        return act(who, "cycle.review", cycleId, candidacyId, () -> {
            VettingDecision decision =
                    new VettingDecision(candidacyId, verdict, blankToNull(reason), who.getUsername(), checklist);
            return cycles.act(cycleId, w -> w.review(decision));
        });
    }

    /** Moves the open window's deadline later; a blank extension means one more of the stage's period. */
    public String extend(StaffUser who, String cycleId, String extension, String reason) {
        return act(who, "cycle.extend", cycleId, null, () -> {
            Duration by = ExtensionRequest.check(extension, reason);
            return cycles.act(cycleId, w -> w.extend(new StaffAction(who.getUsername(), blankToNull(reason), by)));
        });
    }

    public String closeWindow(StaffUser who, String cycleId, String reason) {
        return act(
                who,
                "cycle.close",
                cycleId,
                null,
                () -> cycles.act(cycleId, w -> w.closeWindow(StaffAction.by(who.getUsername(), blankToNull(reason)))));
    }

    public String recount(StaffUser who, String cycleId) {
        return act(
                who,
                "cycle.recount",
                cycleId,
                null,
                () -> cycles.act(cycleId, w -> w.recount(StaffAction.by(who.getUsername()))));
    }

    /** One of the two approvals; the workflow refuses a second approval by the same account. */
    public String certify(StaffUser who, String cycleId) {
        return act(
                who,
                "cycle.certify",
                cycleId,
                null,
                () -> cycles.act(cycleId, w -> w.certify(StaffAction.by(who.getUsername()))));
    }

    public String withdraw(StaffUser who, String cycleId, long candidacyId) {
        return act(
                who,
                "cycle.withdraw",
                cycleId,
                candidacyId,
                () -> cycles.act(cycleId, w -> w.withdraw(new Withdrawal(candidacyId, who.getUsername()))));
    }

    public String cancel(StaffUser who, String cycleId, String reason) {
        return act(
                who,
                "cycle.cancel",
                cycleId,
                null,
                () -> cycles.act(cycleId, w -> w.cancel(StaffAction.by(who.getUsername(), blankToNull(reason)))));
    }

    private String act(StaffUser who, String action, String cycleId, Long candidacyId, Supplier<String> change) {
        permissions.require(who, Right.STEER_CYCLES, action, cycleId);
        CycleSnapshot before = null;
        try {
            before = snapshot(cycleId, candidacyId);
            String result = change.get();
            audit.record(
                    who.getUsername(),
                    who.role().label(),
                    action,
                    cycleId,
                    Outcome.DONE,
                    result,
                    before,
                    action.equals("cycle.close") ? moved(cycleId, before) : snapshot(cycleId, candidacyId));
            return result;
        } catch (CycleActionRefused | UnknownCycleException | IllegalArgumentException | IllegalStateException e) {
            audit.record(
                    who.getUsername(),
                    who.role().label(),
                    action,
                    cycleId,
                    Outcome.REFUSED,
                    e.getMessage(),
                    before,
                    null);
            throw e;
        }
    }

    /**
     * A close is answered before the run has moved on (the next stage, or the count, is written by
     * an activity), so the entry's "after" waits a few seconds for the recorded cycle to change.
     */
    private CycleSnapshot moved(String cycleId, CycleSnapshot before) {
        long until = System.nanoTime() + MOVE_WAIT.toNanos();
        CycleSnapshot after = snapshot(cycleId, null);
        while (before != null
                && after.status() == before.status()
                && after.stage() == before.stage()
                && java.util.Objects.equals(after.stageDeadline(), before.stageDeadline())
                && System.nanoTime() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            after = snapshot(cycleId, null);
        }
        return after;
    }

    private CycleSnapshot snapshot(String cycleId, Long candidacyId) {
        CycleRecord cycle = cycles.find(cycleId);
        CycleView live = cycles.view(cycleId).orElse(null);
        return new CycleSnapshot(
                cycle.status(),
                cycle.stage(),
                cycle.stageDeadline(),
                cycle.extensions(),
                live == null
                        ? null
                        : new CycleSnapshot.Live(
                                live.stage(),
                                live.deadline(),
                                live.winnerCandidacyId(),
                                live.certifiedBy(),
                                live.recountMatched()),
                candidacyId == null
                        ? null
                        : candidacies
                                .find(cycleId, candidacyId)
                                .map(c -> new CycleSnapshot.Touched(c.id(), c.fullName(), c.status()))
                                .orElse(null));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
