package org.primarypipeline.console.contacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.primarypipeline.batch.importcontacts.ContactImports;
import org.primarypipeline.batch.importsupporters.ImportRuns;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.web.ConsolePage;
import org.primarypipeline.console.web.Flash;
import org.primarypipeline.console.web.PageViewResolver;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The contact import on the console: the upload (a form on the campaign page) maps to {@link ImportContacts},
 * the same command class as {@code pp contacts import}; the imports page shows each run's progress while it
 * runs, then its counts and the rejected rows (line and reason).
 */
@Controller
public class ContactImportController implements ConsolePage {

    /** How many rejects the page lists per import (the rejects report has them all). */
    static final int REJECTS_SHOWN = 100;

    record RejectRow(long line, String reason) {}

    record RunRow(
            long runId,
            String file,
            String status,
            String progress,
            long created,
            long rejected,
            List<RejectRow> rejects,
            boolean moreRejects) {
        public boolean hasRejects() {
            return !rejects.isEmpty();
        }
    }

    record ImportsPage(String title, String cycleId, List<RunRow> runs, boolean running) {
        public boolean empty() {
            return runs.isEmpty();
        }
    }

    private final ImportContacts importContacts;
    private final ContactImports imports;
    private final ImportRuns runs;
    private final CampaignScope scope;

    public ContactImportController(
            ImportContacts importContacts, ContactImports imports, ImportRuns runs, CampaignScope scope) {
        this.importContacts = importContacts;
        this.imports = imports;
        this.runs = runs;
        this.scope = scope;
    }

    @PostMapping("/campaigns/{cycleId}/contacts/import")
    String upload(
            @PathVariable String cycleId,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal StaffUser user,
            RedirectAttributes flash) {
        try {
            String kept = importContacts.fromUpload(
                    user,
                    cycleId,
                    file == null ? null : file.getOriginalFilename(),
                    file == null || file.isEmpty() ? null : file.getInputStream());
            flash.addFlashAttribute("flash", Flash.done("Importing " + kept + ": its progress is below"));
        } catch (ImportContacts.Refused refused) {
            flash.addFlashAttribute("flash", Flash.refused("The file was not imported: " + refused.getMessage() + "."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redirect:/campaigns/" + cycleId + "/contacts/imports";
    }

    @GetMapping("/campaigns/{cycleId}/contacts/imports")
    String page(@PathVariable String cycleId, @AuthenticationPrincipal StaffUser user, Model model) {
        scope.require(user, cycleId, "page.contacts.imports");
        List<RunRow> rows = imports.recent(cycleId, 10).stream().map(this::row).toList();
        boolean running = rows.stream().anyMatch(r -> "running".equals(r.status()));
        return PageViewResolver.show(
                model, new ImportsPage("Contact imports · " + cycleId, cycleId, rows, running), "contact-imports");
    }

    private RunRow row(ContactImports.Listed run) {
        String progress =
                runs.progress(run.runId()).map(ImportRuns.Progress::line).orElse("");
        List<RejectRow> rejects = imports.rejects(run.runId(), REJECTS_SHOWN + 1).stream()
                .map(r -> new RejectRow(r.line(), r.reason()))
                .toList();
        return new RunRow(
                run.runId(),
                run.file(),
                run.status().toLowerCase(),
                progress,
                run.created(),
                run.rejected(),
                rejects.subList(0, Math.min(REJECTS_SHOWN, rejects.size())),
                rejects.size() > REJECTS_SHOWN);
    }
}
