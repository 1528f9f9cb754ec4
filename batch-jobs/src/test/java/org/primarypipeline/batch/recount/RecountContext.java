package org.primarypipeline.batch.recount;

import java.util.Map;
import javax.sql.DataSource;
import org.primarypipeline.batch.partitioning.PartitionedSteps;
import org.primarypipeline.districts.PublicDataLoader;
import org.primarypipeline.platform.StageBeans;
import org.primarypipeline.testing.TestDatabase;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * The real activities and the recount job with a JDBC job repository, over a fresh migrated database
 * with the bundled plan loaded: what the app runs, without the web server and Temporal.
 */
final class RecountContext implements AutoCloseable {

    final AnnotationConfigApplicationContext context;
    final DataSource dataSource;

    RecountContext(Map<String, Object> settings) {
        dataSource = TestDatabase.freshMigrated();
        context = new AnnotationConfigApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("settings", settings));
        // the scenarios join members and open the round at once: no waiting period before a ballot
        context.getEnvironment()
                .getPropertySources()
                .addLast(new MapPropertySource("tests", Map.of("pp.vote.min-membership-age", "0s")));
        context.registerBean("dataSource", DataSource.class, () -> dataSource);
        context.register(Wiring.class);
        context.refresh();
        context.getBean(PublicDataLoader.class).load();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
        TestDatabase.close(dataSource);
    }

    @Configuration
    @EnableTransactionManagement
    @EnableBatchProcessing
    @Import({PartitionedSteps.class, StageBeans.class})
    @ComponentScan("org.primarypipeline.batch.recount")
    static class Wiring {
        @Bean
        JdbcClient jdbcClient(DataSource dataSource) {
            return JdbcClient.create(dataSource);
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new JdbcTransactionManager(dataSource);
        }
    }
}
