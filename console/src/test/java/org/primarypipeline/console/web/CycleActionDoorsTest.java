package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A cycle action has two doors in the app, the cycle page's form and the REST API, and one command
 * behind them ({@code CycleActions}): through either door a role without the right gets the same 403
 * reason, a refusal by the cycle's rules the same reason, and each attempt the same audit entry.
 * (The command line's door is {@code pp}'s own test.)
 */
class CycleActionDoorsTest extends ConsoleTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What an audit entry says, less when and through which door. */
    record Entry(String actor, String role, String action, String target, String outcome, String detail) {}

    @Test
    void certifyAndCancelAreRefusedAndAuditedAlikeThroughThePageAndTheApi() throws Exception {
        String cycle = launch("NV-03");
        for (String action : List.of("certify", "cancel")) {
            for (String user : List.of("otto", "fiona")) {
                Door page = throughThePage(cycle, action, user);
                Door api = throughTheApi(cycle, action, user);
                assertThat(page.status())
                        .as(user + " " + action + " on the page")
                        .isEqualTo(403);
                assertThat(api.status()).as(user + " " + action + " in the API").isEqualTo(403);
                String reason = JSON.readTree(api.body()).path("error").asText();
                assertThat(reason).contains("may not launch or steer cycles");
                assertThat(page.body())
                        .as("the page's 403 is the error page with the API's reason")
                        .contains("<html", reason);
                assertThat(page.entries()).hasSize(1).isEqualTo(api.entries());
                assertThat(page.entries().get(0))
                        .isEqualTo(new Entry(
                                user,
                                ROLES.get(user).label(),
                                "cycle." + action,
                                cycle,
                                "DENIED",
                                "the " + ROLES.get(user).label() + " role may not launch or steer cycles"));
            }
        }
        // staff may act, and the cycle's rules refuse what does not fit: the same reason through both doors
        Door page = throughThePage(cycle, "certify", "alice");
        Door api = throughTheApi(cycle, "certify", "alice");
        assertThat(api.status()).isEqualTo(409);
        String reason = JSON.readTree(api.body()).path("error").asText();
        assertThat(reason).startsWith("only a cycle in certification can be certified");
        assertThat(page.status()).as("the page lands back on the cycle").isEqualTo(302);
        assertThat(page.entries()).hasSize(1).isEqualTo(api.entries());
        assertThat(page.entries().get(0))
                .isEqualTo(new Entry("alice", "staff", "cycle.certify", cycle, "REFUSED", reason));
        assertThat(stageOf(cycle)).isEqualTo("PLEDGE_VETTING");
    }

    @Test
    void aCancellationIsTheSameAuditEntryThroughEitherDoor() throws Exception {
        String first = launch("NV-01");
        String second = launch("NV-04");
        Door page = throughThePage(first, "cancel", "bob");
        Door api = throughTheApi(second, "cancel", "bob");
        assertThat(page.status()).isEqualTo(302);
        assertThat(api.status()).isEqualTo(200);
        assertThat(JSON.readTree(api.body()).path("result").asText()).isNotBlank();
        assertThat(page.entries()).hasSize(1);
        assertThat(api.entries()).hasSize(1);
        Entry byPage = page.entries().get(0);
        Entry byApi = api.entries().get(0);
        assertThat(byPage).isEqualTo(new Entry("bob", "staff", "cycle.cancel", first, "DONE", byApi.detail()));
        assertThat(byApi).isEqualTo(new Entry("bob", "staff", "cycle.cancel", second, "DONE", byPage.detail()));
    }

    /** What one attempt answered and the audit entries it wrote. */
    record Door(int status, String body, List<Entry> entries) {}

    private String launch(String district) throws Exception {
        HttpResponse<String> launched =
                new ConsoleHttp(base()).api("POST", "/api/cycles", "alice", "{\"district\":\"" + district + "\"}");
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(201);
        String cycle = JSON.readTree(launched.body()).path("id").asText();
        awaitStarted(cycle);
        return cycle;
    }

    private Door throughThePage(String cycle, String action, String user) throws Exception {
        ConsoleHttp browser = new ConsoleHttp(base());
        assertThat(browser.signIn(user, password(user))).endsWith("/");
        String token = browser.csrf("/cycles/" + cycle);
        long before = lastAuditId();
        HttpResponse<String> response = browser.form(
                "/cycles/" + cycle + "/" + action,
                token,
                action.equals("cancel") ? Map.of("reason", "test of the doors") : Map.of());
        return new Door(response.statusCode(), response.body(), entriesAfter(before));
    }

    private Door throughTheApi(String cycle, String action, String user) throws Exception {
        long before = lastAuditId();
        HttpResponse<String> response = new ConsoleHttp(base())
                .api(
                        "POST",
                        "/api/cycles/" + cycle + "/" + action,
                        user,
                        action.equals("cancel") ? "{\"reason\":\"test of the doors\"}" : "{}");
        return new Door(response.statusCode(), response.body(), entriesAfter(before));
    }

    private long lastAuditId() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_log")
                .query(Long.class)
                .single();
    }

    /** The entries written about cycle actions since {@code id} (sign-ins and page views left out). */
    private List<Entry> entriesAfter(long id) {
        return jdbc.sql("""
                select actor, actor_role, action, target, outcome, detail from audit_log
                where id > ? and action like 'cycle.%' order by id
                """)
                .param(id)
                .query((rs, n) -> new Entry(
                        rs.getString("actor"),
                        rs.getString("actor_role"),
                        rs.getString("action"),
                        rs.getString("target"),
                        rs.getString("outcome"),
                        rs.getString("detail")))
                .list();
    }
}
