package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.primarypipeline.console.cli.UsersCommand;
import org.primarypipeline.console.users.PublicEndpoints;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import picocli.CommandLine;

/**
 * Access rules over real HTTP: every action endpoint of the console and the API refuses every role
 * without the right with 403 (and changes nothing, and is audited), reaches its rule for roles with
 * it; sign-in, CSRF, headers, throttling, password storage, the audit log's immutability, the CLI.
 */
class RoleAccessTest extends ConsoleTestSupport {

    /** One endpoint: the right it needs, a request that would change the probe cycle, and a harmless one. */
    record Endpoint(
            String method,
            String pattern,
            Right right,
            String path,
            String body,
            String harmlessPath,
            String harmlessBody) {
        boolean api() {
            return pattern.startsWith("/api/");
        }

        String key() {
            return method + " " + pattern;
        }
    }

    static final String CYCLE = "WA-09-1";

    static final Set<String> STAFF_CONSOLE = Set.of(
            "CyclesController",
            "CycleFormsController",
            "CycleApiController",
            "DashboardController",
            "DistrictsController",
            "LaunchController",
            "FinanceController",
            "UsersController",
            "AuditController",
            "AuditApiController",
            "DeadLettersController",
            "LoginController");

    /** Every endpoint that changes something or shows something not every role may see. */
    static List<Endpoint> endpoints() {
        String c = "/api/cycles/" + CYCLE;
        String w = "/cycles/" + CYCLE;
        String none = "/api/cycles/NO-SUCH-1";
        String noneW = "/cycles/NO-SUCH-1";
        return List.of(
                new Endpoint(
                        "POST",
                        "/api/cycles",
                        Right.STEER_CYCLES,
                        "/api/cycles",
                        "{\"district\":\"WA-08\"}",
                        "/api/cycles",
                        "{\"district\":\"ZZ-01\"}"),
                new Endpoint(
                        "POST",
                        "/api/cycles/{cycleId}/review",
                        Right.STEER_CYCLES,
                        c + "/review",
                        "{\"candidacyId\":1,\"verdict\":\"REJECT\",\"reason\":\"x\"}",
                        none + "/review",
                        "{\"candidacyId\":1,\"verdict\":\"REJECT\",\"reason\":\"x\"}"),
                new Endpoint(
                        "POST",
                        "/api/cycles/{cycleId}/extend",
                        Right.STEER_CYCLES,
                        c + "/extend",
                        "{\"extension\":\"1d\"}",
                        none + "/extend",
                        "{}"),
                new Endpoint(
                        "POST",
                        "/api/cycles/{cycleId}/close",
                        Right.STEER_CYCLES,
                        c + "/close",
                        "{}",
                        none + "/close",
                        "{}"),
                new Endpoint(
                        "POST",
                        "/api/cycles/{cycleId}/recount",
                        Right.STEER_CYCLES,
                        c + "/recount",
                        "{}",
                        none + "/recount",
                        "{}"),
                new Endpoint(
                        "POST",
                        "/api/cycles/{cycleId}/certify",
                        Right.STEER_CYCLES,
                        c + "/certify",
                        "{}",
                        none + "/certify",
                        "{}"),
                new Endpoint(
                        "POST",
                        "/api/cycles/{cycleId}/withdraw",
                        Right.STEER_CYCLES,
                        c + "/withdraw",
                        "{\"candidacyId\":1}",
                        none + "/withdraw",
                        "{\"candidacyId\":1}"),
                new Endpoint(
                        "POST",
                        "/api/cycles/{cycleId}/cancel",
                        Right.STEER_CYCLES,
                        c + "/cancel",
                        "{\"reason\":\"x\"}",
                        none + "/cancel",
                        "{\"reason\":\"x\"}"),
                new Endpoint("GET", "/api/audit", Right.READ_AUDIT, "/api/audit", null, "/api/audit?limit=1", null),
                new Endpoint(
                        "POST",
                        "/districts/{district}/launch",
                        Right.STEER_CYCLES,
                        "/districts/WA-08/launch",
                        "vettingPeriod=1d",
                        "/districts/ZZ-01/launch",
                        "vettingPeriod=1d"),
                new Endpoint(
                        "GET",
                        "/districts/{district}/launch",
                        Right.STEER_CYCLES,
                        "/districts/WA-08/launch",
                        null,
                        "/districts/WA-08/launch",
                        null),
                new Endpoint(
                        "GET",
                        "/districts/{district}/launch/schedule",
                        Right.STEER_CYCLES,
                        "/districts/WA-08/launch/schedule",
                        null,
                        "/districts/WA-08/launch/schedule?votingPeriod=2d",
                        null),
                new Endpoint(
                        "POST",
                        "/cycles/{cycleId}/review",
                        Right.STEER_CYCLES,
                        w + "/review",
                        "candidacyId=1&verdict=REJECT&reason=x",
                        noneW + "/review",
                        "candidacyId=1&verdict=REJECT&reason=x"),
                new Endpoint(
                        "POST",
                        "/cycles/{cycleId}/extend",
                        Right.STEER_CYCLES,
                        w + "/extend",
                        "extension=1d",
                        noneW + "/extend",
                        ""),
                new Endpoint(
                        "POST", "/cycles/{cycleId}/close", Right.STEER_CYCLES, w + "/close", "", noneW + "/close", ""),
                new Endpoint(
                        "POST",
                        "/cycles/{cycleId}/recount",
                        Right.STEER_CYCLES,
                        w + "/recount",
                        "",
                        noneW + "/recount",
                        ""),
                new Endpoint(
                        "POST",
                        "/cycles/{cycleId}/certify",
                        Right.STEER_CYCLES,
                        w + "/certify",
                        "",
                        noneW + "/certify",
                        ""),
                new Endpoint(
                        "POST",
                        "/cycles/{cycleId}/withdraw",
                        Right.STEER_CYCLES,
                        w + "/withdraw",
                        "candidacyId=1",
                        noneW + "/withdraw",
                        "candidacyId=1"),
                new Endpoint(
                        "POST",
                        "/cycles/{cycleId}/cancel",
                        Right.STEER_CYCLES,
                        w + "/cancel",
                        "reason=x",
                        noneW + "/cancel",
                        "reason=x"),
                new Endpoint(
                        "GET",
                        "/outbox/dead-letters",
                        Right.STEER_CYCLES,
                        "/outbox/dead-letters",
                        null,
                        "/outbox/dead-letters?channel=SMS",
                        null),
                new Endpoint(
                        "POST",
                        "/outbox/dead-letters/{id}/requeue",
                        Right.STEER_CYCLES,
                        "/outbox/dead-letters/1/requeue",
                        "",
                        "/outbox/dead-letters/999999/requeue",
                        ""),
                new Endpoint("GET", "/audit", Right.READ_AUDIT, "/audit", null, "/audit?outcome=DENIED", null),
                new Endpoint("GET", "/users", Right.MANAGE_USERS, "/users", null, "/users?role=staff", null),
                new Endpoint(
                        "POST",
                        "/users",
                        Right.MANAGE_USERS,
                        "/users",
                        "username=mallory&role=admin&password=long-enough-password&confirm=long-enough-password",
                        "/users",
                        "username=x&role=staff&password=short&confirm=short"),
                new Endpoint(
                        "POST",
                        "/users/{id}/disable",
                        Right.MANAGE_USERS,
                        "/users/1/disable",
                        "",
                        "/users/999999/disable",
                        ""),
                new Endpoint(
                        "POST",
                        "/users/{id}/enable",
                        Right.MANAGE_USERS,
                        "/users/1/enable",
                        "",
                        "/users/999999/enable",
                        ""),
                new Endpoint("GET", "/finance", Right.SIGN_OFF_FINANCE, "/finance", null, "/finance", null),
                new Endpoint(
                        "GET",
                        "/finance/fundraisers/{id}",
                        Right.SIGN_OFF_FINANCE,
                        "/finance/fundraisers/1",
                        null,
                        "/finance/fundraisers/999999",
                        null),
                new Endpoint(
                        "GET",
                        "/finance/fundraisers/{id}/report.csv",
                        Right.SIGN_OFF_FINANCE,
                        "/finance/fundraisers/1/report.csv?from=2026-05-01&to=2026-05-31",
                        null,
                        "/finance/fundraisers/999999/report.csv?from=2026-05-01&to=2026-05-31",
                        null),
                new Endpoint(
                        "GET",
                        "/finance/fundraisers/{id}/schedule-a.csv",
                        Right.SIGN_OFF_FINANCE,
                        "/finance/fundraisers/1/schedule-a.csv?from=2026-05-01&to=2026-05-31",
                        null,
                        "/finance/fundraisers/999999/schedule-a.csv?from=2026-05-01&to=2026-05-31",
                        null),
                new Endpoint(
                        "GET",
                        "/finance/fundraisers/{id}/report.fec",
                        Right.SIGN_OFF_FINANCE,
                        "/finance/fundraisers/1/report.fec?from=2026-05-01&to=2026-05-31",
                        null,
                        "/finance/fundraisers/999999/report.fec?from=2026-05-01&to=2026-05-31",
                        null),
                new Endpoint(
                        "POST",
                        "/finance/fundraisers/{id}/sign-off",
                        Right.SIGN_OFF_FINANCE,
                        "/finance/fundraisers/1/sign-off",
                        "from=2020-01-01&to=2020-01-31",
                        "/finance/fundraisers/999999/sign-off",
                        "from=2020-01-01&to=2020-01-31"));
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ApplicationContext context;

    @Test
    void everyActionEndpointIsInTheRightsTable() {
        Set<String> tabled = new TreeSet<>();
        endpoints().forEach(e -> tabled.add(e.key()));
        Set<String> changing = new TreeSet<>();
        AntPathMatcher matcher = new AntPathMatcher();
        for (Map.Entry<RequestMappingInfo, ?> entry :
                mappings.getHandlerMethods().entrySet()) {
            var handler = (org.springframework.web.method.HandlerMethod) entry.getValue();
            // the staff console's controllers this table covers, by name now that they live in their stages'
            // packages; the member-facing pages and the other API doors carry their own access tests
            Class<?> type = handler.getBeanType();
            if (!STAFF_CONSOLE.contains(type.getSimpleName())
                    || !type.getPackageName().startsWith("org.primarypipeline.console")) {
                continue;
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                String sample = pattern.replaceAll("\\{[^}]+}", "1");
                boolean open = false;
                for (String p : PublicEndpoints.MEMBERS_AND_PROVIDERS) {
                    open |= matcher.match(p, sample);
                }
                for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
                    if (!open && method != RequestMethod.GET) {
                        changing.add(method.name() + " " + pattern);
                    }
                }
            }
        }
        assertThat(changing)
                .as("a new action endpoint needs a row in RoleAccessTest.endpoints()")
                .isNotEmpty();
        assertThat(tabled).containsAll(changing);
    }

