package org.primarypipeline.console.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.primarypipeline.batch.importsupporters.ImportRuns;
import org.primarypipeline.batch.importsupporters.SupporterImports;
import org.primarypipeline.cycles.Durations;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "import-supporters",
        description = {
            "Import a CSV of supporters: validate, normalise, deduplicate (email, then phone), assign districts, store.",
            "Columns by header: name (or first_name/last_name), email, phone, street, city, state, zip, latitude, longitude,",
            "source, email_consent, sms_consent, joined. Running the same file again changes nothing; a failed import resumes."
        })
public class ImportSupportersCommand implements Callable<Integer>, ApplicationCommand {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file (UTF-8, header row first).")
    Path file;

    @Option(names = "--plan", description = "District plan to assign on (default: the current plan).")
    String plan;

    @Option(names = "--source", description = "Source recorded for rows without one (default: the file's name).")
    String source;

    @Option(names = "--join", description = "Rows that don't say otherwise join their district group.")
    boolean join;

    @Option(
            names = "--every",
            defaultValue = "2s",
            description = "How often to print progress (default ${DEFAULT-VALUE}).")
    String every;

    @Autowired
    SupporterImports imports;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        Duration interval;
        try {
            interval = Durations.parse(every, Duration.ofSeconds(2));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("import refused: " + e.getMessage());
            return 2;
        }
        SupporterImports.Outcome outcome;
        try {
            outcome = imports.run(
                    file, new SupporterImports.Options(plan, source, join), interval, p -> out.println(p.line()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            spec.commandLine().getErr().println("import failed: " + e.getMessage());
            return 2;
        }
        ImportRuns.ImportRun run = outcome.run();
        if (outcome.resumed()) {
            out.printf("resumed import %d where it stopped%n", run.id());
        }
        if (!"COMPLETED".equals(outcome.batchStatus())) {
            spec.commandLine()
                    .getErr()
                    .printf(
                            "import %d failed: %s%nrun the same command again to resume it%n",
                            run.id(), outcome.exitDescription());
            return 1;
        }
        out.printf(
                "import %d completed on plan %s: %,d rows read, %,d new supporters, %,d already on the list, "
                        + "%,d repeated in the file, %,d rejected; %,d joined a group, %,d provisional districts to confirm, "
                        + "%,d without a district%n",
                run.id(),
                run.planId(),
                run.rowsRead(),
                run.created(),
                run.matched(),
                run.duplicates(),
                run.rowsRejected(),
                run.joined(),
                run.provisional(),
                run.unassigned());
        if (run.rejectsReport() != null) {
            out.println("rejects report: " + run.rejectsReport());
        }
        return 0;
    }
}
