package org.primarypipeline.integrations.outreach.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.primarypipeline.platform.db.EmbeddedPostgresServer;

/**
 * An outreach sender in a JVM of its own, so a test can kill it the way a machine dies (SIGKILL:
 * no shutdown hook, no graceful stop, whatever was between the SMTP server's 250 and the database's
 * commit is lost). It ends itself after two minutes should its test die first.
 */
public final class SenderProcess {

    private SenderProcess() {}

    /** Arguments: JDBC URL, SMTP port, the instant its clock shows, then {@code key=value} properties. */
    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setUsername(EmbeddedPostgresServer.USER);
        config.setPassword(EmbeddedPostgresServer.USER);
        config.setMaximumPoolSize(10);
        Map<String, Object> properties = new java.util.HashMap<>(
                Map.of("pp.outreach.email.host", "127.0.0.1", "pp.outreach.email.port", args[1]));
        for (int i = 3; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            properties.put(pair[0], pair[1]);
        }
        Outreach.start(new HikariDataSource(config), new MutableClock(Instant.parse(args[2])), properties, false);
        Thread.sleep(120_000);
        System.exit(3);
    }

    public static Process launch(
            String jdbcUrl, int smtpPort, Instant clock, Map<String, String> properties, File log) {
        // a short-lived JVM on two shared cores: C1 alone and the serial collector start it fastest
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xss512k",
                "-cp",
                System.getProperty("java.class.path"),
                SenderProcess.class.getName(),
                jdbcUrl,
                Integer.toString(smtpPort),
                clock.toString()));
        properties.forEach((k, v) -> command.add(k + "=" + v));
        try {
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a sender process", e);
        }
    }
}
