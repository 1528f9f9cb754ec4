package org.primarypipeline.console.config;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.InProcessGRPCServer;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporal's in-process server, the embedded default. It keeps nothing across a restart, which is why
 * PostgreSQL is the system of record and unfinished cycles are resumed on start.
 *
 * <p>Built as Temporal's {@code TestServer.createPortBoundServer} builds it, with two differences: the
 * timer's lock-event record is bounded ({@link TimerLockEvents}), and the app that owns the server
 * reaches it through an in-process channel, while commands and other processes use the port.
 */
public final class EmbeddedTemporalServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporalServer.class);

    private final TestServicesStarter services;
    private final Server portServer;
    private final InProcessGRPCServer inProcess;

    private EmbeddedTemporalServer(TestServicesStarter services, Server portServer, InProcessGRPCServer inProcess) {
        this.services = services;
        this.portServer = portServer;
        this.inProcess = inProcess;
    }

    private static EmbeddedTemporalServer none() {
        return new EmbeddedTemporalServer(null, null, null);
    }

    /** Starts the server unless one already listens on the port (a serving app that a command joins). */
    public static EmbeddedTemporalServer startOrJoin(int port, boolean mayStart) {
        if (port < 1) {
            // a Temporal cluster is configured (pp.temporal.target): nothing to start or join here
            return none();
        }
        if (listening(port)) {
            log.info("joining the Temporal server already listening on 127.0.0.1:{}", port);
            return none();
        }
        if (!mayStart) {
            return none();
        }
        log.info("starting the in-process Temporal server on 127.0.0.1:{} (no persistence)", port);
        // true: time skipping locked, so real wall-clock time, as a cluster would run it
        TestServicesStarter services = new TestServicesStarter(true, 0);
        TimerLockEvents.bound(services);
        ServerBuilder<?> builder = Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create());
        GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
        try {
            Server portServer = builder.build().start();
            return new EmbeddedTemporalServer(services, portServer, new InProcessGRPCServer(services.getServices()));
        } catch (IOException e) {
            services.close();
            throw new UncheckedIOException("could not serve Temporal on port " + port, e);
        }
    }

    public boolean owned() {
        return services != null;
    }

    /**
     * The channel the owning app's client and worker use: no socket, no HTTP/2 framing, and calls run on
     * the caller's thread. Empty when this app joined another's server or uses a cluster.
     */
    public Optional<ManagedChannel> inProcessChannel() {
        return inProcess == null ? Optional.empty() : Optional.of(inProcess.getChannel());
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
        if (services == null) {
            return;
        }
        inProcess.shutdownNow();
        portServer.shutdown();
        try {
            if (!portServer.awaitTermination(1, TimeUnit.SECONDS)) {
                portServer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            portServer.shutdownNow();
        }
        services.close();
    }
}
