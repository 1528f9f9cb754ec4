package org.primarypipeline.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.primarypipeline.batch.assigndistricts.AssignDistrictsJobConfiguration;
import org.primarypipeline.batch.assigndistricts.DistrictReassignments;
import org.primarypipeline.batch.importsupporters.ImportRunContext;
import org.primarypipeline.batch.importsupporters.ImportRuns;
import org.primarypipeline.batch.importsupporters.ImportSupportersJobConfiguration;
import org.primarypipeline.batch.importsupporters.SupporterImports;
import org.primarypipeline.batch.partitioning.PartitionedSteps;
import org.primarypipeline.districts.PublicDataLoader;
import org.primarypipeline.platform.db.EmbeddedPostgresServer;
import org.primarypipeline.supporters.DistrictPlanStore;
import org.primarypipeline.supporters.SupporterDistricts;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What the supporter benchmarks run on: a fresh embedded PostgreSQL (the same server and settings the
 * other benchmarks use), migrated by Flyway, the public data loaded, and the supporter jobs wired by
 * Spring Batch as in the app, without the web server, Temporal and the outreach routes, which would
 * only share the two cores with the job being measured.
 */
final class SupporterBenchDatabase implements AutoCloseable {

    private final EmbeddedPostgresServer postgres;
    private final HikariDataSource dataSource;
    private final AnnotationConfigApplicationContext context;

    SupporterBenchDatabase() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        postgres = EmbeddedPostgresServer.startFresh();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl());
        dataSource.setUsername(EmbeddedPostgresServer.USER);
        dataSource.setPassword(EmbeddedPostgresServer.USER);
        dataSource.setMaximumPoolSize(10);
        Flyway.configure().dataSource(dataSource).load().migrate();
        context = new AnnotationConfigApplicationContext();
        context.registerBean("dataSource", DataSource.class, () -> dataSource, bd -> bd.setDestroyMethodName(""));
        context.register(Wiring.class);
        context.refresh();
        context.getBean(PublicDataLoader.class).load();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    DataSource dataSource() {
        return dataSource;
    }

    JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }

    @Override
    public void close() {
        context.close();
        dataSource.close();
        postgres.close();
    }

    // registered by hand, not a @Configuration: the app's component scan must never pick it up
    @EnableBatchProcessing
    @Import({
        ImportSupportersJobConfiguration.class,
        org.primarypipeline.batch.importcontacts.ImportContactsJobConfiguration.class,
        org.primarypipeline.batch.importcontacts.ContactImports.class,
        org.primarypipeline.batch.cutturf.CutTurfJobConfiguration.class,
        org.primarypipeline.batch.cutturf.TurfCuts.class,
        org.primarypipeline.contacts.Turfs.class,
        org.primarypipeline.contacts.ContactAttempts.class,
        org.primarypipeline.contacts.Universes.class,
        ImportRuns.class,
        ImportRunContext.class,
        SupporterImports.class,
        PartitionedSteps.class,
        AssignDistrictsJobConfiguration.class,
        DistrictReassignments.class,
        DistrictPlanStore.class,
        SupporterDistricts.class,
        PublicDataLoader.class
    })
    static class Wiring {
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
