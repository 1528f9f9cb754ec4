package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Staff see each dead letter with its reason and put it back in the queue, once; the action is audited. */
class DeadLettersPageTest extends ConsoleTestSupport {

    @Test
    void staffSeeTheReasonAndRequeueOnce() throws Exception {
        long id = jdbc.sql("""
                insert into outbox_message (dedup_key, channel, recipient, template, status, attempts, dead_reason, dead_at)
                values (:key, 'EMAIL', 'dana@example.org', 'voting-reminder', 'DEAD', 8,
                        '550 5.1.1 mailbox unavailable', now())
                returning id
                """)
                .param("key", "test:dead-letter:" + System.nanoTime())
                .query(Long.class)
                .single();

        ConsoleHttp alice = new ConsoleHttp(base());
        alice.signIn("alice", password("alice"));
        HttpResponse<String> page = alice.get("/outbox/dead-letters?channel=EMAIL");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("#" + id)
                .contains("dana@example.org")
                .contains("550 5.1.1 mailbox unavailable");
        assertThat(alice.get("/outbox/dead-letters?channel=SMS").body()).doesNotContain("dana@example.org");
        assertThat(alice.get("/").body()).contains("href=\"/outbox/dead-letters\"");

        String token = alice.csrf("/outbox/dead-letters");
        HttpResponse<String> requeued = alice.form("/outbox/dead-letters/" + id + "/requeue", token, Map.of());
        assertThat(requeued.statusCode()).isEqualTo(302);
        Map<String, Object> row = jdbc.sql("select status, attempts, dead_reason from outbox_message where id = ?")
                .param(id)
                .query()
                .singleRow();
        // the routes may already have picked it up again; what matters is that it left the dead state afresh
        assertThat(row.get("status")).isNotEqualTo("DEAD");
        assertThat((Integer) row.get("attempts")).isLessThan(8);
        assertThat(jdbc.sql("""
                select count(*) from audit_log where actor = 'alice' and action = 'outbox.requeue'
                  and target = ? and outcome = 'DONE'
                """).param("message " + id).query(Integer.class).single())
                .isEqualTo(1);

        alice.form("/outbox/dead-letters/" + id + "/requeue", alice.csrf("/outbox/dead-letters"), Map.of());
        assertThat(jdbc.sql("""
                select count(*) from audit_log where action = 'outbox.requeue' and target = ? and outcome = 'DONE'
                """).param("message " + id).query(Integer.class).single())
                .as("a second click changes nothing")
                .isEqualTo(1);
    }
}
