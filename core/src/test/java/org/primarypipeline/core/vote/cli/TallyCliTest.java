package org.primarypipeline.core.vote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TallyCliTest {

    @TempDir
    Path dir;

    private Path members;
    private Path proxies;
    private Path ballots;
    private String out;
    private String err;

    /**
     * Ana and Ben form a leaking cycle worked by hand in DelegationFlowTest (Cy gets 25, Dee 15); Eve votes
     * her own 10; Fay is a dead end; Gus and Hal name only each other.
     */
    @BeforeEach
    void handWorkedVote() throws IOException {
        members = write("members.csv", "member_id", "Ana", "Ben", "Cy", "Dee", "Eve", "Fay", "Gus", "Hal");
        proxies = write(
                "proxies.csv",
                "member_id,proxy_id,units",
                "Ana,Ben,8",
                "Ana,Dee,2",
                "Ben,Ana,5",
                "Ben,Cy,5",
                "Gus,Hal,10",
                "Hal,Gus,10");
        ballots = write("ballots.csv", "member_id,ranking", "Cy,X>Y", "Dee,Y", "Eve,Z");
    }

    @Test
    void printsOneJsonObjectWithEveryNumberAsADecimalString() {
        assertThat(tally("--json")).isZero();

        assertThat(err).isEmpty();
        assertThat(out)
                .isEqualTo("{\"electorate\":\"8\",\"exercisedUnits\":\"50.000000000000\",\"method\":\"irv\","
                        + "\"policy\":\"smartocracy\",\"quorum\":\"0.20\",\"quorumMet\":true,\"rounds\":["
                        + "{\"eliminated\":[\"Z\"],\"exhausted\":\"0.000000000000\",\"tallies\":{\"X\":\"25.000000000000\","
                        + "\"Y\":\"15.000000000000\",\"Z\":\"10.000000000000\"}},"
                        + "{\"eliminated\":[],\"exhausted\":\"10.000000000000\",\"tallies\":{\"X\":\"25.000000000000\","
                        + "\"Y\":\"15.000000000000\"}}],"
                        + "\"runnerUp\":\"Y\",\"seed\":\"0\",\"tieBreak\":null,\"totalUnits\":\"80.000000000000\","
                        + "\"unexercisedCycles\":\"20.000000000000\",\"unexercisedDeadEnds\":\"10.000000000000\","
                        + "\"unexercisedUnits\":\"30.000000000000\",\"weights\":{\"Cy\":\"25.000000000000\","
                        + "\"Dee\":\"15.000000000000\",\"Eve\":\"10.000000000000\"},\"winner\":\"X\"}"
                        + System.lineSeparator());
    }

    @Test
    void printsARoundByRoundReportWithoutJson() {
        assertThat(tally("--method", "irv", "--policy", "smartocracy", "--seed", "4"))
                .isZero();

        assertThat(out)
                .contains("Count: irv, smartocracy flow, seed 4")
                .contains("Electorate: 8 members, 80 units")
                .contains("Exercised: 50 units (62.5%)")
                .contains("Unexercised: 30 units (dead ends 10, cycles 20)")
                .contains("Quorum (20% of units): met")
                .contains("Round 1:" + System.lineSeparator() + "  X  25" + System.lineSeparator() + "  Y  15"
                        + System.lineSeparator() + "  Z  10" + System.lineSeparator() + "  exhausted: 0"
                        + System.lineSeparator() + "  eliminated: Z")
                .contains("Round 2:")
                .contains("Winner: X")
                .contains("Runner-up (if the winner withdraws): Y");
    }

    @Test
    void policyAndMethodChangeTheCount() {
        assertThat(tally("--policy", "LIQUID", "--method", "schulze", "--json")).isZero();
        assertThat(out)
                .contains("\"policy\":\"liquid\"")
                .contains("\"method\":\"schulze\"")
                .contains("\"pairwise\":{");
    }

    @Test
    void escapesStringsInJson() {
        assertThat(TallyJson.write("Ann \"Q\" Lee\\\n\u0001\u2028"))
                .isEqualTo("\"Ann \\\"Q\\\" Lee\\\\\\n\\u0001\\u2028\"");
    }

    @Test
    void readsQuotedFields() throws IOException {
        members = write("members.csv", "member_id", "\"Lee, Ann\"", "Bo");
        proxies = write("proxies.csv", "member_id,proxy_id,units", "Bo,\"Lee, Ann\",10");
        ballots = write("ballots.csv", "member_id,ranking", "\"Lee, Ann\",\"O\"\"Neil>Ruiz\"");
        assertThat(tally("--json")).isZero();
        assertThat(out)
                .contains("\"weights\":{\"Lee, Ann\":\"20.000000000000\"}")
                .contains("\"winner\":\"O\\\"Neil\"");
    }

    @Test
    void refusesUnknownMembers() throws IOException {
        proxies = write("proxies.csv", "member_id,proxy_id,units", "Ana,Ben,10", "Ben,Zed,10");
        refused("proxies.csv, line 3: member Ben names proxy Zed, who is not in the electorate");
        proxies = write("proxies.csv", "member_id,proxy_id,units", "Zed,Ana,10");
        refused("proxies.csv, line 2: member Zed names proxy Ana but is not in the electorate");
        proxies = write("proxies.csv", "member_id,proxy_id,units");
        ballots = write("ballots.csv", "member_id,ranking", "Ana,X", "", "Zed,X");
        refused("ballots.csv, line 4: member Zed cast a ballot but is not in the electorate");
    }

    @Test
    void refusesBrokenProxyRules() throws IOException {
        proxies = write("proxies.csv", "member_id,proxy_id,units", "Ana,Ben,10", "Ben,Ben,10");
        refused("proxies.csv, line 3: member Ben names themself as a proxy");
        proxies = write("proxies.csv", "member_id,proxy_id,units", "Ana,Ben,6", "Ben,Cy,10", "Ana,Cy,3");
        refused("proxies.csv, line 2: member Ana's proxy units sum to 9; they must sum to 10");
        proxies = write("proxies.csv", "member_id,proxy_id,units", "Ana,Ben,5", "Ana,Ben,5");
        refused("proxies.csv, line 3: member Ana names proxy Ben twice");
        proxies = write("proxies.csv", "member_id,proxy_id,units", "Ana,Ben,10", "Ana,Cy,0");
        refused("proxies.csv, line 3: member Ana gives proxy Cy 0 units; each share must be at least 1");

        List<String> ids = new ArrayList<>(List.of("member_id", "Ana"));
        List<String> rows = new ArrayList<>(List.of("member_id,proxy_id,units"));
        for (int i = 1; i <= 11; i++) {
            ids.add("P" + i);
            rows.add("Ana,P" + i + "," + (i == 1 ? 0 : 1));
        }
        rows.set(1, "Ana,P1,1");
        members = write("members.csv", ids.toArray(String[]::new));
        proxies = write("proxies.csv", rows.toArray(String[]::new));
        ballots = write("ballots.csv", "member_id,ranking", "P1,X");
        refused("proxies.csv, line 12: member Ana names 11 proxies; at most 10 are allowed");
    }

    @Test
    void refusesBrokenBallots() throws IOException {
        ballots = write("ballots.csv", "member_id,ranking", "Cy,X", "Cy,Y");
        refused("ballots.csv, line 3: member Cy cast more than one ballot");
        ballots = write("ballots.csv", "member_id,ranking", "Cy,X", "Dee,");
        refused("ballots.csv, line 3: member Dee's ballot ranks no nominee");
        ballots = write("ballots.csv", "member_id,ranking", "Cy,X>Y>X");
        refused("ballots.csv, line 2: member Cy's ballot ranks X more than once");
    }

    /** Cast-vote records' rules: a skipped rank is passed over; a ballot stops counting at an overvote. */
    @Test
    void passesOverSkippedRanksAndStopsAtAnOvervote() throws IOException {
        ballots = write("ballots.csv", "member_id,ranking", "Cy,X>>Y", "Dee,>Y", "Eve,Z>X=Y>Y");
        assertThat(tally("--json")).isZero();
        String skipped = out;
        ballots = write("ballots.csv", "member_id,ranking", "Cy,X>Y", "Dee,Y", "Eve,Z");
        assertThat(tally("--json")).isZero();
        assertThat(skipped).as("read as X>Y, Y and Z").isEqualTo(out);

        ballots = write("ballots.csv", "member_id,ranking", "Cy,X>Y", "Dee,Y=X>Z", "Eve,>>");
        assertThat(tally()).isZero();
        assertThat(out)
                .contains("Set aside: 2 ballots with no rank that counts")
                .contains("Round 1:" + System.lineSeparator() + "  X  25" + System.lineSeparator() + "  Y  0");
        assertThat(tally("--json")).isZero();
        assertThat(out).contains("\"setAside\":\"2\"");
    }

    @Test
    void refusesMalformedLines() throws IOException {
        proxies = write("proxies.csv", "member_id,proxy_id,units", "Ana,Ben");
        refused("proxies.csv, line 2: expected 3 fields (member_id,proxy_id,units) but found 2");
        proxies = write("proxies.csv", "member_id,proxy_id,units", "Ana,Ben,ten");
        refused("proxies.csv, line 2: units 'ten' is not a whole number");
        proxies = write("proxies.csv", "member_id,proxy_id,units", "Ana,\"Ben,10");
        refused("proxies.csv, line 2: unterminated quoted field");
        proxies = write("proxies.csv", "member_id,proxy_id,units", " ,Ben,10");
        refused("proxies.csv, line 2: blank member_id");
        proxies = write("proxies.csv", "member_id,proxy_id,units");
        members = write("members.csv", "member_id", "Ana", "Ben", "Ana");
        refused("members.csv, line 4: member Ana is listed twice in the electorate");
    }

    @Test
    void refusesMissingOrWrongHeadersAndMissingFiles() throws IOException {
        proxies = write("proxies.csv", "member,proxy,units", "Ana,Ben,10");
        refused("proxies.csv, line 1: expected the header 'member_id,proxy_id,units' but found 'member,proxy,units'");
        proxies = write("proxies.csv");
        refused("proxies.csv, line 1: empty file: expected the header 'member_id,proxy_id,units'");
        members = write("members.csv", "Ana", "Ben");
        refused("members.csv, line 1: expected the header 'member_id' but found 'Ana'");
        members = dir.resolve("absent.csv");
        refused("absent.csv: no such file");
    }

    @Test
    void refusesBadOptionsWithUsage() {
        assertThat(tally("--policy", "direct")).isEqualTo(2);
        assertThat(out).isEmpty();
        assertThat(err).contains("tally: unknown flow policy 'direct'").contains("Usage: tally", "--members=FILE");
        assertThat(run("--members", "m.csv")).isEqualTo(2);
        assertThat(err).contains("Missing required options: '--proxies=FILE', '--ballots=FILE'");
        assertThat(run(
                        "--members",
                        members.toString(),
                        "--proxies",
                        proxies.toString(),
                        "--ballots",
                        ballots.toString(),
                        "--sed",
                        "1"))
                .isEqualTo(2);
        assertThat(err).contains("Unknown options: '--sed', '1'");
        assertThat(tally("--seed", "x")).isEqualTo(2);
        assertThat(err).contains("Invalid value for option '--seed': 'x' is not a long");
        assertThat(tally("--quorum", "1.5")).isEqualTo(2);
        assertThat(err).contains("tally: --quorum must be a share between 0 and 1, not 1.5");
    }

    private void refused(String message) {
        assertThat(tally()).as(message).isEqualTo(TallyCli.EXIT_BAD_INPUT);
        assertThat(out).isEmpty();
        assertThat(err).contains(message);
    }

    private int tally(String... options) {
        List<String> args = new ArrayList<>(List.of(
                "--members", members.toString(), "--proxies", proxies.toString(), "--ballots", ballots.toString()));
        args.addAll(List.of(options));
        return run(args.toArray(String[]::new));
    }

    private int run(String... args) {
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        int exit = new CommandLine(new TallyCli())
                .setOut(new PrintWriter(outText, true))
                .setErr(new PrintWriter(errText, true))
                .execute(args);
        out = outText.toString();
        err = errText.toString();
        return exit;
    }

    private Path write(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, lines.length == 0 ? List.of() : List.of(lines), StandardCharsets.UTF_8);
        return file;
    }
}
