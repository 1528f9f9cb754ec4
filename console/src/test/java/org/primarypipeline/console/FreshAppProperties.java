package org.primarypipeline.console;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import org.primarypipeline.activities.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;

/** What a test of the whole app runs on: an empty database of its own and a free port for Temporal. */
public final class FreshAppProperties {

    private FreshAppProperties() {
    }

    public static void register(DynamicPropertyRegistry registry) throws IOException {
        String url;
        try (HikariDataSource empty = TestDatabase.freshEmpty()) {
            url = empty.getJdbcUrl();
        }
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        try (ServerSocket socket = new ServerSocket(0)) {
            int port = socket.getLocalPort();
            registry.add("pp.temporal.embedded-port", () -> port);
        }
    }
}
