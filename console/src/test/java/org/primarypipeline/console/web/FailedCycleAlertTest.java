package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A cycle that fails (no vetted nominee when the nomination window closes, even after its extension)
 * alerts the staff on duty by email and waits on the dashboard under "Waiting for staff"; its page
 * shows no window left to close.
 */
class FailedCycleAlertTest extends ConsoleTestSupport {

    @Test
    void theStaffOnDutyAreEmailedAndTheDashboardListsTheFailedCycle() throws Exception {
        ConsoleHttp api = new ConsoleHttp(base());
        // (no nominee ever comes forward in NE-02 here)
        assertThat(api.api(
                                "POST",
                                "/api/vetting/duty",
                                "alice",
                                "{\"email\":\"dana.duty@example.org\",\"name\":\"Dana\"}")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> launched = api.api("POST", "/api/cycles", "alice", "{\"district\":\"NE-02\"}");
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(201);
        String cycle = new ObjectMapper().readTree(launched.body()).path("id").asText();
        awaitStarted(cycle);
        // vetting closed with nobody approved, then the nomination window twice (its one extension): failed
        for (int i = 0; i < 6 && !"FAILED".equals(status(cycle)); i++) {
            HttpResponse<String> closed = api.api("POST", "/api/cycles/" + cycle + "/close", "alice", "{}");
            if (closed.statusCode() != 200) {
                Thread.sleep(1000); // between windows: the next one is not open yet
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> "FAILED".equals(status(cycle)));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("""
                                select count(*) from outbox_message
                                where template = 'cycle-failed' and recipient = 'dana.duty@example.org'
                                  and model ->> 'cycleId' = ?""").param(cycle).query(Integer.class).single() == 1);

        ConsoleHttp alice = new ConsoleHttp(base());
        alice.signIn("alice", password("alice"));
        String dashboard = alice.get("/").body();
        assertThat(dashboard)
                .contains("id=\"failed-cycles\"", "<a href=\"/cycles/" + cycle + "\">" + cycle + "</a> failed");
        String page = alice.get("/cycles/" + cycle).body();
        assertThat(page).doesNotContain("overdue by", "id=\"close-button\"", "id=\"cancel-button\"");
    }

    private String status(String cycle) {
        return jdbc.sql("select status from cycle where id = ?")
                .param(cycle)
                .query(String.class)
                .single();
    }
}
