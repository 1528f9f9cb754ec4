package org.primarypipeline.console.contacts;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.primarypipeline.batch.importcontacts.ContactImports;
import org.primarypipeline.batch.importsupporters.ImportRuns;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.StaffUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Imports a voter file (or any list) into a campaign's contacts through the {@code importContacts} job. From
 * the command line, like {@code import-supporters}: run on the server with its database, by whoever operates
 * it, so the actor recorded is the command line ({@code cli}); the audit entry holds the run and its counts.
 * Or uploaded on the console's campaign page by whoever may organize the campaign ({@link CampaignScope}):
 * the file is kept under {@code pp.data-dir/uploads/contacts/} and imported in the background by the same
 * job, one import at a time; the page then shows its progress and rejects. The upload is audited when it is
 * taken and again when its import ends.
 */
@Service
public class ImportContacts {

    /** A refused upload: the reason, a sentence for the page. */
    public static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason);
        }
    }

    private final ContactImports imports;
    private final AuditLog audit;
    private final CampaignScope scope;
    private final Path uploads;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "contact-upload");
        t.setDaemon(true);
        return t;
    });

    public ImportContacts(
            ContactImports imports, AuditLog audit, CampaignScope scope, @Value("${pp.data-dir:var}") String dataDir) {
        this.imports = imports;
        this.audit = audit;
        this.scope = scope;
        this.uploads = Path.of(dataDir, "uploads", "contacts");
    }

    /**
     * Keeps the uploaded file and starts its import in the background; returns the file's name as kept. The
     * page lists the run (its progress, then its counts and rejects) as soon as the job has opened it.
     */
    public String fromUpload(StaffUser who, String cycleId, String fileName, InputStream content) {
        scope.require(who, cycleId, "contacts.import");
        String name = fileName == null
                ? ""
                : Path.of(fileName.replace('\\', '/')).getFileName().toString();
        name = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.isBlank() || content == null) {
            throw new Refused("choose a CSV file to upload");
        }
        Path file;
        try {
            Files.createDirectories(uploads);
            file = uploads.resolve(
                    cycleId.replaceAll("[^A-Za-z0-9-]", "_") + "-" + System.currentTimeMillis() + "-" + name);
            long size = Files.copy(content, file);
            if (size == 0) {
                Files.delete(file);
                throw new Refused("the file is empty");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the uploaded file", e);
        }
        audit.record(
                who.getUsername(),
                who.role().label(),
                "contacts.import",
                "campaign " + cycleId,
                Outcome.DONE,
                "uploaded " + name + ", importing",
                null,
                Map.of("file", file.getFileName().toString()));
        background.execute(() -> {
            try {
                ContactImports.Outcome o = imports.importFile(file, cycleId, Duration.ofSeconds(2), null);
                audit.record(
                        who.getUsername(),
                        who.role().label(),
                        "contacts.import",
                        "campaign " + cycleId,
                        "COMPLETED".equals(o.status()) ? Outcome.DONE : Outcome.REFUSED,
                        file.getFileName() + ": " + o.status(),
                        null,
                        Map.of("run", o.runId(), "read", o.read(), "created", o.created(), "rejected", o.rejected()));
            } catch (RuntimeException e) {
                audit.record(
                        who.getUsername(),
                        who.role().label(),
                        "contacts.import",
                        "campaign " + cycleId,
                        Outcome.REFUSED,
                        file.getFileName() + ": " + e.getMessage(),
                        null,
                        null);
            }
        });
        return file.getFileName().toString();
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
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
