package org.primarypipeline.batch.assigndistricts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.primarypipeline.core.geo.AssignmentSource;
import org.primarypipeline.core.geo.DistrictPlan;
import org.primarypipeline.core.geo.DistrictPlans;
import org.primarypipeline.supporters.DistrictPlanStore;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.support.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.database.JdbcCursorItemReader;
import org.springframework.batch.item.database.builder.JdbcCursorItemReaderBuilder;
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
 *   <li>{@code reassign-prepare}: loads the plan's districts and groups;</li>
 *   <li>{@code reassign-locate}: partitions of member ids are read with a cursor each, located on the plan,
 *       and each chunk's changed districts are rewritten in its own transaction, counting the moves;</li>
 *   <li>{@code reassign-apply}: one transaction moves joined members' group memberships and switches the
 *       current plan, so groups change all at once. Ballots and frozen electorates are never touched: a
 *       closed round stays as it was counted.</li>
 * </ol>
 * <b>Skip rules:</b> none; every supporter gets a district or the reason they have none, and a failure
 * fails the step. <b>Restart:</b> each partition resumes after its last committed chunk (until then a
 * supporter's row may already show the new plan while groups still follow the old one); the apply step
 * runs whole or not at all.
 */
@Configuration(proxyBeanMethods = false)
public class AssignDistrictsJobConfiguration {

    public static final String JOB = "assignDistricts";
    public static final String REASSIGNMENT_ID = "reassignment.id";

    @Bean
    Job assignDistrictsJob(
            JobRepository jobs, Step reassignPrepare, Step reassignLocate, Step reassignApply, JdbcClient jdbc) {
        return new JobBuilder(JOB, jobs)
                .listener(new JobExecutionListener() {
                    @Override
                    public void afterJob(JobExecution execution) {
                        if (execution.getStatus() != BatchStatus.COMPLETED) {
                            jdbc.sql(
                                            "update district_reassignment set status = 'FAILED', finished_at = now() where id = ?")
                                    .param(execution.getJobParameters().getLong(REASSIGNMENT_ID))
                                    .update();
                        }
                    }
                })
                .start(reassignPrepare)
                .next(reassignLocate)
                .next(reassignApply)
                .build();
    }

    @Bean
    Step reassignPrepare(JobRepository jobs, PlatformTransactionManager tx, JdbcClient jdbc, DistrictPlanStore plans) {
        return new StepBuilder("reassign-prepare", jobs)
                .tasklet(
                        (contribution, chunk) -> {
                            long id = chunk.getStepContext()
                                    .getStepExecution()
                                    .getJobParameters()
                                    .getLong(REASSIGNMENT_ID);
                            plans.ensure(DistrictPlans.load(targetPlan(jdbc, id)));
                            jdbc.sql(
                                            "update district_reassignment set status = 'RUNNING', finished_at = null where id = ?")
                                    .param(id)
                                    .update();
                            return RepeatStatus.FINISHED;
                        },
                        tx)
                .build();
    }

    @Bean
    Step reassignLocate(
            JobRepository jobs,
            Step reassignLocateWorker,
            Partitioner reassignPartitioner,
            @Value("${pp.reassign.partitions:0}") int partitions) {
        int grid = partitions > 0 ? partitions : Runtime.getRuntime().availableProcessors();
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("reassign-");
        executor.setConcurrencyLimit(grid);
        return new StepBuilder("reassign-locate", jobs)
                .partitioner("reassign-locate-worker", reassignPartitioner)
                .step(reassignLocateWorker)
                .gridSize(grid)
                .taskExecutor(executor)
                .build();
    }

    /** Equal ranges of member ids. */
    @Bean
    Partitioner reassignPartitioner(JdbcClient jdbc) {
        return grid -> {
            long[] bounds = jdbc.sql("select coalesce(min(id), 0), coalesce(max(id), 0) from member")
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .single();
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
    Step reassignLocateWorker(
            JobRepository jobs,
            PlatformTransactionManager tx,
            PlaceBlockReader reassignReader,
            ReassignProcessor reassignProcessor,
            ReassignWriter reassignWriter,
            @Value("${pp.reassign.chunk-size:10000}") int chunkSize,
            @Value("${pp.reassign.block-size:500}") int blockSize) {
        int block = Math.max(1, Math.min(chunkSize, blockSize));
        return new StepBuilder("reassign-locate-worker", jobs)
                .<List<SupporterPlace>, List<Reassigned>>chunk(Math.max(1, chunkSize / block), tx)
                .reader(reassignReader)
                .processor(reassignProcessor)
                .writer(reassignWriter)
                .build();
    }

    /**
     * One cursor per partition, streamed in batches: a single scan of the id range rather than a query per
     * page. On restart the reader passes over the rows its committed chunks already handled.
     */
    @Bean
    @StepScope
    PlaceBlockReader reassignReader(
            DataSource dataSource,
            @Value("#{stepExecutionContext['from']}") Long from,
            @Value("#{stepExecutionContext['to']}") Long to,
            @Value("${pp.reassign.chunk-size:10000}") int chunkSize,
            @Value("${pp.reassign.block-size:500}") int blockSize) {
        return new PlaceBlockReader(cursor(dataSource, from, to), Math.max(1, Math.min(chunkSize, blockSize)));
    }

    private static JdbcCursorItemReader<SupporterPlace> cursor(DataSource dataSource, long from, long to) {
        return new JdbcCursorItemReaderBuilder<SupporterPlace>()
                .name("reassign-reader")
                .dataSource(dataSource)
                .connectionAutoCommit(false)
                .fetchSize(10_000)
                // a member who joined a group on the web without an address has their group's district
                .sql("""
                        select id, latitude, longitude, zip, district_plan_id, district_source,
                               coalesce(district_id, (select g.district_id from group_membership gm
                                   join district_group g on g.id = gm.group_id join district_plan p on p.id = g.plan_id and p.is_current
                                   where gm.member_id = member.id and gm.left_at is null limit 1))
                        from member where id between ? and ? order by id""")
                .preparedStatementSetter(ps -> {
                    ps.setLong(1, from);
                    ps.setLong(2, to);
                })
                .rowMapper((rs, n) -> {
                    double lat = rs.getDouble(2);
                    boolean noPoint = rs.wasNull();
                    double lon = rs.getDouble(3);
                    String zip = rs.getString(4);
                    String source = rs.getString(6);
                    return new SupporterPlace(
                            rs.getLong(1),
                            noPoint ? Double.NaN : lat,
                            noPoint ? Double.NaN : lon,
                            zip == null ? -1 : Integer.parseInt(zip.trim()),
                            rs.getString(5),
                            rs.getString(7),
                            source == null ? null : AssignmentSource.valueOf(source));
                })
                .build();
    }

    @Bean
    @StepScope
    ReassignProcessor reassignProcessor(
            @Value("#{jobParameters['" + REASSIGNMENT_ID + "']}") Long id, JdbcClient jdbc) {
        DistrictPlan plan = DistrictPlans.load(targetPlan(jdbc, id));
        return new ReassignProcessor(plan);
    }

    @Bean
    @StepScope
    ReassignWriter reassignWriter(
            @Value("#{jobParameters['" + REASSIGNMENT_ID + "']}") Long id, DataSource dataSource, JdbcClient jdbc) {
        return new ReassignWriter(dataSource, jdbc, targetPlan(jdbc, id));
    }

    @Bean
    Step reassignApply(
            JobRepository jobs,
            PlatformTransactionManager tx,
            JdbcClient jdbc,
            DistrictPlanStore plans,
            JobExplorer explorer) {
        return new StepBuilder("reassign-apply", jobs)
                .tasklet(
                        (contribution, chunk) -> {
                            JobExecution execution =
                                    chunk.getStepContext().getStepExecution().getJobExecution();
                            long id = execution.getJobParameters().getLong(REASSIGNMENT_ID);
                            String plan = targetPlan(jdbc, id);
                            long[] counts = sumPartitions(explorer, execution);
                            long kept =
                                    jdbc.sql("""
                    select count(*) from member where district_plan_id = ? and district_source in ('MEMBER_CONFIRMED', 'STAFF')
                    """).param(plan).query(Long.class).single();
                            // members who joined a group on the web have no joined_at yet; they follow their district
                            // too
                            jdbc.sql("""
                    update member m set joined_at = gm.joined_at from group_membership gm
                    where gm.member_id = m.id and gm.left_at is null and m.joined_at is null
                    """).update();
                            // the statistics still describe the old plan: without them the joins below go row by row
                            jdbc.sql("analyze member").update();
                            jdbc.sql("analyze group_membership").update();
                            jdbc.sql("""
                    update group_membership gm set left_at = now()
                    from district_group g, member m
                    where g.id = gm.group_id and m.id = gm.member_id and gm.left_at is null
                      and (g.plan_id <> ? or m.district_plan_id is distinct from ? or m.district_id is distinct from g.district_id)
                    """).params(plan, plan).update();
                            long memberships = jdbc.sql("""
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
                    """)
                                    .params(
                                            counts[0] + kept,
                                            counts[1],
                                            counts[2],
                                            counts[3],
                                            counts[4],
                                            kept,
                                            memberships,
                                            id)
                                    .update();
                            return RepeatStatus.FINISHED;
                        },
                        tx)
                .build();
    }

    /** The partitions' counts as saved with their last committed chunk, over every execution of this instance. */
    private static long[] sumPartitions(JobExplorer explorer, JobExecution current) {
        Map<String, StepExecution> latest = new HashMap<>();
        for (JobExecution e : explorer.getJobExecutions(current.getJobInstance())) {
            for (StepExecution s : explorer.getJobExecution(e.getId()).getStepExecutions()) {
                if (s.getStepName().startsWith("reassign-locate-worker:")) {
                    latest.merge(s.getStepName(), s, (a, b) -> a.getId() > b.getId() ? a : b);
                }
            }
        }
        long[] sums = new long[5];
        String[] keys = {"supporters", "moved", "newlyAssigned", "unassigned", "provisional"};
        for (StepExecution s : latest.values()) {
            for (int i = 0; i < keys.length; i++) {
                sums[i] += s.getExecutionContext().getLong(ReassignWriter.COUNTS + keys[i], 0);
            }
        }
        return sums;
    }

    private static String targetPlan(JdbcClient jdbc, long id) {
        return jdbc.sql("select to_plan_id from district_reassignment where id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("no re-assignment " + id));
    }
}
