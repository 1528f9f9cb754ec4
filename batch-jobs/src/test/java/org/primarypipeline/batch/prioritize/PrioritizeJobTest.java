package org.primarypipeline.batch.prioritize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.primarypipeline.testing.ActivitiesContext;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/** The prioritize job end to end on a real PostgreSQL, with the bundled plan and House members. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrioritizeJobTest {

    private ActivitiesContext db;

    @BeforeAll
    void database() {
        db = ActivitiesContext.start();
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void everyDistrictGetsAScoreRankPathAndExplanationAndSupportersMoveTheRanking() throws Exception {
        JobExecution first = run("");
        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long run = first.getId();
        JdbcClient jdbc = db.jdbc();
        assertThat(jdbc.sql("select count(*) from district_priority where run_id = ?")
                        .param(run)
                        .query(Integer.class)
                        .single())
                .isEqualTo(435);
        assertThat(jdbc.sql("""
                select count(*) from district_priority where run_id = ? and rank between 1 and 435
                  and path <> '' and path_reason <> '' and explanation <> ''
                """).param(run).query(Integer.class).single()).isEqualTo(435);
        assertThat(jdbc.sql("select count(distinct rank) from district_priority where run_id = ?")
                        .param(run)
                        .query(Integer.class)
                        .single())
                .isEqualTo(435);
        // vacant seats and redrawn districts are labelled, not silently zero
        assertThat(jdbc.sql("select gaps from district_priority where run_id = ? and district_id = 'TX-23'")
                        .param(run)
                        .query(String.class)
                        .single())
                .containsIgnoringCase("vacan");

        // a mid-table district where our group grows to 5,000 members climbs
        String district = jdbc.sql("select district_id from district_priority where run_id = ? and rank = 200")
                .param(run)
                .query(String.class)
                .single();
        int before = rankOf(run, district);
        jdbc.sql(
                        "insert into member (full_name, email) select 'M' || g, 'm' || g || '@example.org' from generate_series(1, 5000) g")
                .update();
        jdbc.sql("""
                insert into group_membership (group_id, member_id)
                select g.id, m.id from district_group g, member m where g.district_id = ? and m.email like 'm%@example.org'
                """).param(district).update();
        JobExecution second = run("");
        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(rankOf(second.getId(), district)).isLessThan(before);
        assertThat(new PriorityRanking(jdbc).latestRun()).contains(second.getId());
        List<PriorityRanking.Row> top = new PriorityRanking(jdbc).top(20, 0);
        assertThat(top).hasSize(20).extracting(PriorityRanking.Row::rank).startsWith(1, 2, 3);
    }

    private int rankOf(long run, String district) {
        return db.jdbc()
                .sql("select rank from district_priority where run_id = ? and district_id = ?")
                .params(run, district)
                .query(Integer.class)
                .single();
    }

    private JobExecution run(String weights) throws Exception {
        try (AnnotationConfigApplicationContext batch = new AnnotationConfigApplicationContext()) {
            batch.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("test", java.util.Map.of("pp.prioritize.weights", weights)));
            // the shared database outlives this context: no destroy method
            batch.registerBean("dataSource", DataSource.class, db::dataSource, bd -> bd.setDestroyMethodName(""));
            batch.register(BatchWiring.class);
            batch.refresh();
            return batch.getBean(JobLauncher.class)
                    .run(
                            batch.getBean("prioritizeJob", Job.class),
                            new JobParametersBuilder()
                                    .addLong("at", System.nanoTime())
                                    .toJobParameters());
        }
    }

    @Configuration
    @EnableBatchProcessing
    @Import({PrioritizeJobConfiguration.class, SupporterStrengths.class})
    static class BatchWiring {
        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new JdbcTransactionManager(dataSource);
        }

        @Bean
        JdbcClient jdbcClient(DataSource dataSource) {
            return JdbcClient.create(dataSource);
        }
    }
}
