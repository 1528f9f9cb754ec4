package org.primarypipeline.console.web;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.primarypipeline.console.ConsoleApplication;
import org.primarypipeline.console.users.ConsoleUsers;
import org.primarypipeline.console.users.DisableAccount;
import org.primarypipeline.console.users.Role;
import org.primarypipeline.console.users.UserAdministration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One app for all console tests: a fresh PostgreSQL database on the shared test server, the in-process
 * Temporal server on a free port, and one account per role created the way an admin would. Test
 * classes extending this share the Spring context (same configuration), so it starts once.
 */
@SpringBootTest(classes = ConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ConsoleTestSupport {

    /** Account name to role and password; ada is the admin, alice and bob the two staff members of four-eyes. */
    static final Map<String, Role> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("ada", Role.ADMIN);
        ROLES.put("alice", Role.STAFF);
        ROLES.put("bob", Role.STAFF);
        ROLES.put("fiona", Role.FINANCE);
        ROLES.put("otto", Role.AUDITOR);
        ROLES.put("olga", Role.ORGANIZER);
    }

    static String password(String user) {
        return "staple battery horse " + Integer.toHexString(user.hashCode());
    }

    @DynamicPropertySource
    static void freshDatabaseAndTemporalPort(DynamicPropertyRegistry registry) throws IOException {
        org.primarypipeline.console.FreshAppProperties.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    UserAdministration administration;

    @Autowired
    DisableAccount disableAccount;

    @Autowired
    ConsoleUsers users;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void accounts() {
        ROLES.forEach((name, role) -> {
            if (users.find(name).isEmpty()) {
                administration.addFromCommandLine(
                        "test", name, role, password(name).toCharArray());
            }
        });
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits for the cycle's workflow to have written its first stage to PostgreSQL: it is running. */
    void awaitStarted(String cycleId) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("select count(*) from cycle_event where cycle_id = ? and kind = 'STAGE'")
                                .param(cycleId)
                                .query(Integer.class)
                                .single()
                        > 0);
    }

    String stageOf(String cycleId) {
        return jdbc.sql("select stage from cycle where id = ?")
                .param(cycleId)
                .query(String.class)
                .single();
    }
}
