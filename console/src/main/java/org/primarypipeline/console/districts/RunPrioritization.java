package org.primarypipeline.console.districts;

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

/** Staff run the prioritization again on demand: the right to steer cycles, the run, an audit entry. */
@Service
public class RunPrioritization {

    /** What the run answered: its id and status. */
    public record Run(long run, String status) {}

    private final JobLauncher launcher;
    private final Job prioritize;
    private final Permissions permissions;
    private final AuditLog audit;

    public RunPrioritization(
            JobLauncher launcher, @Qualifier("prioritizeJob") Job prioritize, Permissions permissions, AuditLog audit) {
        this.launcher = launcher;
        this.prioritize = prioritize;
        this.permissions = permissions;
        this.audit = audit;
    }

    public Run perform(StaffUser who) throws Exception {
        permissions.require(who, Right.STEER_CYCLES, "priority.run", "");
        JobExecution execution = launcher.run(
                prioritize,
                new JobParametersBuilder()
                        .addLong("requested", System.currentTimeMillis())
                        .toJobParameters());
        audit.record(
                who.getUsername(),
                who.role().label(),
                "priority.run",
                "run " + execution.getId(),
                AuditEntry.Outcome.DONE,
                "prioritization " + execution.getStatus().name().toLowerCase(),
                null,
                null);
        return new Run(execution.getId(), execution.getStatus().name());
    }
}
