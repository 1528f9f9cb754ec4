package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole cycle steered from two shells, one signed in as alice and one as bob: every client command
 * goes through the API as its account, so the timeline and the audit log name the accounts, and the
 * four-eyes rule holds from the shell: one account certifying twice is refused, a second one certifies.
 */
class ShellCycleTest extends ConsoleTestSupport {

    static final String CYCLE = "NC-02-1";

    @TempDir
    Path homes;

    @Test
    void twoCertificationsFromTheShellNeedTwoAccounts() throws Exception {
        PpShell alice = new PpShell(base(), homes.resolve("alice"));
        PpShell bob = new PpShell(base(), homes.resolve("bob"));
        assertThat(alice.login("alice", password("alice")).exit()).isZero();
        assertThat(bob.login("bob", password("bob")).exit()).isZero();

        PpShell.Run launched = ok(
                alice.pp("launch", "--district", "NC-02", "--vetting", "1h", "--nomination", "1h", "--voting", "1h"));
        assertThat(launched.out()).startsWith("launched cycle " + CYCLE + ": pledge vetting until ");
        assertReadableTimes(launched.out());
        awaitStarted(CYCLE);
        assertThat(ok(alice.pp("cycle", "status", CYCLE)).out())
                .startsWith("cycle " + CYCLE + " (NC-02): RUNNING, Pledge vetting");
        String listed = ok(alice.pp("cycle", "list")).out();
        assertThat(listed).contains(CYCLE);
        assertReadableTimes(listed.lines()
                .filter(line -> line.startsWith(CYCLE + " "))
                .findFirst()
                .orElseThrow());
        PpShell.Run extended = ok(alice.pp("cycle", "extend", CYCLE, "--by", "2 hours"));
        assertThat(extended.out()).contains("now closes at");
        assertReadableTimes(extended.out());
        ok(alice.pp("cycle", "close", CYCLE, "--reason", "nobody to vet"));
        awaitStage("NOMINATION_WINDOW");

        long ana = number(
                "candidacy (\\d+) created",
                ok(alice.pp(
                        "nominate",
                        CYCLE,
                        "--name",
                        "Ana Ortiz",
                        "--email",
                        "ana@example.org",
                        "--born",
                        "1980-04-02",
                        "--citizen-years",
                        "40",
                        "--inhabitant",
                        "yes")));
        long ben = number(
                "candidacy (\\d+) created",
                ok(bob.pp(
                        "nominate",
                        CYCLE,
                        "--name",
                        "Ben Carter",
                        "--email",
                        "ben@example.org",
                        "--born",
                        "1975-01-09",
                        "--citizen-years",
                        "49",
                        "--inhabitant",
                        "yes")));
        for (long nominee : new long[] {ana, ben}) {
            ok(alice.pp(
                    "pledge", "sign", CYCLE, "--candidacy", Long.toString(nominee), "--name", "Nominee " + nominee));
            ok(alice.pp(
                    "cycle",
                    "review",
                    CYCLE,
                    "--candidacy",
                    Long.toString(nominee),
                    "--approve",
                    "--checked",
                    "references,record,fec"));
        }
        long[] members = new long[3];
        for (int i = 0; i < members.length; i++) {
            // joining sends the person a link; they are a member once they follow it
            assertThat(ok(alice.pp(
                                    "members",
                                    "join",
                                    "--district",
                                    "NC-02",
                                    "--name",
                                    "Shell Member " + i,
                                    "--email",
                                    "nc02-shell" + i + "@example.org"))
                            .out())
                    .contains("a link to confirm was sent by email");
            members[i] = JoinLinks.follow(base(), jdbc, "nc02-shell" + i + "@example.org");
        }
        ok(alice.pp("cycle", "close", CYCLE));
        awaitStage("VOTING_ROUND");
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        jdbc.sql("select count(*) from cycle_event where cycle_id = ? and kind = 'ELECTORATE_FROZEN'")
                                        .param(CYCLE)
                                        .query(Integer.class)
                                        .single()
                                == 1);
        // staff enter what members asked for by phone; each counts once the member confirms it by their link
        PpShell.Run proxies = ok(alice.pp(
                "members",
                "proxies",
                "--cycle",
                CYCLE,
                "--member",
                Long.toString(members[2]),
                Long.toString(members[0])));
        assertThat(proxies.out())
                .contains("a link to confirm or void it was sent by email")
                .as("said in words, not as Java records")
                .doesNotContain("ProxyChoice[", "Share[");
        AssistedLinks.confirm(base(), jdbc, "nc02-shell2@example.org");
        PpShell.Run ballot = ok(alice.pp(
                "vote",
                CYCLE,
                "--member",
                Long.toString(members[0]),
                "--ranking",
                ana + ">" + ben,
                "--note",
                "by phone"));
        assertThat(ballot.out()).contains("entered for member " + members[0], "counts only once they confirm it");
        assertThat(jdbc.sql("select count(*) from ballot_receipt where cycle_id = ?")
                        .param(CYCLE)
                        .query(Integer.class)
                        .single())
                .isZero();
        String receipt = AssistedLinks.receipt(AssistedLinks.confirm(base(), jdbc, "nc02-shell0@example.org"));
        ok(bob.pp("vote", CYCLE, "--member", Long.toString(members[1]), "--ranking", Long.toString(ana)));
        AssistedLinks.confirm(base(), jdbc, "nc02-shell1@example.org");
        ok(alice.pp("cycle", "close", CYCLE));
        awaitStage("CERTIFICATION");

