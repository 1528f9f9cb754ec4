package org.primarypipeline.batch.assigndistricts;

import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.primarypipeline.activities.supporter.DistrictPlanStore;
import org.primarypipeline.core.geo.AssignmentSource;
import org.primarypipeline.core.geo.DistrictPlan;
import org.primarypipeline.core.geo.DistrictPlans;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.support.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.database.JdbcPagingItemReader;
import org.springframework.batch.item.database.Order;
import org.springframework.batch.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code assignDistricts} job, for one {@code district_reassignment} (job parameter
 * {@code reassignment.id}): puts every supporter in a district of the target plan and makes it current.
 * <ol>
 *   <li>{@code reassign-prepare}: loads the plan's districts and groups, creates the run's staging table;</li>
 *   <li>{@code reassign-locate}: partitions of member ids are read page by page (keyset paging on the
 *       primary key), located on the plan and copied into the staging table;</li>
 *   <li>{@code reassign-apply}: one transaction rewrites the changed assignments, counts the moves, moves
 *       joined members' group memberships and switches the current plan. Ballots and frozen electorates
 *       are never touched: a closed round stays as it was counted.</li>
 * </ol>
 * <b>Skip rules:</b> none; every supporter gets a district or the reason they have none, and a failure
 * fails the step. <b>Restart:</b> each partition resumes after its last committed page; the apply step
 * runs whole or not at all.
 */
@Configuration(proxyBeanMethods = false)
public class AssignDistrictsJobConfiguration {

    public static final String JOB = "assignDistricts";
    public static final String REASSIGNMENT_ID = "reassignment.id";

    static String staging(long id) {
        return "reassign_staging_" + id;
    }

    @Bean
    Job assignDistrictsJob(JobRepository jobs, Step reassignPrepare, Step reassignLocate, Step reassignApply,
                           JdbcClient jdbc) {
        return new JobBuilder(JOB, jobs)
                .listener(new JobExecutionListener() {
                    @Override
                    public void afterJob(JobExecution execution) {
                        if (execution.getStatus() != BatchStatus.COMPLETED) {
                            jdbc.sql("update district_reassignment set status = 'FAILED', finished_at = now() where id = ?")
                                    .param(execution.getJobParameters().getLong(REASSIGNMENT_ID)).update();
                        }
                    }
                })
                .start(reassignPrepare).next(reassignLocate).next(reassignApply).build();
    }

