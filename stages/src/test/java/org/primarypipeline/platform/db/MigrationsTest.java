package org.primarypipeline.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.primarypipeline.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

class MigrationsTest {

    @Test
    void flywayBuildsTheWholeSchemaIncludingSpringBatchTables() {
        try (HikariDataSource db = TestDatabase.freshMigrated()) {
            JdbcClient jdbc = JdbcClient.create(db);
            assertThat(jdbc.sql("select count(*) from information_schema.tables where table_schema = 'public' "
                                    + "and table_name in ('cycle', 'cycle_event', 'ballot', 'proxy_assignment', 'outbox_message', "
                                    + "'batch_job_instance', 'pledge_version', 'donation')")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(8);
            String hash = jdbc.sql("select content_hash from pledge_version where version = 1")
                    .query(String.class)
                    .single();
            assertThat(hash).startsWith("sha256:").hasSize(7 + 64);
        }
    }
}