        ok(alice.pp("cycle", "certify", CYCLE));
        PpShell.Run twice = alice.pp("cycle", "certify", CYCLE);
        assertThat(twice.exit()).isEqualTo(2);
        assertThat(twice.err())
                .isEqualTo("refused: alice has already approved; a second, different staff member must certify");
        ok(bob.pp("cycle", "certify", CYCLE));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "COMPLETED"
                        .equals(jdbc.sql("select status from cycle where id = ?")
                                .param(CYCLE)
                                .query(String.class)
                                .single()));

        assertThat(jdbc.sql("select actor from audit_log where action = 'cycle.certify' and target = ?"
                                + " and outcome = 'DONE' order by id")
                        .param(CYCLE)
                        .query(String.class)
                        .list())
                .containsExactly("alice", "bob");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'cycle.certify' and target = ?"
                                + " and outcome = 'REFUSED' and actor = 'alice'")
                        .param(CYCLE)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'ballot.assisted.enter' and target like ?"
                                + " and actor = 'bob'")
                        .param(CYCLE + "/%")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(ok(bob.pp("cycle", "status", CYCLE)).out()).contains("COMPLETED");

        PpShell.Run chain = ok(bob.pp("receipts", CYCLE));
        assertThat(chain.out().lines()).hasSize(3);
        assertThat(chain.out())
                .contains(" " + receipt + " counted")
                .contains(": 2 receipts in the chain; 2 ballots were counted");
        assertThat(ok(bob.pp("receipts", CYCLE, "--check", receipt)).out()).isEqualTo("entry #1, counted");
        assertThat(bob.pp("receipts", CYCLE, "--check", "no-such-receipt").exit())
                .isEqualTo(1);
    }

    /** A time the shell printed is in words and in North Carolina's zone, never ISO-8601 in UTC (issue #19). */
    private static void assertReadableTimes(String printed) {
        assertThat(printed)
                .as(printed)
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}")
                .containsPattern("[A-Z][a-z]{2} \\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{1,2}:\\d{2} [AP]M E[SD]T");
    }

    private void awaitStage(String stage) {
        await().atMost(Duration.ofSeconds(60)).until(() -> stage.equals(stageOf(CYCLE)));
    }

    private static PpShell.Run ok(PpShell.Run run) {
        assertThat(run.exit()).as(run.err()).isZero();
        return run;
    }

    private static long number(String pattern, PpShell.Run run) {
        Matcher m = Pattern.compile(pattern).matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
