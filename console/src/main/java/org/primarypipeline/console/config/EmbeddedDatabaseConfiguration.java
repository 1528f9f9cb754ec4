package org.primarypipeline.console.config;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.primarypipeline.platform.db.EmbeddedPostgresServer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * With no {@code spring.datasource.url} configured, the app keeps its data in an embedded PostgreSQL
 * under {@code pp.data-dir} (default {@code ./var}); configure a URL and Spring Boot's own data source
 * is used instead.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatabaseUrl.class)
public class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(@Value("${pp.data-dir:var}") String dataDir) {
        return EmbeddedPostgresServer.startOrJoin(
                Path.of(dataDir).toAbsolutePath().resolve("postgres"));
    }

    @Bean
    DataSource dataSource(EmbeddedPostgresServer server, @Value("${pp.database.pool-size:20}") int poolSize) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(EmbeddedPostgresServer.USER);
        dataSource.setPassword(EmbeddedPostgresServer.USER);
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setPoolName("pp-embedded");
        return dataSource;
    }

    static final class NoDatabaseUrl implements org.springframework.context.annotation.Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
