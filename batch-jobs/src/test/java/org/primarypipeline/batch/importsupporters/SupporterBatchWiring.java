package org.primarypipeline.batch.importsupporters;

import java.util.Map;
import javax.sql.DataSource;
import org.primarypipeline.batch.assigndistricts.AssignDistrictsJobConfiguration;
import org.primarypipeline.batch.assigndistricts.DistrictReassignments;
import org.primarypipeline.batch.partitioning.PartitionedSteps;
import org.primarypipeline.supporters.DistrictPlanStore;
import org.primarypipeline.supporters.SupporterDistricts;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/** The supporter jobs wired by Spring Batch over a test database, as the app wires them. */
@Configuration
@EnableBatchProcessing
@Import({
    ImportSupportersJobConfiguration.class,
    ImportRuns.class,
    ImportRunContext.class,
    SupporterImports.class,
    PartitionedSteps.class,
    AssignDistrictsJobConfiguration.class,
    DistrictReassignments.class,
    DistrictPlanStore.class,
    SupporterDistricts.class
})
public class SupporterBatchWiring {

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    @Bean
    JdbcClient jdbcClient(DataSource dataSource) {
        return JdbcClient.create(dataSource);
    }

    /** A context over an existing database (which outlives it), with extra properties. */
    public static AnnotationConfigApplicationContext start(DataSource dataSource, Map<String, Object> properties) {
        AnnotationConfigApplicationContext batch = new AnnotationConfigApplicationContext();
        batch.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
        batch.registerBean("dataSource", DataSource.class, () -> dataSource, bd -> bd.setDestroyMethodName(""));
        batch.register(SupporterBatchWiring.class);
        batch.refresh();
        return batch;
    }
}
