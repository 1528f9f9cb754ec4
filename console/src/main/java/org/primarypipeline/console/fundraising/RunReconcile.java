package org.primarypipeline.console.fundraising;

import java.time.Clock;
import org.primarypipeline.batch.reconcile.ReconcileJobConfiguration;
import org.primarypipeline.console.audit.AuditEntry;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/** Reconciles the ledger with Stripe now, on a finance volunteer's request. */
@Service
public class RunReconcile {

    /** How the run ended. */
    public record Run(String status, String exit) {}

    private final JobLauncher launcher;
    private final Job reconcile;
    private final Clock clock;
    private final Permissions permissions;
    private final AuditLog audit;

    public RunReconcile(
            JobLauncher launcher,
            @Qualifier("reconcileJob") Job reconcile,
            Clock clock,
            Permissions permissions,
            AuditLog audit) {
        this.launcher = launcher;
        this.reconcile = reconcile;
        this.clock = clock;
        this.permissions = permissions;
        this.audit = audit;
    }

    public Run perform(StaffUser who) throws Exception {
        permissions.require(who, Right.SIGN_OFF_FINANCE, "finance.reconcile", "");
        JobExecution execution = launcher.run(
                reconcile,
                new JobParametersBuilder()
                        .addString(
                                ReconcileJobConfiguration.RUN, clock.instant().toString())
                        .toJobParameters());
        audit.record(
                who.getUsername(),
                who.role().label(),
                "finance.reconcile",
                "run " + execution.getId(),
                AuditEntry.Outcome.DONE,
                "reconcile " + execution.getStatus().name().toLowerCase(),
                null,
                null);
        return new Run(execution.getStatus().name(), execution.getExitStatus().getExitDescription());
    }
}
