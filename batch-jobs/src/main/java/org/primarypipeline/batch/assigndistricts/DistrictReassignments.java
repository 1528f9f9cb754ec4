package org.primarypipeline.batch.assigndistricts;

import java.time.Instant;
import java.util.Optional;
import org.primarypipeline.core.geo.DistrictPlans;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Re-assigns every supporter to a plan in one batch job and makes it the current plan; reports how many
 * moved. What the command line and the benchmark call.
 */
@Component
public class DistrictReassignments {

    /** One re-assignment as recorded in {@code district_reassignment}. */
    public record Reassignment(
            long id,
            String fromPlan,
            String toPlan,
            String status,
            long supporters,
            long moved,
            long newlyAssigned,
            long unassigned,
            long provisional,
            long keptConfirmed,
            long membershipsMoved,
            Instant startedAt,
            Instant finishedAt) {}

    /** @param failure Spring Batch's reason when the job did not complete */
    public record Outcome(Reassignment reassignment, String batchStatus, String failure) {}

    private final JobLauncher launcher;
    private final Job job;
    private final JdbcClient jdbc;

    public DistrictReassignments(JobLauncher launcher, @Qualifier("assignDistrictsJob") Job job, JdbcClient jdbc) {
        this.launcher = launcher;
        this.job = job;
        this.jdbc = jdbc;
    }

    /** Runs the job to its end; a re-assignment to the same plan whose job failed is resumed. */
    public Outcome reassign(String planId) {
        if (!DistrictPlans.known().contains(planId)) {
            throw new IllegalArgumentException(
                    "unknown district plan " + planId + "; known: " + String.join(", ", DistrictPlans.known()));
        }
        DistrictPlans.load(planId);
        jdbc.sql("insert into district_plan (id, name) values (?, ?) on conflict (id) do nothing")
                .params(planId, DistrictPlans.load(planId).name())
                .update();
        long id = jdbc.sql(
                        "select id from district_reassignment where to_plan_id = ? and status = 'FAILED' order by id desc limit 1")
                .param(planId)
                .query(Long.class)
                .optional()
                .orElseGet(() -> jdbc.sql("""
                        insert into district_reassignment (from_plan_id, to_plan_id)
                        values ((select id from district_plan where is_current), ?) returning id
                        """).param(planId).query(Long.class).single());
        JobExecution execution;
        try {
            execution = launcher.run(
                    job,
                    new JobParametersBuilder()
                            .addLong(AssignDistrictsJobConfiguration.REASSIGNMENT_ID, id)
                            .toJobParameters());
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the re-assignment: " + e.getMessage(), e);
        }
        String failure = execution.getAllFailureExceptions().stream()
                .map(Throwable::getMessage)
                .findFirst()
                .orElse(null);
        return new Outcome(find(id).orElseThrow(), execution.getStatus().name(), failure);
    }

    public Optional<Reassignment> find(long id) {
        return jdbc.sql("select * from district_reassignment where id = ?")
                .param(id)
                .query((rs, n) -> new Reassignment(
                        rs.getLong("id"),
                        rs.getString("from_plan_id"),
                        rs.getString("to_plan_id"),
                        rs.getString("status"),
                        rs.getLong("supporters"),
                        rs.getLong("moved"),
                        rs.getLong("newly_assigned"),
                        rs.getLong("unassigned"),
                        rs.getLong("provisional"),
                        rs.getLong("kept_confirmed"),
                        rs.getLong("memberships_moved"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("finished_at") == null
                                ? null
                                : rs.getTimestamp("finished_at").toInstant()))
                .optional();
    }
}
