package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.primarypipeline.console.users.PublicEndpoints;
import org.primarypipeline.console.users.Role;
import org.primarypipeline.console.web.EndpointAccessTable.Access;
import org.primarypipeline.console.web.EndpointAccessTable.Rule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The security suite: every endpoint the running app maps, and every path PublicEndpoints opens, sent
 * over real HTTP through the real filter chains as nobody and as each role. Nobody on a staff page is
 * sent to the sign-in page (the API answers 401); a role without the right gets 403; a role with it,
 * and anyone on a public door, gets past the security chain (never 401/403, never the sign-in page).
 * Who may use what is {@link EndpointAccessTable}; a mapping without a row there fails the suite.
 */
class EndpointSecurityTest extends ConsoleTestSupport {

    /** Nobody, and one account of each role (from ConsoleTestSupport). */
    enum Actor {
        ANONYMOUS(null, null),
        ADMIN("ada", Role.ADMIN),
        STAFF("alice", Role.STAFF),
        FINANCE("fiona", Role.FINANCE),
        AUDITOR("otto", Role.AUDITOR),
        ORGANIZER("olga", Role.ORGANIZER);

        final String user;
        final Role role;

        Actor(String user, Role role) {
            this.user = user;
            this.role = role;
        }

        String label() {
            return role == null ? "anonymous" : role.label() + " (" + user + ")";
        }
    }

    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final Map<Actor, ConsoleHttp> sessions = new EnumMap<>(Actor.class);
    private final Map<Actor, String> csrf = new EnumMap<>(Actor.class);
    private final Map<Actor, String> tokens = new EnumMap<>(Actor.class);

