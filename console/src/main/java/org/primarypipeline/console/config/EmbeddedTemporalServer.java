package org.primarypipeline.console.config;

import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporal's in-process server, the embedded default. It keeps nothing across a restart, which is why
 * PostgreSQL is the system of record and unfinished cycles are resumed on start.
 */
public final class EmbeddedTemporalServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporalServer.class);

    private final TestServer.PortBoundTestServer server;

    private EmbeddedTemporalServer(TestServer.PortBoundTestServer server) {
        this.server = server;
    }

    /** Starts the server unless one already listens on the port (a serving app that a command joins). */
    public static EmbeddedTemporalServer startOrJoin(int port, boolean mayStart) {
        if (port < 1) {
            // a Temporal cluster is configured (pp.temporal.target): nothing to start or join here
            return new EmbeddedTemporalServer(null);
        }
        if (listening(port)) {
            log.info("joining the Temporal server already listening on 127.0.0.1:{}", port);
            return new EmbeddedTemporalServer(null);
        }
        if (!mayStart) {
            return new EmbeddedTemporalServer(null);
        }
        log.info("starting the in-process Temporal server on 127.0.0.1:{} (no persistence)", port);
        // true: real wall-clock time, as a cluster would run it
        return new EmbeddedTemporalServer(TestServer.createPortBoundServer(port, true));
    }

    public boolean owned() {
        return server != null;
    }

    public static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
