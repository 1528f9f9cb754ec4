package org.primarypipeline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.primarypipeline.console.users.ConsoleUsers;
import org.primarypipeline.console.users.Role;
import org.primarypipeline.console.users.UserAdministration;
import org.primarypipeline.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app configured for an external PostgreSQL (a real server started separately) instead of the
 * embedded one: Flyway migrates it, the plan is loaded, and cycles are launched and refused over REST
 * by a staff account signing in with HTTP Basic.
 */
@SpringBootTest(classes = ConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExternalPostgresTest {

    @DynamicPropertySource
    static void externalDatabase(DynamicPropertyRegistry registry) throws IOException {
        String database = "external_" + ProcessHandle.current().pid();
        try (var admin = TestDatabase.freshEmpty()) {
            JdbcClient.create(admin).sql("create database " + database).update();
        }
        registry.add("spring.datasource.url", () -> TestDatabase.urlOf(database));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        int temporalPort = port;
        registry.add("pp.temporal.embedded-port", () -> temporalPort);
        FreshAppProperties.quickShutdown(registry);
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAdministration administration;

    @Autowired
    ConsoleUsers users;

    @BeforeEach
    void staffAccount() {
        if (users.find("alice").isEmpty()) {
            administration.addFromCommandLine("test", "alice", Role.STAFF, PASSWORD.toCharArray());
        }
    }

    private static final String PASSWORD = "a long staff passphrase";

    @Test
    void migratesLoadsThePlanAndLaunchesCyclesOnTheConfiguredServer() {
        assertThat(jdbc.sql("select current_database()").query(String.class).single())
                .startsWith("external_");
        assertThat(jdbc.sql("select count(*) from district where plan_id = 'cd2026'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(435);
        assertThat(jdbc.sql("select count(*) from house_member")
                        .query(Integer.class)
                        .single())
                .isEqualTo(437);

        // the districts were prioritized on the first start
        ResponseEntity<java.util.List> ranked = http.withBasicAuth("alice", PASSWORD)
                .getForEntity("/api/districts/priorities?limit=5", java.util.List.class);
        assertThat(ranked.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ranked.getBody()).hasSize(5);
        assertThat(http.withBasicAuth("alice", PASSWORD)
                        .getForEntity("/api/districts/priorities/export.csv", String.class)
                        .getBody()
                        .lines()
                        .count())
                .isEqualTo(436);

        ResponseEntity<Map> launched = post("/api/cycles", "{\"district\": \"ca-12\", \"votingPeriod\": \"3d\"}");
        assertThat(launched.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(launched.getBody()).containsEntry("id", "CA-12-1").containsEntry("stage", "PLEDGE_VETTING");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from cycle_event where cycle_id = 'CA-12-1' and kind = 'STAGE'")
                                .query(Integer.class)
                                .single()
                        > 0);

        ResponseEntity<Map> again = post("/api/cycles", "{\"district\": \"CA-12\"}");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("error").toString()).contains("already has a running cycle (CA-12-1)");

        assertThat(post("/api/cycles", "{\"district\": \"ZZ-01\"}").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<Map> badPeriod = post("/api/cycles", "{\"district\": \"CA-13\", \"votingPeriod\": \"soon\"}");
        assertThat(badPeriod.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badPeriod.getBody().get("error").toString()).contains("not a duration");
        assertThat(post("/api/cycles", "{not json").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(jdbc.sql("select count(*) from cycle").query(Integer.class).single())
                .isEqualTo(1);

        assertThat(http.getForEntity("/api/cycles/NO-SUCH-1", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("alice", PASSWORD)
                        .getForEntity("/api/cycles/NO-SUCH-1", Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<Map> early = post("/api/cycles/CA-12-1/certify", "");
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(early.getBody().get("error").toString()).contains("only a cycle in certification");
    }

    private ResponseEntity<Map> post(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("alice", PASSWORD).postForEntity(path, new HttpEntity<>(json, headers), Map.class);
    }
}