    /** Every "METHOD pattern" the app serves through its controllers ("*" for a mapping of any method). */
    private Set<String> served() {
        Set<String> keys = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    keys.add("* " + pattern);
                }
                methods.forEach(m -> keys.add(m.name() + " " + pattern));
            }
        }
        return keys;
    }

    private static Map<String, Rule> table() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        EndpointAccessTable.RULES.forEach(r ->
                assertThat(rules.put(r.key(), r)).as("two rows for " + r.key()).isNull());
        return rules;
    }

    @Test
    void everyServedEndpointIsInTheTableAndEveryRowIsServed() throws Exception {
        Set<String> served = served();
        Map<String, Rule> table = table();
        Set<String> unclassified = new TreeSet<>(served);
        unclassified.removeAll(table.keySet());
        assertThat(unclassified)
                .as("endpoints with no row in EndpointAccessTable: say who may use each")
                .isEmpty();
        Set<String> stale = new TreeSet<>();
        table.values().stream().filter(Rule::mapped).forEach(r -> stale.add(r.key()));
        stale.removeAll(served);
        assertThat(stale).as("rows for endpoints the app no longer serves").isEmpty();
        writeTableForTheDocs();
    }

    @Test
    void theTableAndPublicEndpointsAgreeOnWhatIsPublic() {
        AntPathMatcher matcher = new AntPathMatcher();
        List<String> disagreements = new ArrayList<>();
        List<String> open = new ArrayList<>(List.of(PublicEndpoints.MEMBERS_AND_PROVIDERS));
        open.addAll(List.of(PublicEndpoints.CONSOLE_OPEN));
        open.addAll(List.of(PublicEndpoints.MEMBERS_OPEN));
        for (Rule r : EndpointAccessTable.RULES) {
            String path = r.path().replaceFirst("\\?.*", "");
            boolean listed = open.stream().anyMatch(p -> matcher.match(p, path));
            if (listed != (r.access() == Access.PUBLIC)) {
                disagreements.add(r.key() + " is " + r.access() + " here but " + (listed ? "" : "not ")
                        + "opened by PublicEndpoints");
            }
        }
        for (String p : open) {
            if (EndpointAccessTable.RULES.stream()
                    .noneMatch(r -> matcher.match(p, r.path().replaceFirst("\\?.*", "")))) {
                disagreements.add(p + " is opened by PublicEndpoints but the suite sends nothing there");
            }
        }
        assertThat(disagreements).isEmpty();
    }

    /**
     * The organizer role means someone scoped to a district: one with no district is refused every
     * organizer page, so the table's "organizer" column is checked with olga organizing one (AK-AL, where
     * no test runs a cycle). Before this, the result depended on whether another test had granted her one.
     */
    @BeforeEach
    void olgaOrganizesADistrict() {
        jdbc.sql("insert into organizer_district (console_user_id, district_id, granted_by) "
                        + "select id, 'AK-AL', 'EndpointSecurityTest' from console_user where username = 'olga' "
                        + "on conflict do nothing")
                .update();
    }

    @TestFactory
    Stream<DynamicNode> everyEndpointAsEveryRoleAndAsNobody() {
        Map<String, Rule> table = table();
        List<DynamicNode> nodes = new ArrayList<>();
        for (String key : served()) {
            Rule rule = table.get(key);
            if (rule == null) {
                nodes.add(DynamicTest.dynamicTest(
                        key + " is classified", () -> fail(key + " has no row in EndpointAccessTable")));
            }
        }
        for (Rule rule : EndpointAccessTable.RULES) {
            List<DynamicTest> cases = new ArrayList<>();
            for (Actor actor : Actor.values()) {
                cases.add(DynamicTest.dynamicTest(
                        actor.label() + " " + expectation(actor, rule), () -> check(actor, rule)));
            }
            nodes.add(DynamicContainer.dynamicContainer(rule.key() + " [" + rule.access() + "]", cases));
        }
        return nodes.stream();
    }

    private static String expectation(Actor actor, Rule rule) {
        if (rule.access() == Access.PUBLIC) {
            return "passes the security chain";
        }
        if (rule.access() == Access.MEMBER) {
            return "is sent to the members' sign-in";
        }
        if (actor.role == null) {
            return rule.api() ? "gets 401" : "is sent to sign in";
        }
        return rule.access().allows(actor.role) ? "is let through" : "gets 403";
    }

    private void check(Actor actor, Rule rule) throws Exception {
        HttpResponse<String> response = send(actor, rule);
        int status = response.statusCode();
        String location = response.headers().firstValue("Location").orElse("");
        boolean toSignIn = status / 100 == 3 && location.matches(".*/login(\\?.*)?$");
        String seen = rule.method() + " " + rule.path() + " as " + actor.label() + " answered " + status
                + (location.isEmpty() ? "" : " -> " + location) + ": " + abbreviate(response.body());
        if (rule.access() == Access.MEMBER) {
            // no console account is a member's session: every one of them is sent to the members' sign-in
            assertThat(status).as(seen).isEqualTo(302);
            assertThat(location).as(seen).endsWith("/me/sign-in");
        } else if (rule.access() == Access.PUBLIC) {
            assertThat(toSignIn).as(seen).isFalse();
            assertThat(status).as(seen).isNotEqualTo(403);
            if (!rule.ownRefusal()) {
                assertThat(status).as(seen).isNotEqualTo(401);
            }
        } else if (actor.role == null) {
            if (rule.api()) {
                assertThat(status).as(seen).isEqualTo(401);
            } else {
                assertThat(toSignIn).as(seen).isTrue();
            }
        } else if (rule.access().allows(actor.role)) {
            assertThat(status).as(seen).isNotIn(401, 403);
            assertThat(toSignIn).as(seen).isFalse();
        } else {
            assertThat(status).as(seen).isEqualTo(403);
        }
    }

    private HttpResponse<String> send(Actor actor, Rule rule) throws Exception {
        String method = rule.method().equals("*") ? "GET" : rule.method();
        Map<String, String> headers = new LinkedHashMap<>();
        String body = rule.body();
        if (body != null) {
            headers.put("Content-Type", rule.json() ? "application/json" : "application/x-www-form-urlencoded");
            // what a browser sends with a form from the app's own page
            headers.put("Origin", base());
        }
        if (rule.api()) {
            if (!method.equals("GET")) {
                // as pp sends every change (pp logout's DELETE included): the API takes changes only as JSON
                headers.put("Content-Type", "application/json");
            }
            if (actor.role != null) {
                headers.put(
                        "Authorization",
                        rule.basic()
                                ? "Basic "
                                        + java.util.Base64.getEncoder()
                                                .encodeToString((actor.user + ":" + password(actor.user))
                                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                                : "Bearer " + token(actor));
            }
            return new ConsoleHttp(base()).send(method, rule.path(), headers, body);
        }
        ConsoleHttp session = session(actor);
        if (rule.access() != Access.PUBLIC && !method.equals("GET")) {
            body = (body == null || body.isEmpty() ? "" : body + "&") + "_csrf=" + csrf.get(actor);
            headers.put("Content-Type", "application/x-www-form-urlencoded");
        }
        return session.send(method, rule.path(), headers, body);
    }

    /** One browser session per actor, signed in (nobody's has the sign-in page's CSRF token). */
    private ConsoleHttp session(Actor actor) throws Exception {
        if (!sessions.containsKey(actor)) {
            ConsoleHttp session = new ConsoleHttp(base());
            if (actor.role == null) {
                csrf.put(actor, session.csrf("/login"));
            } else {
                assertThat(session.signIn(actor.user, password(actor.user))).endsWith("/");
                csrf.put(actor, session.csrf("/cycles"));
            }
            sessions.put(actor, session);
        }
        return sessions.get(actor);
    }

    /** One API token per role, from pp login's endpoint, so the suite hashes each password once. */
    private String token(Actor actor) throws Exception {
        if (!tokens.containsKey(actor)) {
            HttpResponse<String> issued =
                    new ConsoleHttp(base()).api("POST", "/api/tokens", actor.user, "{\"label\":\"security suite\"}");
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
            Matcher m = TOKEN.matcher(issued.body());
            assertThat(m.find()).as(issued.body()).isTrue();
            tokens.put(actor, m.group(1));
        }
        return tokens.get(actor);
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }

    /** The table as docs/security.md prints it (target/endpoint-access.md), from the rows just checked. */
    private static void writeTableForTheDocs() throws java.io.IOException {
        StringBuilder md = new StringBuilder(
                "| method | path | who may | admin | staff | finance | auditor | organizer |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Rule r : EndpointAccessTable.RULES) {
            md.append("| ")
                    .append(r.method())
                    .append(" | `")
                    .append(r.pattern())
                    .append("` | ");
            md.append(
                    switch (r.access()) {
                        case PUBLIC -> "anyone";
                        case MEMBER -> "a signed-in member";
                        case SIGNED_IN -> "any account";
                        default -> "right " + r.access().name();
                    });
            for (Role role : List.of(Role.ADMIN, Role.STAFF, Role.FINANCE, Role.AUDITOR, Role.ORGANIZER)) {
                md.append(" | ")
                        .append(
                                r.access() == Access.MEMBER
                                        ? "members' sign-in"
                                        : r.access().allows(role) ? "yes" : "403");
            }
            md.append(" |\n");
        }
        Path out = Path.of("target", "endpoint-access.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
    }
}
