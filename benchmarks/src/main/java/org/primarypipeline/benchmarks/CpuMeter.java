package org.primarypipeline.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Processor time spent by this JVM and by the benchmark's PostgreSQL server (the postmaster, its live
 * processes and those that ended), read from {@code /proc}. On a machine other work shares, wall-clock
 * figures swing with the load; the processor time a job costs does much less, so the supporter
 * benchmarks print both. Zero PostgreSQL time where {@code /proc} is not there to read.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0;

    private final long postmaster;

    /** @param dataDirectory the server's data directory, whose {@code postmaster.pid} names the postmaster */
    CpuMeter(String dataDirectory) {
        long pid = -1;
        try {
            pid = Long.parseLong(Files.readAllLines(Path.of(dataDirectory, "postmaster.pid"))
                    .get(0)
                    .trim());
        } catch (IOException | RuntimeException e) {
            // no /proc or no pid file: PostgreSQL time is reported as zero
        }
        this.postmaster = pid;
    }

    /** Seconds of processor time so far: [JVM, PostgreSQL]. */
    double[] seconds() {
        double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
        return new double[] {jvm, postgresTicks() / TICKS_PER_SECOND};
    }

    /** Seconds of processor time, JVM and PostgreSQL together, since {@code before} ({@link #seconds()}). */
    double totalSince(double[] before) {
        double[] now = seconds();
        return now[0] - before[0] + now[1] - before[1];
    }

    private long postgresTicks() {
        if (postmaster < 0) {
            return 0;
        }
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) processes::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                List<String> f = stat(p);
                if (f == null) {
                    continue;
                }
                long pid = Long.parseLong(name);
                if (pid == postmaster) {
                    // its own time and that of the backends that have ended (cutime, cstime)
                    ticks += Long.parseLong(f.get(13))
                            + Long.parseLong(f.get(14))
                            + Long.parseLong(f.get(15))
                            + Long.parseLong(f.get(16));
                } else if (Long.parseLong(f.get(3)) == postmaster) {
                    ticks += Long.parseLong(f.get(13)) + Long.parseLong(f.get(14));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks;
    }

    /** The fields of /proc/PID/stat, the command name (which may hold spaces) taken out. */
    private static List<String> stat(Path process) {
        try {
            String s = Files.readString(process.resolve("stat"));
            int close = s.lastIndexOf(')');
            String[] rest = s.substring(close + 2).split(" ");
            java.util.ArrayList<String> fields = new java.util.ArrayList<>();
            fields.add(s.substring(0, s.indexOf(' ')));
            fields.add("comm");
            fields.addAll(List.of(rest));
            return fields;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
