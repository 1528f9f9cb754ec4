package org.primarypipeline.console.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.primarypipeline.batch.importcontacts.ContactImports;
import org.primarypipeline.console.contacts.ImportContacts;
import org.primarypipeline.cycles.Durations;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** A campaign's contacts (voter files and lists): {@code pp contacts import FILE --campaign CYCLE}. */
@Command(
        name = "contacts",
        description = "A campaign's contacts: people to call, text and visit (not members; they never vote).",
        subcommands = {ContactsCommand.Import.class})
public class ContactsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "import",
            description = {
                "Import a voter file or list into a campaign's contacts, placed in districts by the locator.",
                "Columns by header: name (or first_name/last_name), phone and/or email, street, city, state, zip,",
                "latitude, longitude, precinct, party, age, vote_history or tags (free tags). Rejects are reported",
                "with line and reason; the same file again changes nothing; a failed import resumes."
            })
    static class Import implements Callable<Integer>, ApplicationCommand {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file (UTF-8, header row first).")
        Path file;

        @Option(names = "--campaign", required = true, description = "The campaign's cycle id.")
        String campaign;

        @Option(names = "--every", defaultValue = "2s", description = "How often to print progress.")
        String every;

        @Autowired
        ImportContacts imports;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            ContactImports.Outcome o;
            try {
                Duration interval = Durations.parse(every, Duration.ofSeconds(2));
                o = imports.fromCommandLine(file, campaign, interval, p -> out.println(p.line()));
            } catch (IllegalArgumentException | IllegalStateException e) {
                spec.commandLine().getErr().println("import failed: " + e.getMessage());
                return 2;
            }
            if (o.alreadyImported()) {
                out.printf("this file was imported already (import %d): nothing changed%n", o.runId());
            }
            if (!"COMPLETED".equals(o.status())) {
                spec.commandLine()
                        .getErr()
                        .printf(
                                "import %d failed: %s%nrun the same command again to resume it%n",
                                o.runId(), o.exitDescription());
                return 1;
            }
            out.printf(
                    "import %d completed: %,d rows read, %,d contacts, %,d rejected, %,d without a district%n",
                    o.runId(), o.read(), o.created(), o.rejected(), o.unassigned());
            if (o.rejectsReport() != null) {
                out.println("rejects report: " + o.rejectsReport());
            }
            return 0;
        }
    }
}
