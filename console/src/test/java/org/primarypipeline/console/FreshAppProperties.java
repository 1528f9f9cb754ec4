package org.primarypipeline.console;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import org.primarypipeline.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;

/** What a test of the whole app runs on: an empty database of its own and a free port for Temporal. */
public final class FreshAppProperties {

    /**
     * Cached test apps are closed at the JVM's exit, when their database may be gone already: the outbox
     * routes then wait on a connection that never comes, and Camel would wait for them its full timeout.
     */
    public static void quickShutdown(DynamicPropertyRegistry registry) {
        registry.add("camel.main.shutdown-timeout", () -> "2");
    }

    private FreshAppProperties() {}

    public static void register(DynamicPropertyRegistry registry) throws IOException {
        String url;
        try (HikariDataSource empty = TestDatabase.freshEmpty()) {
            url = empty.getJdbcUrl();
        }
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        quickShutdown(registry);
        // tests join members and open a round at once: no waiting period before a member gets a ballot
        // (JoiningTest sets its own to test the rule)
        registry.add("pp.vote.min-membership-age", () -> "0s");
        // mail to a port where nothing listens waits in the outbox with its links, which the tests read as a
        // member would from their inbox (sent mail drops its secret links); MailboxPageTest runs the local
        // mailbox in a context of its own
        registry.add("pp.outreach.email.host", () -> "${pp.test.smtp-host:127.0.0.1}");
        registry.add("pp.outreach.email.port", () -> "9");
        try (ServerSocket socket = new ServerSocket(0)) {
            int port = socket.getLocalPort();
            registry.add("pp.temporal.embedded-port", () -> port);
        }
    }
}
