package org.primarypipeline.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The embedded default database: a real PostgreSQL server (zonky's binaries) whose data directory is
 * kept under a local folder, so a second start finds the data of the first.
 *
 * <p>Commands run from the shell while the console is serving must share its server rather than start a
 * second one on the same data directory, so the port is written beside the data and a start first
 * looks for a live server there.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "postgres";
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final int port;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    /** Connects to the server already running on this data directory, or starts one. */
    public static EmbeddedPostgresServer startOrJoin(Path dataDirectory) {
        Optional<Integer> running = runningPort(dataDirectory);
        if (running.isPresent()) {
            return new EmbeddedPostgresServer(null, running.get());
        }
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres started = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory.resolve("pgdata"))
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", System.getProperty("pp.embedded.fsync", "on"))
                    .start();
            Files.writeString(portFile(dataDirectory), Integer.toString(started.getPort()), StandardCharsets.UTF_8);
            return new EmbeddedPostgresServer(started, started.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** A throw-away server with a fresh data directory, for tests and benchmarks. */
    public static EmbeddedPostgresServer startFresh() {
        try {
            EmbeddedPostgres started = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            return new EmbeddedPostgresServer(started, started.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an embedded PostgreSQL", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    /** True when this process started the server (and so stops it on close). */
    public boolean owned() {
        return postgres != null;
    }

    @Override
    public void close() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Path portFile(Path dataDirectory) {
        return dataDirectory.resolve("postgres.port");
    }

    private static Optional<Integer> runningPort(Path dataDirectory) {
        Path portFile = portFile(dataDirectory);
        Path pid = dataDirectory.resolve("pgdata").resolve("postmaster.pid");
        if (!Files.exists(portFile) || !Files.exists(pid)) {
            return Optional.empty();
        }
        try {
            int port = Integer.parseInt(Files.readString(portFile).trim());
            // postmaster.pid's fourth line is the port the live server listens on
            List<String> lines = Files.readAllLines(pid);
            if (lines.size() < 4 || !lines.get(3).trim().equals(Integer.toString(port))) {
                return Optional.empty();
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return Optional.of(port);
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
