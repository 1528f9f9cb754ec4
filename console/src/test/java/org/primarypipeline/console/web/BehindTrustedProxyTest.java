package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.primarypipeline.console.ConsoleApplication;
import org.primarypipeline.console.FreshAppProperties;
import org.primarypipeline.console.users.ConsoleUsers;
import org.primarypipeline.console.users.Role;
import org.primarypipeline.console.users.UserAdministration;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app behind the Ingress: the test plays the proxy (127.0.0.1 is configured as trusted), so the
 * client's address and scheme come from X-Forwarded-For and X-Forwarded-Proto. One client locked out
 * by the per-address limit does not lock out another; https through the proxy gets a Secure cookie and
 * HSTS; no more Argon2 hashes run at once than configured (here one), the rest are told to try later.
 * On the old code every client had the proxy's address and nothing knew the request was https.
 */
@SpringBootTest(
        classes = ConsoleApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "pp.security.trusted-proxies=127.0.0.1, ::1",
            "pp.console.login.max-failures-per-address=3",
            "pp.security.max-concurrent-hashes=1",
            "pp.security.hash-wait=0s",
            "pp.prioritize.on-start=false"
        })
class BehindTrustedProxyTest {

    private static final String RIGHT = "the right passphrase behind the ingress";

    @DynamicPropertySource
    static void app(DynamicPropertyRegistry registry) throws IOException {
        FreshAppProperties.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    UserAdministration administration;

    @Autowired
    ConsoleUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CycleRepository cycles;

    private EdgeClient edge;

    @BeforeEach
    void account() {
        edge = new EdgeClient("http://127.0.0.1:" + port);
        if (users.find("proxied").isEmpty()) {
            administration.addFromCommandLine("test", "proxied", Role.STAFF, RIGHT.toCharArray());
        }
    }

    @Test
    void theClientAddressIsTheRightmostOneTheTrustedProxyDidNotAdd() throws Exception {
        // the client sent its own X-Forwarded-For (spoofed); the proxy appended the address it saw
        edge.basic("who-is-it", "a wrong password", "198.51.100.66, 203.0.113.5", null);
        assertThat(jdbc.sql("select remote_addr from audit_log where actor = 'who-is-it'")
                        .query(String.class)
                        .single())
                .isEqualTo("203.0.113.5");
    }

    @Test
    void oneClientLockedOutByTheAddressLimitDoesNotLockOutAnother() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(edge.basic("guess-" + i, "wrong", "203.0.113.20", null).statusCode())
                    .isEqualTo(401);
        }
        assertThat(edge.basic("proxied", RIGHT, "203.0.113.20", null).statusCode())
                .as("the guessing client")
                .isEqualTo(429);
        assertThat(edge.basic("proxied", RIGHT, "203.0.113.21", null).statusCode())
                .as("another client behind the same proxy")
                .isEqualTo(200);
    }

    @Test
    void httpsThroughTheProxyGetsASecureCookieAndHsts() throws Exception {
        HttpResponse<String> https = edge.get("/login", "203.0.113.30", "https");
        assertThat(https.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(https.headers().allValues("Set-Cookie")).isNotEmpty().allMatch(c -> c.contains("Secure"));

        HttpResponse<String> http = edge.get("/login", "203.0.113.30", null);
        assertThat(http.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(http.headers().allValues("Set-Cookie")).isNotEmpty().noneMatch(c -> c.contains("Secure"));
    }

    @Test
    void hashesBeyondTheBoundAreToldToTryLaterNotQueuedWithoutLimit() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> attempts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            attempts.add(edge.basicAsync("busy-" + i, "wrong", "203.0.113." + (100 + i)));
        }
        int busy = 0;
        for (CompletableFuture<HttpResponse<String>> attempt : attempts) {
            HttpResponse<String> response = attempt.get();
            assertThat(response.statusCode()).isIn(401, 429);
            if (response.statusCode() == 429) {
                busy++;
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
            }
        }
        assertThat(busy).as("attempts refused while another hash ran").isPositive();
        assertThat(edge.basic("proxied", RIGHT, "203.0.113.99", null).statusCode())
                .as("a busy refusal does not count as a failure")
                .isEqualTo(200);
    }

    /** The nomination limit (per address per hour) counts the stored address: the client's, not the proxy's. */
    @Test
    void aNominationRecordsTheClientsAddress() throws Exception {
        CycleRecord cycle = cycles.create("cd2026", "ME-01", CycleSettings.defaults(), "alice", Instant.now());
        cycles.enterStage(
                cycle.id(),
                CycleStage.NOMINATION_WINDOW,
                Instant.now().plus(Duration.ofDays(10)),
                0,
                "nominations open",
                "nominations-open");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("self", "false");
        form.put("nomineeName", "Ana Ortiz");
        form.put("nomineeEmail", "ana@example.org");
        form.put("nomineePhone", "");
        form.put("reason", "She ran the county food bank for a decade.");
        form.put("nominatorName", "Sam Lee");
        form.put("nominatorEmail", "sam@example.org");
        form.put("website", "");
        assertThat(edge.form("/nominate/" + cycle.id(), form, "198.51.100.7, 203.0.113.40")
                        .statusCode())
                .isLessThan(400);
        assertThat(jdbc.sql("select submitted_ip from nomination where cycle_id = ?")
                        .param(cycle.id())
                        .query(String.class)
                        .list())
                .containsExactly("203.0.113.40");
    }
}
