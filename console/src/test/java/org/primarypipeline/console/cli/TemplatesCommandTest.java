package org.primarypipeline.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code pp templates}: every candidate step listed, one rendered with sample data, a wrong name refused. */
class TemplatesCommandTest {

    @Test
    void listsPreviewsAndRefusesAnUnknownMessage() {
        Run list = run("templates", "list");
        assertThat(list.exit).isZero();
        assertThat(list.out)
                .contains(
                        "nomination-received",
                        "candidate-invitation",
                        "candidate-reminder",
                        "vetting-outcome",
                        "candidate-on-ballot",
                        "candidate-voting-open",
                        "candidate-result",
                        "candidate-certified",
                        "fundraiser-live",
                        "pledge-copy");

        Run preview = run("templates", "preview", "candidate-invitation");
        assertThat(preview.exit).isZero();
        assertThat(preview.out)
                .contains(
                        "Subject: You were nominated for Congress in OH-11: please accept and sign",
                        "Sam Lee nominated you",
                        "https://pp.example.org/candidacy/accept/SAMPLE-TOKEN",
                        "---- html ----",
                        "<!DOCTYPE html>");
        assertThat(run("templates", "preview", "vetting-outcome", "--part", "subject")
                        .out
                        .strip())
                .isEqualTo("We need more information about your candidacy in OH-11");

        Run unknown = run("templates", "preview", "no-such-message");
        assertThat(unknown.exit).isEqualTo(2);
        assertThat(unknown.err).contains("no sample data for 'no-such-message'");
    }

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream rawOut = new ByteArrayOutputStream();
        ByteArrayOutputStream rawErr = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(rawOut, true));
            System.setErr(new PrintStream(rawErr, true));
            exit = new CommandLineEntry(new PrintWriter(out, true), new PrintWriter(err, true)).run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Run(exit, out + rawOut.toString(), err + rawErr.toString());
    }
}
