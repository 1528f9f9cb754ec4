package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One staff action, three doors: the console page, the REST API and {@code pp} (a client of the API,
 * signed in with {@code pp login}). A role without the right is refused at each with the same reason,
 * and each refusal leaves the same DENIED audit entry; the shell without a signed-in account is
 * refused before anything reaches the app.
 */
class CycleDoorsTest extends ConsoleTestSupport {

    static final String CYCLE = "NC-04-1";

    @TempDir
    Path homes;

    /** A cycle for the refusals to aim at: running, in pledge vetting, launched by alice through the API. */
    @BeforeEach
    void cycle() throws Exception {
        if (jdbc.sql("select count(*) from cycle where id = ?")
                        .param(CYCLE)
                        .query(Integer.class)
                        .single()
                == 0) {
            HttpResponse<String> launched =
                    new ConsoleHttp(base()).api("POST", "/api/cycles", "alice", "{\"district\":\"NC-04\"}");
            assertThat(launched.statusCode()).as(launched.body()).isEqualTo(201);
        }
        awaitStarted(CYCLE);
    }

    record Entry(String actor, String role, String action, String target, String outcome, String detail) {}

    @ParameterizedTest(name = "cycle {0}")
    @ValueSource(strings = {"certify", "close"})
    void aRoleWithoutTheRightIsRefusedAlikeAtThePageTheApiAndTheShell(String action) throws Exception {
        for (String user : List.of("otto", "fiona")) {
            String reason = "your role (" + ROLES.get(user).label() + ") may not launch or steer cycles";
            long before = lastAuditId();

            ConsoleHttp browser = new ConsoleHttp(base());
            assertThat(browser.signIn(user, password(user))).endsWith("/");
            HttpResponse<String> page =
                    browser.form("/cycles/" + CYCLE + "/" + action, browser.csrf("/cycles"), Map.of());
            assertThat(page.statusCode()).isEqualTo(403);
            assertThat(page.body()).contains(reason);

            HttpResponse<String> api = browser.api("POST", "/api/cycles/" + CYCLE + "/" + action, user, "{}");
            assertThat(api.statusCode()).isEqualTo(403);
            assertThat(new ObjectMapper().readTree(api.body()).path("error").asText())
                    .isEqualTo(reason);

            PpShell shell = new PpShell(base(), homes.resolve(user));
            assertThat(shell.login(user, password(user)).exit()).isZero();
            PpShell.Run cli = shell.pp("cycle", action, CYCLE);
            assertThat(cli.exit()).isEqualTo(2);
            assertThat(cli.err()).isEqualTo("refused: " + reason);
            assertThat(cli.out()).isEmpty();

            List<Entry> entries = auditSince(before, "cycle." + action);
            assertThat(entries).as("one entry per door").hasSize(3);
            assertThat(entries)
                    .as("the same entry at every door")
                    .containsOnly(new Entry(
                            user,
                            ROLES.get(user).label(),
                            "cycle." + action,
                            CYCLE,
                            "DENIED",
                            "the " + ROLES.get(user).label() + " role may not launch or steer cycles"));
        }
        assertThat(stageOf(CYCLE)).isEqualTo("PLEDGE_VETTING");
        assertThat(jdbc.sql("select count(*) from cycle_event where cycle_id = ? and actor in ('otto', 'fiona')")
                        .param(CYCLE)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void theShellWithoutASignedInAccountIsRefusedAndNothingReachesTheApp() throws Exception {
        long before = lastAuditId();
        PpShell nobody = new PpShell(base(), homes.resolve("nobody"));
        for (String action : List.of("certify", "close")) {
            PpShell.Run run = nobody.pp("cycle", action, CYCLE);
            assertThat(run.exit()).isEqualTo(4);
            assertThat(run.err()).isEqualTo("not signed in: run pp login --name NAME first (scripts may set PP_TOKEN)");
        }
        assertThat(jdbc.sql("select count(*) from audit_log where id > ?")
                        .param(before)
                        .query(Integer.class)
                        .single())
                .as("nothing reached the app")
                .isZero();

        PpShell forged = new PpShell(base(), homes.resolve("forger")).withToken("pp_made-up-by-hand");
        PpShell.Run run = forged.pp("cycle", "certify", CYCLE);
        assertThat(run.exit()).isEqualTo(4);
        assertThat(run.err())
                .isEqualTo("not signed in: the token is unknown or revoked, or its account is disabled: "
                        + "sign in again with pp login");
        assertThat(stageOf(CYCLE)).isEqualTo("PLEDGE_VETTING");
        assertThat(auditSince(before, "cycle.certify")).isEmpty();
    }

    private long lastAuditId() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_log")
                .query(Long.class)
                .single();
    }

    private List<Entry> auditSince(long id, String action) {
        return jdbc.sql("""
                select actor, actor_role, action, target, outcome, detail from audit_log
                where id > ? and action = ? order by id
                """)
                .params(id, action)
                .query((rs, n) -> new Entry(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }
}
