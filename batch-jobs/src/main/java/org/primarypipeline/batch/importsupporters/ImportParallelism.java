package org.primarypipeline.batch.importsupporters;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * How many partitions an import runs on threads of this process when {@code pp.import.partitions} does
 * not say. A partition alternates between Java (reading, validating, districting a chunk) and waiting
 * while PostgreSQL stores it. When PostgreSQL runs on this machine (the embedded server, or one on
 * localhost) the waiting partition's server process takes the core, so one partition per core already
 * keeps every core busy, and a second one per core only makes the server processes contend for the same
 * index pages on an oversubscribed machine: on two cores, two partitions took 12.3–13.0 s and 15–16 s of
 * PostgreSQL's processor time where four took 14.0–15.3 s and 17–19 s (docs/benchmarks.md, "Import in
 * session 10"). When PostgreSQL runs elsewhere, a waiting partition leaves its core idle here, so two per
 * core keep the cores busy while the other of each pair waits.
 */
final class ImportParallelism {

    private static final Pattern HOSTS = Pattern.compile("^jdbc:postgresql://([^/?]*)");

    private ImportParallelism() {}

    /** One per core with the database here, two per core without. */
    static int partitions(int cores, boolean databaseOnThisMachine) {
        return databaseOnThisMachine ? cores : 2 * cores;
    }

    /** Whether every host the JDBC URL names is this machine (a URL without a host is a local socket). */
    static boolean onThisMachine(String jdbcUrl) {
        Matcher m = HOSTS.matcher(jdbcUrl == null ? "" : jdbcUrl);
        if (!m.find()) {
            return false;
        }
        String hosts = m.group(1);
        if (hosts.isEmpty()) {
            return true;
        }
        for (String hostAndPort : hosts.split(",")) {
            String host = hostAndPort.startsWith("[")
                    ? hostAndPort.substring(1, Math.max(1, hostAndPort.indexOf(']')))
                    : hostAndPort.replaceFirst(":\\d*$", "");
            host = host.toLowerCase(Locale.ROOT);
            if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("::1"))) {
                return false;
            }
        }
        return true;
    }

    /** The data source's URL as its driver reports it; a database that cannot be asked counts as elsewhere. */
    static boolean onThisMachine(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return onThisMachine(c.getMetaData().getURL());
        } catch (SQLException e) {
            return false;
        }
    }
}
