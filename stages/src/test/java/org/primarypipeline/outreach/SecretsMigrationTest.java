package org.primarypipeline.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.primarypipeline.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/** V76 on rows written before it: links already in the outbox are dropped or marked secret. */
class SecretsMigrationTest {

    @Test
    void linksAlreadyInTheOutboxAreDroppedOrMarked() {
        HikariDataSource db = TestDatabase.freshEmpty();
        try {
            Flyway.configure().dataSource(db).target("73").load().migrate();
            JdbcClient jdbc = JdbcClient.create(db);
            insert(jdbc, "sent-confirm", "SENT", "nomination-confirm", """
                    {"nomineeName": "Kim", "confirmUrl": "https://pp.example.org/nominate/confirm/SECRET1"}""");
            insert(jdbc, "dead-ballot", "DEAD", "ballot-link", """
                    {"memberName": "Ada", "ballotUrl": "https://pp.example.org/ballot/open/SECRET2", "_secrets": ["ballotUrl"]}""");
            insert(jdbc, "suppressed-invite", "SUPPRESSED", "group-invitation", """
                    {"inviterName": "Hal", "token": "SECRET3", "invitationUrl": "https://pp.example.org/invitation/SECRET3"}""");
            insert(jdbc, "pending-accept", "PENDING", "candidate-invitation", """
                    {"candidateName": "Kim", "acceptUrl": "https://pp.example.org/candidacy/accept/SECRET4"}""");

            Flyway.configure().dataSource(db).load().migrate();

            assertThat(jdbc.sql("select string_agg(model::text, ' ') from outbox_message where status <> 'PENDING'")
                            .query(String.class)
                            .single())
                    .doesNotContain("SECRET")
                    .contains("Kim", "Ada", "Hal");
            assertThat(model(jdbc, "dead-ballot")).contains("\"_scrubbed\": [\"ballotUrl\"]");
            assertThat(model(jdbc, "suppressed-invite")).contains("_scrubbed", "invitationUrl");
            // still to be sent: the link stays until sending, now marked so that sending drops it
            assertThat(model(jdbc, "pending-accept")).contains("SECRET4", "\"_secrets\": [\"acceptUrl\"]");
        } finally {
            TestDatabase.close(db);
        }
    }

    private static void insert(JdbcClient jdbc, String key, String status, String template, String model) {
        jdbc.sql("""
                insert into outbox_message (dedup_key, channel, recipient, template, model, status, next_attempt_at,
                                            dead_at, dead_reason)
                values (?, 'EMAIL', 'x@example.org', ?, cast(? as jsonb), ?, now(),
                        case when ? = 'DEAD' then now() end, case when ? = 'DEAD' then 'gone' end)
                """).params(key, template, model, status, status, status).update();
    }

    private static String model(JdbcClient jdbc, String key) {
        return jdbc.sql("select model::text from outbox_message where dedup_key = ?")
                .param(key)
                .query(String.class)
                .single();
    }
}
