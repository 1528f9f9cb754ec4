package org.primarypipeline.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.primarypipeline.core.vote.CastVoteRecords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pp bench tally}: the whole {@code pp tally} command, as a user runs it, on cast-vote records the
 * size of a real 296,077-ballot four-candidate count ({@link CastVoteRecords}: ranks up to 5, 1% overvotes,
 * 1% skipped ranks). Wall time and peak resident memory come from {@code /usr/bin/time} around the
 * {@code pp} script; {@code pp help}, which starts the Spring command line, is timed in the same run as
 * the reference for a JVM start. One untimed run first (it builds the jar if stale and writes the
 * class-data archive); medians of the timed runs are printed, with the largest peak memory.
 */
@Command(name = "tally", description = "Time pp tally on 296,077 generated cast-vote records, and pp help.")
public class TallyBench implements Runnable {

    @Option(names = "--ballots", defaultValue = "296077", description = "Ballots (default ${DEFAULT-VALUE}).")
    int ballots;

    @Option(names = "--runs", defaultValue = "3", description = "Timed runs of each (default ${DEFAULT-VALUE}).")
    int runs;

    private record Run(double seconds, long peakKb) {}

    @Override
    public void run() {
        PrintStream out = System.out;
        try {
            Path dir = Files.createTempDirectory("pp-bench-tally");
            CastVoteRecords.Files3 files = CastVoteRecords.write(dir, ballots, 296_077L);
            List<String> tally = List.of(
                    "tally",
                    "--members",
                    files.members().toString(),
                    "--proxies",
                    files.proxies().toString(),
                    "--ballots",
                    files.ballots().toString());
            pp(dir, tally, "Winner: ");
            List<Run> counted = new ArrayList<>();
            List<Run> helped = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                counted.add(pp(dir, tally, "Winner: "));
                helped.add(pp(dir, List.of("help"), "Usage:"));
            }
            out.printf(Locale.ROOT, "tally.ballots: %d ballots%n", ballots);
            out.printf(Locale.ROOT, "tally.seconds: %.2f s%n", median(counted));
            out.printf(
                    Locale.ROOT,
                    "tally.rss_mb: %.0f MB%n",
                    counted.stream().mapToLong(Run::peakKb).max().orElse(0) / 1024.0);
            out.printf(Locale.ROOT, "tally.startup_seconds: %.2f s%n", median(helped));
        } catch (IOException e) {
            throw new IllegalStateException("tally bench: " + e.getMessage(), e);
        }
    }

    /** Runs {@code pp ARGS} under {@code /usr/bin/time}; the answer must hold {@code expected}. */
    private static Run pp(Path dir, List<String> args, String expected) throws IOException {
        Path time = Path.of("/usr/bin/time");
        if (!Files.isExecutable(time)) {
            throw new IllegalStateException("the tally bench needs /usr/bin/time (GNU time) for peak memory");
        }
        Path measured = dir.resolve("time.txt");
        Path answer = dir.resolve("answer.txt");
        List<String> command = new ArrayList<>(
                List.of(time.toString(), "-f", "%e %M", "-o", measured.toString(), script().toString()));
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(answer.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            int exit = process.waitFor();
            String printed = Files.readString(answer, StandardCharsets.UTF_8);
            if (exit != 0 || !printed.contains(expected)) {
                throw new IllegalStateException("pp " + String.join(" ", args) + " failed with exit " + exit);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<String> lines = Files.readAllLines(measured, StandardCharsets.UTF_8);
        String[] figures = lines.get(lines.size() - 1).trim().split(" ");
        return new Run(Double.parseDouble(figures[0]), Long.parseLong(figures[1]));
    }

    /** The {@code pp} script that started this benchmark (it passes its own folder as {@code pp.home}). */
    private static Path script() {
        return Path.of(System.getProperty("pp.home", ".")).resolve("pp");
    }

    private static double median(List<Run> runs) {
        double[] seconds = runs.stream().mapToDouble(Run::seconds).toArray();
        Arrays.sort(seconds);
        return seconds[seconds.length / 2];
    }
}
