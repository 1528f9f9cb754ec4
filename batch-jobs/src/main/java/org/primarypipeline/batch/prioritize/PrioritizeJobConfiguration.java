package org.primarypipeline.batch.prioritize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.priority.DistrictFacts;
import org.primarypipeline.core.priority.DistrictPriority;
import org.primarypipeline.core.priority.PriorityModel;
import org.primarypipeline.core.priority.PriorityWeights;
import org.primarypipeline.core.priority.PublicDataFacts;
import org.primarypipeline.core.priority.SupporterStrength;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.ItemProcessor;
import org.springframework.batch.item.database.JdbcBatchItemWriter;
import org.springframework.batch.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.batch.item.support.ListItemReader;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code prioritize} job: scores every district of the current plan with the model in core and the
 * configured weights, then ranks them. Steps: open the run, score (chunks of districts), rank.
 * A failed run is simply run again: each run writes under its own id and only a completed run is shown.
 */
@Configuration(proxyBeanMethods = false)
public class PrioritizeJobConfiguration {

    public static final String JOB = "prioritize";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Bean
    Job prioritizeJob(JobRepository jobs, Step openPriorityRun, Step scoreDistricts, Step rankDistricts) {
        return new JobBuilder(JOB, jobs)
                .start(openPriorityRun)
                .next(scoreDistricts)
                .next(rankDistricts)
                .build();
    }

    @Bean
    Step openPriorityRun(
            JobRepository jobs,
            PlatformTransactionManager tx,
            JdbcClient jdbc,
            @Value("${pp.prioritize.weights:}") String weights) {
        return new StepBuilder("open-priority-run", jobs)
                .tasklet(
                        (contribution, chunk) -> {
                            long run = chunk.getStepContext().getStepExecution().getJobExecutionId();
                            jdbc.sql("""
                    insert into priority_run (id, plan_id, weights)
                    select ?, id, cast(? as jsonb) from district_plan where is_current
                    on conflict (id) do nothing
                    """)
                                    .params(
                                            run,
                                            json(PriorityWeights.parse(weights).asMap()))
                                    .update();
                            return RepeatStatus.FINISHED;
                        },
                        tx)
                .build();
    }

    @Bean
    Step scoreDistricts(
            JobRepository jobs,
            PlatformTransactionManager tx,
            ListItemReader<DistrictFacts> districtFacts,
            ItemProcessor<DistrictFacts, DistrictPriority> scoring,
            JdbcBatchItemWriter<DistrictPriority> priorityWriter) {
        return new StepBuilder("score-districts", jobs)
                .<DistrictFacts, DistrictPriority>chunk(100, tx)
                .reader(districtFacts)
                .processor(scoring)
                .writer(priorityWriter)
                .build();
    }

    @Bean
    Step rankDistricts(JobRepository jobs, PlatformTransactionManager tx, JdbcClient jdbc) {
        return new StepBuilder("rank-districts", jobs)
                .tasklet(
                        (contribution, chunk) -> {
                            long run = chunk.getStepContext().getStepExecution().getJobExecutionId();
                            jdbc.sql("""
                    update district_priority p set rank = r.rank
                    from (select district_id, row_number() over (order by score desc, district_id) as rank
                          from district_priority where run_id = ?) r
                    where p.run_id = ? and p.district_id = r.district_id
                    """).params(run, run).update();
                            jdbc.sql("update priority_run set completed_at = now() where id = ?")
                                    .param(run)
                                    .update();
                            return RepeatStatus.FINISHED;
                        },
                        tx)
                .build();
    }

    @Bean
    @StepScope
    ListItemReader<DistrictFacts> districtFacts() {
        return new ListItemReader<>(List.copyOf(PublicDataFacts.plan2026()));
    }

    @Bean
    @StepScope
    ItemProcessor<DistrictFacts, DistrictPriority> scoring(
            SupporterStrengths strengths, @Value("${pp.prioritize.weights:}") String weights) {
        PriorityModel model = new PriorityModel(PriorityWeights.parse(weights));
        Map<DistrictId, SupporterStrength> strength = strengths.ofCurrentPlan();
        return facts -> model.assess(facts, strength.getOrDefault(facts.district(), SupporterStrength.NONE));
    }

    @Bean
    @StepScope
    JdbcBatchItemWriter<DistrictPriority> priorityWriter(
            DataSource dataSource, SupporterStrengths strengths, @Value("#{stepExecution.jobExecutionId}") Long run) {
        Map<DistrictId, SupporterStrength> strength = strengths.ofCurrentPlan();
        return new JdbcBatchItemWriterBuilder<DistrictPriority>()
                .dataSource(dataSource)
                .sql("""
                        insert into district_priority (run_id, district_id, score, path, path_reason, primary_win, general_win,
                            expected_cost_dollars, lean, supporters, group_members, contributions, gaps, explanation)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
                        on conflict (run_id, district_id) do nothing
                        """)
                .itemPreparedStatementSetter((p, ps) -> {
                    SupporterStrength s = strength.getOrDefault(p.district(), SupporterStrength.NONE);
                    ps.setLong(1, run);
                    ps.setString(2, p.district().toString());
                    ps.setDouble(3, p.score());
                    ps.setString(4, p.path().label());
                    ps.setString(5, p.pathReason());
                    ps.setDouble(6, p.primaryWin());
                    ps.setDouble(7, p.generalWin());
                    ps.setLong(8, p.expectedCostDollars());
                    ps.setString(9, p.lean());
                    ps.setLong(10, s.supporters());
                    ps.setLong(11, s.groupMembers());
                    ps.setString(12, json(p.contributions()));
                    ps.setArray(
                            13,
                            ps.getConnection().createArrayOf("text", p.gaps().toArray()));
                    ps.setString(14, p.explanation());
                })
                .assertUpdates(false)
                .build();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
