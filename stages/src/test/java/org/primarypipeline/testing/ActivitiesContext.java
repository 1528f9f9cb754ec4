package org.primarypipeline.testing;

import java.util.Map;
import javax.sql.DataSource;
import org.primarypipeline.districts.PublicDataLoader;
import org.primarypipeline.platform.StageBeans;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * The real activities and repositories, wired by Spring over a fresh migrated database with the
 * bundled plan and House members loaded: what the app's worker runs, without the app around it.
 */
public final class ActivitiesContext implements AutoCloseable {

    private final AnnotationConfigApplicationContext context;
    private final DataSource dataSource;

    private ActivitiesContext(AnnotationConfigApplicationContext context, DataSource dataSource) {
        this.context = context;
        this.dataSource = dataSource;
    }

    public static ActivitiesContext start() {
        DataSource dataSource = TestDatabase.freshMigrated();
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean("dataSource", DataSource.class, () -> dataSource);
        // fixtures join members and open a round at once: no waiting period before a member gets a ballot
        // (the rule itself is tested through the whole app, in JoiningTest)
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("tests", Map.of("pp.vote.min-membership-age", "0s")));
        context.register(Wiring.class);
        context.refresh();
        context.getBean(PublicDataLoader.class).load();
        return new ActivitiesContext(context, dataSource);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        context.close();
        TestDatabase.close(dataSource);
    }

    // registered by hand, not a @Configuration: the app's component scan must never pick it up
    @EnableTransactionManagement
    @Import(StageBeans.class)
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
