package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Closing a window early is recorded in the words of the window that was closed, and the audit entry's
 * before and after states show the cycle moving on (the run advances after the update has answered).
 */
class CloseEarlyAuditTest extends ConsoleTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void closingPledgeVettingEarlyIsRecordedAsPledgeVettingWithTheStageBeforeAndAfter() throws Exception {
        ConsoleHttp api = new ConsoleHttp(base());
        HttpResponse<String> launched = api.api("POST", "/api/cycles", "alice", "{\"district\":\"MT-01\"}");
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(201);
        String cycle = JSON.readTree(launched.body()).path("id").asText();
        awaitStarted(cycle);

        HttpResponse<String> closed = api.api("POST", "/api/cycles/" + cycle + "/close", "alice", "{}");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(JSON.readTree(closed.body()).path("result").asText()).isEqualTo("Pledge vetting closed early");

        Entry entry = lastEntry(cycle, "cycle.close");
        assertThat(entry.detail()).isEqualTo("Pledge vetting closed early");
        assertThat(entry.before().path("stage").asText()).isEqualTo("PLEDGE_VETTING");
        assertThat(entry.after().path("stage").asText()).isEqualTo("NOMINATION_WINDOW");

        HttpResponse<String> again = api.api("POST", "/api/cycles/" + cycle + "/close", "alice", "{}");
        assertThat(JSON.readTree(again.body()).path("result").asText()).isEqualTo("Nomination window closed early");
        Entry second = lastEntry(cycle, "cycle.close");
        assertThat(second.before().path("stage").asText()).isEqualTo("NOMINATION_WINDOW");
        assertThat(second.after())
                .as("the nomination window's close is followed by a move: the ballot, an extension or a failure")
                .isNotEqualTo(second.before());
    }

    record Entry(String detail, JsonNode before, JsonNode after) {}

    private Entry lastEntry(String cycle, String action) {
        return jdbc.sql("""
                select detail, before_state::text b, after_state::text a from audit_log
                where target = ? and action = ? and outcome = 'DONE' order by id desc limit 1
                """)
                .param(cycle)
                .param(action)
                .query((rs, n) -> {
                    try {
                        return new Entry(
                                rs.getString(1), JSON.readTree(rs.getString(2)), JSON.readTree(rs.getString(3)));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .single();
    }
}
