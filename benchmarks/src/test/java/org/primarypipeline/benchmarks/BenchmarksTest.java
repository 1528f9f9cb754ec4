package org.primarypipeline.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The benchmarks jar's command tree; running a benchmark is {@code pp bench NAME}, never a test. */
class BenchmarksTest {

    @Test
    void helpListsEveryBenchmarkUnderPpBench() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Benchmarks());
        cli.setOut(new PrintWriter(out, true));
        assertThat(cli.execute("help")).isZero();
        assertThat(out.toString())
                .contains("Usage: pp bench", "'name: value unit'")
                .contains("cycles", "vote", "outbox", "reconcile", "recount", "import", "reassign", "storage");
    }

    @Test
    void anUnknownBenchmarkIsAUsageError() {
        CommandLine cli = new CommandLine(new Benchmarks());
        cli.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(cli.execute("nosuch")).isEqualTo(2);
    }
}