    @Test
    void everyRoleWithoutTheRightIsRefused403AndNothingChanges() throws Exception {
        ConsoleHttp alice = new ConsoleHttp(base());
        if (jdbc.sql("select count(*) from cycle where id = ?")
                        .param(CYCLE)
                        .query(Integer.class)
                        .single()
                == 0) {
            assertThat(alice.api("POST", "/api/cycles", "alice", "{\"district\":\"WA-09\"}")
                            .statusCode())
                    .isEqualTo(201);
        }
        awaitStarted(CYCLE);
        Map<String, ConsoleHttp> sessions = new HashMap<>();
        for (String user : ROLES.keySet()) {
            ConsoleHttp session = new ConsoleHttp(base());
            assertThat(session.signIn(user, password(user))).endsWith("/");
            sessions.put(user, session);
        }
        int deniedBefore = denied();

        List<String> failures = new ArrayList<>();
        int expectedDenials = 0;
        for (Endpoint e : endpoints()) {
            for (String user : ROLES.keySet()) {
                Role role = ROLES.get(user);
                boolean allowed = role.has(e.right());
                HttpResponse<String> response = request(sessions.get(user), user, e, !allowed);
                if (!allowed) {
                    expectedDenials++;
                    if (response.statusCode() != 403) {
                        failures.add(user + " " + e.key() + " answered " + response.statusCode() + " instead of 403");
                    }
                } else if (response.statusCode() == 403 || response.statusCode() == 401) {
                    failures.add(
                            user + " (" + role.label() + ") " + e.key() + " was refused: " + response.statusCode());
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(stageOf(CYCLE)).isEqualTo("PLEDGE_VETTING");
        assertThat(jdbc.sql("select status from cycle where id = ?")
                        .param(CYCLE)
                        .query(String.class)
                        .single())
                .isEqualTo("RUNNING");
        assertThat(jdbc.sql("select count(*) from cycle_event where cycle_id = ? and actor in ('fiona', 'otto')")
                        .param(CYCLE)
                        .query(Integer.class)
                        .single())
                .as("nothing on the timeline by a refused role")
                .isZero();
        assertThat(users.find("mallory")).isEmpty();
        assertThat(jdbc.sql("select count(*) from period_signoff where period_start = '2020-01-01'")
                        .query(Integer.class)
                        .single())
                .as("no period signed off by a refused role")
                .isZero();
        assertThat(jdbc.sql("select count(*) from cycle where district_id = 'WA-08'")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(denied() - deniedBefore)
                .as("each refusal is in the audit log")
                .isEqualTo(expectedDenials);
    }

    private HttpResponse<String> request(ConsoleHttp session, String user, Endpoint e, boolean real) throws Exception {
        String path = real ? e.path() : e.harmlessPath();
        String body = real ? e.body() : e.harmlessBody();
        if (e.api()) {
            return session.api(e.method(), path, user, body);
        }
        if (e.method().equals("GET")) {
            return session.get(path);
        }
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=", 2);
                fields.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        // a page every account may open (the organizer may not open /cycles: that would be one more refusal)
        return session.form(path, session.csrf("/campaigns"), fields);
    }

    @Test
    void signInIsRequiredExceptForMembersAndProviders() throws Exception {
        ConsoleHttp anonymous = new ConsoleHttp(base());
        HttpResponse<String> page = anonymous.get("/cycles");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        HttpResponse<String> htmx = anonymous.get("/cycles/X/live", Map.of("HX-Request", "true"));
        assertThat(htmx.statusCode()).isEqualTo(401);
        assertThat(htmx.headers().firstValue("HX-Redirect")).contains("/login");
        HttpResponse<String> api = anonymous.api("GET", "/api/cycles", null, null, null, null);
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic");
        assertThat(anonymous
                        .api("GET", "/api/cycles", "alice", "not-her-password", null, null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(anonymous.get("/v3/api-docs").statusCode()).isEqualTo(302);

        // members' own entry points need no account and no CSRF token
        HttpResponse<String> join = anonymous.api(
                "POST",
                "/api/districts/WA-07/members",
                null,
                null,
                "{\"fullName\":\"Open Door\",\"email\":\"open-door@example.org\"}",
                "application/json");
        assertThat(join.statusCode()).as(join.body()).isEqualTo(202);
        assertThat(anonymous.get("/actuator/health").statusCode()).isNotIn(302, 401, 403);
        for (String open : List.of("/ballot/nothing-here", "/fundraisers/nothing-here", "/unsubscribe/nothing-here")) {
            assertThat(anonymous.get(open).statusCode()).as(open).isNotIn(302, 401, 403);
        }
        assertThat(anonymous.get("/login").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/console/app.css").statusCode()).isEqualTo(200);
    }

    @Test
    void changesWithoutTheCsrfTokenOrAsFormsToTheApiAreRefused() throws Exception {
        ConsoleHttp alice = new ConsoleHttp(base());
        alice.signIn("alice", password("alice"));
        String cycle = CYCLE_FOR_CSRF();
        assertThat(alice.form("/cycles/" + CYCLE_FOR_CSRF() + "/close", null, Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(alice.form("/cycles/" + CYCLE_FOR_CSRF() + "/close", "forged-token", Map.of())
                        .statusCode())
                .isEqualTo(403);
        // a form post is what a cross-site page can send; the API takes changes only as JSON
        HttpResponse<String> asForm = alice.api(
                "POST",
                "/api/cycles/" + CYCLE_FOR_CSRF() + "/close",
                "alice",
                password("alice"),
                "reason=x",
                "application/x-www-form-urlencoded");
        assertThat(asForm.statusCode()).isEqualTo(403);
        assertThat(asForm.body()).contains("application/json");
        assertThat(jdbc.sql("select count(*) from cycle_event where cycle_id = ? and kind = 'CLOSED_EARLY'")
                        .param(cycle)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(stageOf(cycle)).isEqualTo("PLEDGE_VETTING");
    }

    private String CYCLE_FOR_CSRF() throws Exception {
        String id = "WA-10-1";
        if (jdbc.sql("select count(*) from cycle where id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single()
                == 0) {
            assertThat(new ConsoleHttp(base())
                            .api("POST", "/api/cycles", "alice", "{\"district\":\"WA-10\"}")
                            .statusCode())
                    .isEqualTo(201);
            awaitStarted(id);
        }
        return id;
    }

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        ConsoleHttp otto = new ConsoleHttp(base());
        otto.signIn("otto", password("otto"));
        HttpResponse<String> page = otto.get("/cycles");
        assertThat(page.statusCode()).isEqualTo(200);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp)
                .contains("frame-ancestors 'none'", "script-src 'self'", "style-src 'self'", "object-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        HttpResponse<String> login = new ConsoleHttp(base()).get("/login");
        assertThat(login.headers().allValues("Set-Cookie"))
                .isNotEmpty()
                .allMatch(cookie -> cookie.contains("HttpOnly"));
        assertThat(new ConsoleHttp(base())
                        .get("/actuator/health")
                        .headers()
                        .firstValue("Content-Security-Policy")
                        .orElseThrow())
                .contains("frame-ancestors 'none'");
    }

    @Test
    void passwordsAreStoredAsArgon2idHashes() {
        String hash = jdbc.sql("select password_hash from console_user where username = 'alice'")
                .query(String.class)
                .single();
        assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain(password("alice"));
    }

    @Test
    void repeatedWrongPasswordsLockAnAccountForAWhile() throws Exception {
        if (users.find("lockme").isEmpty()) {
            administration.addFromCommandLine("test", "lockme", Role.STAFF, "the right passphrase".toCharArray());
        }
        ConsoleHttp client = new ConsoleHttp(base());
        for (int i = 0; i < 5; i++) {
            assertThat(client.api("GET", "/api/cycles", "lockme", "a wrong guess " + i, null, null)
                            .statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> locked = client.api("GET", "/api/cycles", "lockme", "the right passphrase", null, null);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(client.signIn("lockme", "the right passphrase")).endsWith("/login?throttled");
        // another account is not affected
        assertThat(client.api("GET", "/api/cycles", "bob", password("bob"), null, null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(jdbc.sql(
                                "select count(*) from audit_log where actor = 'lockme' and action = 'login' and outcome = 'DENIED'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);
    }

    @Test
    void theAuditLogCannotBeChangedOrEmptied() {
        jdbc.sql("insert into audit_log (actor, action, outcome) values ('test', 'test.append', 'DONE')")
                .update();
        assertThatThrownBy(() -> jdbc.sql("update audit_log set actor = 'someone else' where action = 'test.append'")
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log where action = 'test.append'")
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_log").update()).hasMessageContaining("append-only");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'test.append'")
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void theFirstAdminIsAddedFromTheCommandLine() throws Exception {
        assertThat(users("add", "--role", "admin", "--name", "first-admin", "--password-stdin")
                        .input("a long enough passphrase\n")
                        .run())
                .isZero();
        assertThat(users.find("first-admin").orElseThrow().role()).isEqualTo(Role.ADMIN);
        ConsoleHttp client = new ConsoleHttp(base());
        assertThat(client.api(
                                "GET",
                                "/api/audit?action=user.add&target=first-admin",
                                "first-admin",
                                "a long enough passphrase",
                                null,
                                null)
                        .body())
                .contains("\"actor\":\"cli:");
        Cli again = users("add", "--role", "staff", "--name", "FIRST-ADMIN", "--password-stdin")
                .input("another long passphrase\n");
        assertThat(again.run()).isEqualTo(2);
        assertThat(again.err.toString()).contains("exists already");
        Cli weak = users("add", "--role", "staff", "--name", "weakling", "--password-stdin")
                .input("short\n");
        assertThat(weak.run()).isEqualTo(2);
        assertThat(weak.err.toString()).contains("at least 12 characters");
        assertThat(users("add", "--role", "king", "--name", "someone", "--password-stdin")
                        .input("a long enough passphrase\n")
                        .run())
                .isEqualTo(2);
        assertThat(users.find("weakling")).isEmpty();
    }

    @Test
    void disablingAnAccountEndsItsSessionAndItsApiAccess() throws Exception {
        if (users.find("dora").isEmpty()) {
            administration.addFromCommandLine(
                    "test", "dora", Role.STAFF, password("dora").toCharArray());
        }
        ConsoleHttp dora = new ConsoleHttp(base());
        assertThat(dora.signIn("dora", password("dora"))).endsWith("/");
        assertThat(dora.get("/cycles").statusCode()).isEqualTo(200);
        ConsoleHttp ada = new ConsoleHttp(base());
        ada.signIn("ada", password("ada"));
        long id = users.find("dora").orElseThrow().id();
        HttpResponse<String> disabled = ada.form("/users/" + id + "/disable", ada.csrf("/users"), Map.of());
        assertThat(disabled.statusCode()).isEqualTo(302);
        assertThat(users.find("dora").orElseThrow().isEnabled()).isFalse();
        HttpResponse<String> after = dora.get("/cycles");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).contains("/login");
        assertThat(dora.api("GET", "/api/cycles", "dora", password("dora"), null, null)
                        .statusCode())
                .isEqualTo(401);
        // an admin cannot lock themselves out
        HttpResponse<String> self =
                ada.form("/users/" + users.find("ada").orElseThrow().id() + "/disable", ada.csrf("/users"), Map.of());
        assertThat(self.statusCode()).isEqualTo(302);
        assertThat(users.find("ada").orElseThrow().isEnabled()).isTrue();
    }

    @Test
    void theApiIsDescribedWithOpenApi() throws Exception {
        ConsoleHttp otto = new ConsoleHttp(base());
        otto.signIn("otto", password("otto"));
        HttpResponse<String> docs = otto.get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body())
                .contains(
                        "/api/cycles/{cycleId}/certify",
                        "/api/cycles/{cycleId}/review",
                        "/api/audit",
                        "\"scheme\":\"basic\"",
                        "two approvals");
        assertThat(otto.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    private int denied() {
        return jdbc.sql("select count(*) from audit_log where outcome = 'DENIED' and action not in ('login')")
                .query(Integer.class)
                .single();
    }

    private Cli users(String... args) {
        return new Cli(args);
    }

    /** Runs {@code pp users ...} the way the entry point does: picocli, then Spring fills the command's fields. */
    final class Cli {
        final String[] args;
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        String stdin = "";

        Cli(String[] args) {
            this.args = args;
        }

        Cli input(String text) {
            this.stdin = text;
            return this;
        }

        int run() {
            CommandLine cli = new CommandLine(new UsersCommand());
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            cli.setExecutionStrategy(parsed -> {
                CommandLine.ParseResult leaf = parsed;
                while (leaf.hasSubcommand()) {
                    leaf = leaf.subcommand();
                }
                context.getAutowireCapableBeanFactory()
                        .autowireBean(leaf.commandSpec().userObject());
                return new CommandLine.RunLast().execute(parsed);
            });
            InputStream previous = System.in;
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            try {
                return cli.execute(args);
            } finally {
                System.setIn(previous);
            }
        }
    }
}
