package org.primarypipeline.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** A subcommand's help, asked either way, is the subcommand's own, without a complaint about what it needs. */
class CommandHelpTest {

    @Test
    void helpNamesASubcommandAtAnyDepth() {
        String help = run("help", "pledge", "sign");
        assertThat(help).contains("Usage: pp pledge sign", "--candidacy", "--name", "typed full name");
    }

    @Test
    void dashDashHelpOnASubcommandShowsItsHelpInsteadOfMissingParameters() {
        String help = run("pledge", "sign", "--help");
        assertThat(help).contains("Usage: pp pledge sign", "--candidacy").doesNotContain("Missing required");
        assertThat(run("members", "--help")).contains("Usage: pp members", "proxies");
    }

    @Test
    void anUnknownTopicIsSaidInASentence() {
        assertThat(run("help", "pledge", "frobnicate")).contains("there is no command \"pledge frobnicate\"");
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        new CommandLineEntry(new PrintWriter(out, true), new PrintWriter(err, true)).run(args);
        return out + err.toString();
    }
}
