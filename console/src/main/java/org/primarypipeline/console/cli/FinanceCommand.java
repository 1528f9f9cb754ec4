package org.primarypipeline.console.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pp finance ...}: the finance volunteers' downloads through the serving app's API, as the
 * signed-in account (the sign-off right; the app writes the audit entry).
 */
@Command(
        name = "finance",
        description = "Finance downloads (as the account of pp login).",
        subcommands = {FinanceCommand.ExportFec.class})
public class FinanceCommand extends GroupCommand {

    /** {@code pp finance export-fec}: a fundraiser's period as an FEC electronic filing file. */
    @Command(
            name = "export-fec",
            description = "Write a fundraiser's period as an FEC electronic filing (.fec): header, Form 3"
                    + " receipts summary, Schedule A lines with the conduit's memo entries.")
    static class ExportFec extends ClientCommand {
        @Option(names = "--fundraiser", required = true, description = "Fundraiser id.")
        long fundraiser;

        @Option(names = "--from", required = true, description = "First day, e.g. 2026-05-01.")
        String from;

        @Option(names = "--to", required = true, description = "Last day, e.g. 2026-05-31.")
        String to;

        @Option(names = "--out", description = "File to write (default: fec-ID-FROM-TO.fec here).")
        Path out;

        @Override
        String perform(ApiClient api) {
            try {
                LocalDate.parse(from);
                LocalDate.parse(to);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("give the days as 2026-05-01");
            }
            String text = api.text("/api/finance/fundraisers/" + fundraiser + "/report.fec?from=" + from + "&to=" + to);
            Path file = out != null ? out : Path.of("fec-" + fundraiser + "-" + from + "-" + to + ".fec");
            try {
                Files.writeString(file, text, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot write " + file + ": " + e.getMessage());
            }
            long lines = text.lines().count();
            return "wrote " + file + " (" + lines + (lines == 1 ? " record)" : " records)");
        }
    }
}
