package org.primarypipeline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.primarypipeline.console.cli.CommandLineEntry;

/** The {@code pp} entry: help lists every command; plain commands run without Spring or a database. */
class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void helpListsEveryCapabilitysCommands() {
        Run run = run("help");
        assertThat(run.exit).isZero();
        assertThat(run.out)
                .contains(
                        "login",
                        "logout",
                        "launch",
                        "cycle",
                        "members",
                        "nominate",
                        "pledge",
                        "vote",
                        "tally",
                        "prioritize",
                        "backtest",
                        "bench");
    }

    @Test
    void backtestPrintsThePrimaryFiguresAndPrioritizeShowsPathAndIncumbentScore() {
        Run backtest = run("backtest", "--year", "2020", "--primaries");
        assertThat(backtest.exit).isZero();
        assertThat(backtest.out)
                .containsPattern("(?m)^backtest\\.auc: \\d\\.\\d\\d$")
                .containsPattern("(?m)^backtest\\.primary_auc: \\d\\.\\d\\d$")
                .containsPattern("(?m)^backtest\\.primary_precision_at_20: \\d\\.\\d\\d$");
        Run top = run("prioritize", "--top", "20");
        assertThat(top.exit).isZero();
        assertThat(top.out)
                .contains("path", "incumbent")
                .containsPattern("[+-]\\d\\.\\d\\d #\\d+/\\d+")
                .containsPattern("(?m)^\\s+20\\s+[A-Z]{2}-\\d\\d");
    }

    @Test
    void benchIsListedButTheBenchmarksAreNotInTheProduct() {
        assertThat(run("help", "bench").out).contains("NAME", "docs/benchmarks.md");
        Run bench = run("bench", "vote", "--rows", "10");
        assertThat(bench.exit).isEqualTo(1);
        assertThat(bench.err).contains("not in this jar", "./pp bench NAME");
        assertThat(bench.out).doesNotContain("vote.seconds");
    }

    @Test
    void tallyRunsWithoutADatabaseAndRefusesBadInputWithFileAndLine() throws Exception {
        Path members = Files.writeString(dir.resolve("members.csv"), "member_id\nAna\nBen\n");
        Path proxies = Files.writeString(dir.resolve("proxies.csv"), "member_id,proxy_id,units\nBen,Ana,10\n");
        Path ballots = Files.writeString(dir.resolve("ballots.csv"), "member_id,ranking\nAna,X>Y\n");
        Run ok = run(
                "tally",
                "--members",
                members.toString(),
                "--proxies",
                proxies.toString(),
                "--ballots",
                ballots.toString(),
                "--json");
        assertThat(ok.exit).isZero();
        assertThat(ok.out).contains("\"winner\":\"X\"", "\"exercisedUnits\":\"20");

        Path self = Files.writeString(dir.resolve("self.csv"), "member_id,proxy_id,units\nBen,Ben,10\n");
        Run bad = run(
                "tally",
                "--members",
                members.toString(),
                "--proxies",
                self.toString(),
                "--ballots",
                ballots.toString());
        assertThat(bad.exit).isEqualTo(2);
        assertThat(bad.err).contains("self.csv", "line 2");
    }

    @Test
    void clientCommandsLoadNoSpringAndRefuseWithoutASignedInAccount() throws Exception {
        // a JVM of its own, as pp starts one: in this one, other tests have loaded Spring already
        ProcessBuilder pp = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load:file=" + dir.resolve("classes.txt"),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dpp.data-dir=" + dir.resolve("var"),
                PrimaryPipeline.class.getName(),
                "cycle",
                "status",
                "TX-07-1");
        pp.environment().remove("PP_TOKEN");
        pp.environment().put("PP_URL", "http://127.0.0.1:9");
        pp.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        Process process = pp.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isEqualTo(4);
        assertThat(output.strip())
                .isEqualTo("not signed in: run pp login --name NAME first (scripts may set PP_TOKEN)");
        assertThat(Files.readAllLines(dir.resolve("classes.txt")))
                .as("no Spring class is loaded")
                .noneMatch(line -> line.contains(" org.springframework."));
        assertThat(Files.readAllLines(dir.resolve("classes.txt")))
                .anyMatch(line -> line.contains(" picocli.CommandLine "));
    }

    @Test
    void theScriptStartsExactlyTheClientCommandsQuickly() throws Exception {
        java.util.regex.Matcher listed = java.util.regex.Pattern.compile("(?m)^\\s*([a-z|]+)\\)$")
                .matcher(Files.readString(Path.of("..", "pp")));
        assertThat(listed.find())
                .as("pp lists the client commands in one case pattern")
                .isTrue();
        assertThat(java.util.List.of(listed.group(1).split("\\|")))
                .containsExactlyInAnyOrderElementsOf(org.primarypipeline.console.cli.ClientCommands.names());
    }

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        java.io.PrintStream oldOut = System.out;
        java.io.PrintStream oldErr = System.err;
        java.io.ByteArrayOutputStream rawOut = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream rawErr = new java.io.ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new java.io.PrintStream(rawOut, true));
            System.setErr(new java.io.PrintStream(rawErr, true));
            exit = new CommandLineEntry(new PrintWriter(out, true), new PrintWriter(err, true)).run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Run(exit, out + rawOut.toString(), err + rawErr.toString());
    }
}
