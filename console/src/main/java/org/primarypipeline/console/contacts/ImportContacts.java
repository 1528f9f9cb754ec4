package org.primarypipeline.console.contacts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.primarypipeline.batch.importcontacts.ContactImports;
import org.primarypipeline.batch.importsupporters.ImportRuns;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.springframework.stereotype.Service;

/**
 * Imports a voter file (or any list) into a campaign's contacts through the {@code importContacts} job. From
 * the command line, like {@code import-supporters}: run on the server with its database, by whoever operates
 * it, so the actor recorded is the command line ({@code cli}); the audit entry holds the run and its counts.
 */
@Service
public class ImportContacts {

    private final ContactImports imports;
    private final AuditLog audit;

    public ImportContacts(ContactImports imports, AuditLog audit) {
        this.imports = imports;
        this.audit = audit;
    }

    public ContactImports.Outcome fromCommandLine(
            Path file, String cycleId, Duration every, Consumer<ImportRuns.Progress> progress) {
        ContactImports.Outcome o;
        try {
            o = imports.importFile(file, cycleId, every, progress);
        } catch (IllegalArgumentException | IllegalStateException e) {
            audit.record(
                    "cli",
                    "cli",
                    "contacts.import",
                    "campaign " + cycleId,
                    Outcome.REFUSED,
                    e.getMessage(),
                    null,
                    null);
            throw e;
        }
        audit.record(
                "cli",
                "cli",
                "contacts.import",
                "campaign " + cycleId,
                "COMPLETED".equals(o.status()) ? Outcome.DONE : Outcome.REFUSED,
                file.toAbsolutePath() + ": " + o.status() + (o.alreadyImported() ? " (already imported)" : ""),
                null,
                Map.of("run", o.runId(), "read", o.read(), "created", o.created(), "rejected", o.rejected()));
        return o;
    }
}
