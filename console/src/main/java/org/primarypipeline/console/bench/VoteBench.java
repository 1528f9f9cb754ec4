package org.primarypipeline.console.bench;

import org.primarypipeline.core.vote.bench.VoteBenchmark;
import picocli.CommandLine.Command;

/** {@code pp bench vote}: a national-scale count; prints {@code vote.seconds} and {@code vote.heap_mb}. */
@Command(name = "vote", description = "Time resolving the flow and the IRV count for 1,000,000 members.")
public final class VoteBench implements Runnable {

    @Override
    public void run() {
        VoteBenchmark.run(System.out);
    }
}
