package org.primarypipeline.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.primarypipeline.platform.db.EmbeddedPostgresServer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A benchmark's world: a fresh embedded PostgreSQL and a Spring context on it (without the web server,
 * or serving on 127.0.0.1), quiet logs, and (when the context runs Temporal) an in-process server on a free port. Closing it
 * stops both, the context first.
 */
final class BenchContext implements AutoCloseable {

    private final EmbeddedPostgresServer postgres;
    private final ConfigurableApplicationContext app;

    private BenchContext(EmbeddedPostgresServer postgres, ConfigurableApplicationContext app) {
        this.postgres = postgres;
        this.app = app;
    }

    /** {@code settings} add to or override the common ones. */
    static BenchContext start(Class<?> application, Map<String, String> settings) {
        return start(application, settings, WebApplicationType.NONE);
    }

    /**
     * As {@link #start(Class, Map)}, serving HTTP on 127.0.0.1 at a free port ({@link #port()}), for the
     * benchmarks that drive the app as its users do.
     */
    static BenchContext startServing(Class<?> application, Map<String, String> settings) {
        Map<String, String> serving = new HashMap<>(settings);
        serving.putIfAbsent("server.port", Integer.toString(freePort()));
        serving.putIfAbsent("server.address", "127.0.0.1");
        return start(application, serving, WebApplicationType.SERVLET);
    }

    private static BenchContext start(Class<?> application, Map<String, String> settings, WebApplicationType web) {
        // the embedded server logs its start-up before Spring's logging settings apply
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.zonky"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startFresh();
        try {
            Map<String, Object> properties = new HashMap<>(Map.of(
                    "spring.datasource.url",
                    postgres.jdbcUrl(),
                    "spring.datasource.username",
                    EmbeddedPostgresServer.USER,
                    "spring.datasource.password",
                    EmbeddedPostgresServer.USER,
                    "pp.temporal.embedded-port",
                    Integer.toString(freePort()),
                    "pp.resume-on-start",
                    "false",
                    "logging.level.root",
                    "WARN"));
            properties.putAll(settings);
            ConfigurableApplicationContext app = new SpringApplicationBuilder(application)
                    .web(web)
                    .properties(properties)
                    .run();
            return new BenchContext(postgres, app);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    ConfigurableApplicationContext app() {
        return app;
    }

    /** The HTTP port of a context started by {@link #startServing}. */
    int port() {
        return Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
    }

    EmbeddedPostgresServer postgres() {
        return postgres;
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            postgres.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
