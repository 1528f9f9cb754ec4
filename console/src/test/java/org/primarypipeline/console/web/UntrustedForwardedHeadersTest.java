package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.primarypipeline.console.ConsoleApplication;
import org.primarypipeline.console.FreshAppProperties;
import org.primarypipeline.console.users.ConsoleUsers;
import org.primarypipeline.console.users.Role;
import org.primarypipeline.console.users.UserAdministration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app reached directly, with no trusted proxy configured (the default): forwarded headers sent by
 * the client are ignored, so a guesser cannot escape the per-address limit by inventing addresses, nor
 * claim https. The public pages' policy allows nothing by default and forms only to the app itself.
 */
@SpringBootTest(
        classes = ConsoleApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pp.console.login.max-failures-per-address=3", "pp.prioritize.on-start=false"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UntrustedForwardedHeadersTest {

    private static final String RIGHT = "the right passphrase sent straight";

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

    private EdgeClient edge;

    @BeforeEach
    void account() {
        edge = new EdgeClient("http://127.0.0.1:" + port);
        if (users.find("direct").isEmpty()) {
            administration.addFromCommandLine("test", "direct", Role.STAFF, RIGHT.toCharArray());
        }
    }

    @Test
    @Order(1)
    void forwardedHeadersFromAnUntrustedPeerAreIgnored() throws Exception {
        edge.basic("spoofer", "a wrong password", "203.0.113.5", null);
        assertThat(jdbc.sql("select remote_addr from audit_log where actor = 'spoofer'")
                        .query(String.class)
                        .single())
                .isEqualTo("127.0.0.1");

        HttpResponse<String> claimedHttps = edge.get("/login", "203.0.113.5", "https");
        assertThat(claimedHttps.headers().firstValue("Strict-Transport-Security"))
                .isEmpty();
        assertThat(claimedHttps.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("Secure"));
    }

    @Test
    @Order(2)
    void inventedAddressesDoNotEscapeTheAddressLimit() throws Exception {
        // the first test's failure counts too: every request here comes from 127.0.0.1
        for (int i = 0; i < 3; i++) {
            assertThat(edge.basic("rotating-" + i, "wrong", "198.51.100." + i, null)
                            .statusCode())
                    .isIn(401, 429);
        }
        assertThat(edge.basic("direct", RIGHT, "198.51.100.200", null).statusCode())
                .isEqualTo(429);
    }

    @Test
    void publicPagesAllowNothingByDefaultAndFormsOnlyToTheApp() throws Exception {
        HttpResponse<String> page = edge.get("/fundraisers/999999", null, null);
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'none'", "form-action 'self'", "frame-ancestors 'none'");
    }
}
