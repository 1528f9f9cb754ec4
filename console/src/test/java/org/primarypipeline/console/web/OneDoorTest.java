package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.core.cycle.CycleStatus;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.vetting.CandidacyRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

/**
 * An action reachable from a page and from the API goes through one command class, so both doors
 * answer a role without the right with the same 403 and reason, and write the same audit entry for
 * what they did or refused: finance sign-off, publishing a pledge version, withdrawing a signature.
 */
class OneDoorTest extends ConsoleTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    CycleRepository cycles;

    @Autowired
    CandidacyRepository candidacies;

    /** One audit line, without its id, time and address: what both doors must write alike. */
    record Entry(String actor, String role, String action, String target, String outcome, String detail) {}

    private long mark() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_log")
                .query(Long.class)
                .single();
    }

    private List<Entry> since(long mark, String action) {
        return jdbc.sql("select actor, actor_role, action, target, outcome, detail from audit_log "
                        + "where id > ? and action = ? order by id")
                .params(mark, action)
                .query((rs, n) -> new Entry(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    private static String apiError(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).path("error").asText();
    }

    private ConsoleHttp signedIn(String user) throws Exception {
        ConsoleHttp session = new ConsoleHttp(base());
        session.signIn(user, password(user));
        return session;
    }

    /** A fundraiser of its own (no gifts), on a cycle that is over, so no other test's figures move. */
    private long fundraiser() {
        String cycle = cycles.create("cd2026", "WY-01", CycleSettings.defaults(), "alice", Instant.now())
                .id();
        long candidacy = candidacies.nominate(cycle, "Dora Door", "dora.door@example.org", null);
        cycles.finish(cycle, CycleStatus.COMPLETED, null);
        return jdbc.sql("insert into fundraiser (cycle_id, candidacy_id, status, goal_cents) "
                        + "values (?, ?, 'LAUNCHED', 100000) returning id")
                .params(cycle, candidacy)
                .query(Long.class)
                .single();
    }

    @Test
    void financeSignOffGivesTheSameRefusalAndTheSameAuditEntryFromThePageAndTheApi() throws Exception {
        long id = fundraiser();
        String path = "/finance/fundraisers/" + id + "/sign-off";
        String target = "fundraiser " + id;

        // a staff account has no sign-off right: 403 with the same reason, one denied entry per door
        long mark = mark();
        ConsoleHttp alice = signedIn("alice");
        HttpResponse<String> page = alice.form(path, alice.csrf("/"), Map.of("from", "2020-01-01", "to", "2020-01-31"));
        HttpResponse<String> api =
                alice.api("POST", "/api" + path, "alice", "{\"from\": \"2020-01-01\", \"to\": \"2020-01-31\"}");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(api.statusCode()).isEqualTo(403);
        String reason = "your role (staff) may not sign off finance reports";
        assertThat(apiError(api)).isEqualTo(reason);
        assertThat(HtmlUtils.htmlUnescape(page.body())).contains(reason);
        List<Entry> denied = since(mark, "finance.sign-off");
        Entry deniedEntry = new Entry(
                "alice",
                "staff",
                "finance.sign-off",
                target,
                "DENIED",
                "the staff role may not sign off finance reports");
        assertThat(denied).containsExactly(deniedEntry, deniedEntry);

        // the finance volunteer signs off two months, one through each door: the same entry but for the period
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(3);
        String first = month + " to " + month.plusMonths(1).minusDays(1);
        String second = month.plusMonths(1) + " to " + month.plusMonths(2).minusDays(1);
        mark = mark();
        ConsoleHttp fiona = signedIn("fiona");
        assertThat(fiona.form(
                                path,
                                fiona.csrf("/finance"),
                                Map.of(
                                        "from",
                                        month.toString(),
                                        "to",
                                        month.plusMonths(1).minusDays(1).toString()))
                        .statusCode())
                .isEqualTo(302);
        assertThat(fiona.api(
                                "POST",
                                "/api" + path,
                                "fiona",
                                "{\"from\": \"" + month.plusMonths(1) + "\", \"to\": \""
                                        + month.plusMonths(2).minusDays(1) + "\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(since(mark, "finance.sign-off"))
                .containsExactly(
                        new Entry("fiona", "finance", "finance.sign-off", target, "DONE", first + " frozen"),
                        new Entry("fiona", "finance", "finance.sign-off", target, "DONE", second + " frozen"));

        // signing the first month again is refused by the rules, and both doors now say so in the log
        mark = mark();
        HttpResponse<String> refusedPage = fiona.form(
                path,
                fiona.csrf("/finance"),
                Map.of(
                        "from",
                        month.toString(),
                        "to",
                        month.plusMonths(1).minusDays(1).toString()));
        HttpResponse<String> refusedApi = fiona.api(
                "POST",
                "/api" + path,
                "fiona",
                "{\"from\": \"" + month + "\", \"to\": \"" + month.plusMonths(1).minusDays(1) + "\"}");
        assertThat(refusedPage.statusCode()).isEqualTo(302);
        assertThat(refusedApi.statusCode()).isEqualTo(409);
        List<Entry> refused = since(mark, "finance.sign-off");
        assertThat(refused).hasSize(2);
        assertThat(refused.get(0)).isEqualTo(refused.get(1));
        assertThat(refused.get(0).outcome()).isEqualTo("REFUSED");
        assertThat(refused.get(0).detail()).startsWith(first + ": overlaps the signed-off period");
        assertThat(apiError(refusedApi)).isEqualTo(refused.get(0).detail().substring(first.length() + 2));
    }

    @Test
    void pledgeActionsGiveTheSameRefusalAndTheSameAuditEntryFromThePageAndTheApi() throws Exception {
        // an auditor may read but not steer: the same 403 and reason from both doors, one denied entry each
        long mark = mark();
        ConsoleHttp otto = signedIn("otto");
        HttpResponse<String> page = otto.form(
                "/pledge", otto.csrf("/pledge"), Map.of("title", "Door test", "principles", "p", "body", "b"));
        HttpResponse<String> api = otto.api(
                "POST", "/api/pledge", "otto", "{\"title\": \"Door test\", \"principles\": \"p\", \"body\": \"b\"}");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(api.statusCode()).isEqualTo(403);
        String reason = "your role (auditor) may not launch or steer cycles";
        assertThat(apiError(api)).isEqualTo(reason);
        assertThat(HtmlUtils.htmlUnescape(page.body())).contains(reason);
        Entry deniedEntry = new Entry(
                "otto",
                "auditor",
                "pledge.publish",
                "Door test",
                "DENIED",
                "the auditor role may not launch or steer cycles");
        assertThat(since(mark, "pledge.publish")).containsExactly(deniedEntry, deniedEntry);

        // a version without a title is refused by the rules: both doors write the same refused entry
        mark = mark();
        ConsoleHttp alice = signedIn("alice");
        assertThat(alice.form("/pledge", alice.csrf("/pledge"), Map.of("title", "", "principles", "p", "body", "b"))
                        .statusCode())
                .isEqualTo(302);
        HttpResponse<String> refusedApi =
                alice.api("POST", "/api/pledge", "alice", "{\"title\": \"\", \"principles\": \"p\", \"body\": \"b\"}");
        assertThat(refusedApi.statusCode()).isEqualTo(400);
        List<Entry> refused = since(mark, "pledge.publish");
        assertThat(refused).hasSize(2);
        assertThat(refused.get(0)).isEqualTo(refused.get(1));
        assertThat(refused.get(0))
                .isEqualTo(new Entry("alice", "staff", "pledge.publish", "", "REFUSED", apiError(refusedApi)));

        // withdrawing a signature nobody gave: refused alike from the candidacy page's form and the API
        mark = mark();
        long nobody = 987_654_321L;
        assertThat(alice.form(
                                "/candidates/" + nobody + "/pledge/withdraw",
                                alice.csrf("/pledge"),
                                Map.of("reason", "asked by phone"))
                        .statusCode())
                .isEqualTo(302);
        HttpResponse<String> withdrawApi = alice.api(
                "POST", "/api/candidates/" + nobody + "/pledge/withdraw", "alice", "{\"reason\": \"asked by phone\"}");
        assertThat(withdrawApi.statusCode()).isEqualTo(400);
        Entry withdrawRefused = new Entry(
                "alice",
                "staff",
                "pledge.withdraw",
                Long.toString(nobody),
                "REFUSED",
                "candidate " + nobody + " has no active pledge signature");
        assertThat(since(mark, "pledge.withdraw")).containsExactly(withdrawRefused, withdrawRefused);
    }
}