    @Bean
    Step reassignPrepare(JobRepository jobs, PlatformTransactionManager tx, JdbcClient jdbc, DistrictPlanStore plans) {
        return new StepBuilder("reassign-prepare", jobs).tasklet((contribution, chunk) -> {
            long id = chunk.getStepContext().getStepExecution().getJobParameters().getLong(REASSIGNMENT_ID);
            plans.ensure(DistrictPlans.load(targetPlan(jdbc, id)));
            jdbc.sql("update district_reassignment set status = 'RUNNING', finished_at = null where id = ?").param(id).update();
            // unlogged: the staging rows are rebuilt from member if the database crashes mid-run
            jdbc.sql("create unlogged table if not exists " + staging(id) + " (member_id bigint primary key, before text,"
                    + " district_id text, source text, provisional boolean, reason text)").update();
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    @Bean
    Step reassignLocate(JobRepository jobs, Step reassignLocateWorker, Partitioner reassignPartitioner,
                        @Value("${pp.reassign.partitions:0}") int partitions) {
        int grid = partitions > 0 ? partitions : Runtime.getRuntime().availableProcessors();
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("reassign-");
        executor.setConcurrencyLimit(grid);
        return new StepBuilder("reassign-locate", jobs)
                .partitioner("reassign-locate-worker", reassignPartitioner)
                .step(reassignLocateWorker).gridSize(grid).taskExecutor(executor).build();
    }

    /** Equal ranges of member ids. */
    @Bean
    Partitioner reassignPartitioner(JdbcClient jdbc) {
        return grid -> {
            long[] bounds = jdbc.sql("select coalesce(min(id), 0), coalesce(max(id), 0) from member")
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
            long span = bounds[1] - bounds[0] + 1;
            Map<String, ExecutionContext> parts = new HashMap<>();
            for (int p = 0; p < grid; p++) {
                ExecutionContext c = new ExecutionContext();
                c.putLong("from", bounds[0] + span * p / grid);
                c.putLong("to", bounds[0] + span * (p + 1) / grid - 1);
                parts.put("partition" + p, c);
            }
            return parts;
        };
    }

    @Bean
    Step reassignLocateWorker(JobRepository jobs, PlatformTransactionManager tx,
                              JdbcPagingItemReader<SupporterPlace> reassignReader, ReassignProcessor reassignProcessor,
                              ReassignWriter reassignWriter, @Value("${pp.reassign.chunk-size:10000}") int chunkSize) {
        return new StepBuilder("reassign-locate-worker", jobs)
                .<SupporterPlace, Reassigned>chunk(chunkSize, tx)
                .reader(reassignReader).processor(reassignProcessor).writer(reassignWriter)
                .build();
    }

    @Bean
    @StepScope
    JdbcPagingItemReader<SupporterPlace> reassignReader(DataSource dataSource,
                                                        @Value("#{stepExecutionContext['from']}") Long from,
                                                        @Value("#{stepExecutionContext['to']}") Long to,
                                                        @Value("${pp.reassign.chunk-size:10000}") int pageSize) {
        return new JdbcPagingItemReaderBuilder<SupporterPlace>()
                .name("reassign-reader")
                .dataSource(dataSource)
                // a member who joined a group on the web without an address has their group's district
                .selectClause("""
                        select id, latitude, longitude, zip, district_plan_id, district_source,
                               coalesce(district_id, (select g.district_id from group_membership gm
                                   join district_group g on g.id = gm.group_id join district_plan p on p.id = g.plan_id and p.is_current
                                   where gm.member_id = member.id and gm.left_at is null limit 1)) as district""")
                .fromClause("from member")
                .whereClause("where id between :from and :to")
                .parameterValues(Map.of("from", from, "to", to))
                .sortKeys(Map.of("id", Order.ASCENDING))
                .pageSize(pageSize)
                .rowMapper((rs, n) -> {
                    double lat = rs.getDouble("latitude");
                    boolean noPoint = rs.wasNull();
                    double lon = rs.getDouble("longitude");
                    String zip = rs.getString("zip");
                    String source = rs.getString("district_source");
                    return new SupporterPlace(rs.getLong("id"), noPoint ? Double.NaN : lat, noPoint ? Double.NaN : lon,
                            zip == null ? -1 : Integer.parseInt(zip.trim()), rs.getString("district_plan_id"),
                            rs.getString("district"), source == null ? null : AssignmentSource.valueOf(source));
                })
                .build();
    }

    @Bean
    @StepScope
    ReassignProcessor reassignProcessor(@Value("#{jobParameters['" + REASSIGNMENT_ID + "']}") Long id, JdbcClient jdbc) {
        DistrictPlan plan = DistrictPlans.load(targetPlan(jdbc, id));
        return new ReassignProcessor(plan);
    }

    @Bean
    @StepScope
    ReassignWriter reassignWriter(@Value("#{jobParameters['" + REASSIGNMENT_ID + "']}") Long id, DataSource dataSource) {
        return new ReassignWriter(dataSource, staging(id));
    }

    @Bean
    Step reassignApply(JobRepository jobs, PlatformTransactionManager tx, JdbcClient jdbc, DistrictPlanStore plans) {
        return new StepBuilder("reassign-apply", jobs).tasklet((contribution, chunk) -> {
            long id = chunk.getStepContext().getStepExecution().getJobParameters().getLong(REASSIGNMENT_ID);
            String plan = targetPlan(jdbc, id);
            String staging = staging(id);
            jdbc.sql("analyze " + staging).update();
            // members who joined a group on the web have no joined_at yet; they follow their district too
            jdbc.sql("""
                    update member m set joined_at = gm.joined_at from group_membership gm
                    where gm.member_id = m.id and gm.left_at is null and m.joined_at is null
                    """).update();
            long[] counts = jdbc.sql("""
                    select count(*),
                           count(*) filter (where before is not null and district_id is not null and before <> district_id),
                           count(*) filter (where before is null and district_id is not null),
                           count(*) filter (where district_id is null),
                           count(*) filter (where provisional)
                    from %s
                    """.formatted(staging)).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3),
                            rs.getLong(4), rs.getLong(5)}).single();
            long kept = jdbc.sql("""
                    select count(*) from member where district_plan_id = ? and district_source in ('MEMBER_CONFIRMED', 'STAFF')
                    """).param(plan).query(Long.class).single();
            // unchanged rows are left alone: re-running on the same plan rewrites nothing
            jdbc.sql("""
                    update member m set district_plan_id = ?, district_id = s.district_id, district_source = s.source,
                        district_provisional = s.provisional, district_reason = s.reason, district_assigned_at = now()
                    from %s s
                    where m.id = s.member_id
                      and (m.district_plan_id, m.district_id, m.district_source, m.district_provisional, m.district_reason)
                          is distinct from (?, s.district_id, s.source, s.provisional, s.reason)
                    """.formatted(staging)).params(plan, plan).update();
            // the statistics still describe the old plan: without them the joins below go row by row
            jdbc.sql("analyze member").update();
            jdbc.sql("analyze group_membership").update();
            jdbc.sql("""
                    update group_membership gm set left_at = now()
                    from district_group g, member m
                    where g.id = gm.group_id and m.id = gm.member_id and gm.left_at is null
                      and (g.plan_id <> ? or m.district_plan_id is distinct from ? or m.district_id is distinct from g.district_id)
                    """).params(plan, plan).update();
            long moved = jdbc.sql("""
                    insert into group_membership (group_id, member_id)
                    select g.id, m.id from member m
                    join district_group g on g.plan_id = m.district_plan_id and g.district_id = m.district_id
                    where m.district_plan_id = ? and m.joined_at is not null
                      and not exists (select 1 from group_membership o where o.group_id = g.id and o.member_id = m.id and o.left_at is null)
                    on conflict (group_id, member_id) do update set left_at = null, joined_at = now()
                    """).param(plan).update();
            plans.makeCurrent(plan);
            jdbc.sql("""
                    update district_reassignment set status = 'COMPLETED', finished_at = now(), supporters = ?, moved = ?,
                        newly_assigned = ?, unassigned = ?, provisional = ?, kept_confirmed = ?, memberships_moved = ?
                    where id = ?
                    """).params(counts[0] + kept, counts[1], counts[2], counts[3], counts[4], kept, moved, id).update();
            jdbc.sql("drop table " + staging).update();
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    private static String targetPlan(JdbcClient jdbc, long id) {
        return jdbc.sql("select to_plan_id from district_reassignment where id = ?").param(id).query(String.class)
                .optional().orElseThrow(() -> new IllegalArgumentException("no re-assignment " + id));
    }
}
