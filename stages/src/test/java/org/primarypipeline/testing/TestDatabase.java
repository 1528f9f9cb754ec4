package org.primarypipeline.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.primarypipeline.platform.db.EmbeddedPostgresServer;

/**
 * One real PostgreSQL server per test JVM (zonky's embedded binaries) and a fresh, fully migrated
 * database for each caller, so test classes never see each other's rows.
 */
public final class TestDatabase {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgresServer server;

    private TestDatabase() {}

    public static synchronized EmbeddedPostgresServer server() {
        if (server == null) {
            server = EmbeddedPostgresServer.startFresh();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    /** A new empty database on the shared server, migrated by Flyway like production. */
    public static HikariDataSource freshMigrated() {
        HikariDataSource dataSource = freshEmpty();
        Flyway.configure().dataSource(dataSource).load().migrate();
        return dataSource;
    }

    /** A new empty database with no schema. */
    public static HikariDataSource freshEmpty() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        try (Connection c = dataSource(server().jdbcUrl(), 2).getConnection();
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return dataSource(urlOf(name), 10);
    }

    public static String urlOf(String database) {
        return "jdbc:postgresql://127.0.0.1:" + server().port() + "/" + database;
    }

    private static HikariDataSource dataSource(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(EmbeddedPostgresServer.USER);
        config.setPassword(EmbeddedPostgresServer.USER);
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    /** Closes a data source handed out here. */
    public static void close(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikari) {
            hikari.close();
        }
    }
}
