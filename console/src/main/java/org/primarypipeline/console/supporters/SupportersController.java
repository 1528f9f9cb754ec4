package org.primarypipeline.console.supporters;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.primarypipeline.batch.importsupporters.ImportRuns;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.web.ConsolePage;
import org.primarypipeline.console.web.PageViewResolver;
import org.primarypipeline.console.web.Progress;
import org.primarypipeline.supporters.Invitations;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Supporters as staff follow them: the latest imports with a progress bar each (rows read of the file,
 * rejected apart, ETA; polled while one runs, whichever process runs it) and how far invitations reach
 * in each district group of the current plan.
 */
@Controller
public class SupportersController implements ConsolePage {

    static final int IMPORTS_SHOWN = 10;

    private final ImportRuns runs;
    private final Invitations invitations;
    private final Permissions permissions;

    public SupportersController(ImportRuns runs, Invitations invitations, Permissions permissions) {
        this.runs = runs;
        this.invitations = invitations;
        this.permissions = permissions;
    }

    public record GraphRow(
            String district, long inviters, long invitations, long accepted, long declined, long proxies, long depth) {}

    public record GraphTotals(long invitations, long accepted) {}

    public record ImportRow(
            long id,
            String file,
            String plan,
            String status,
            boolean running,
            Progress progress,
            String summary,
            boolean completed,
            long created,
            long matched,
            long duplicates,
            long joined,
            long provisional,
            long unassigned,
            String rejectsReport) {}

    /** The imports part, alone (polled by htmx) or inside the page. */
    public record Imports(List<ImportRow> imports, boolean importsRunning) {}

    public record Page(
            String title,
            List<ImportRow> imports,
            boolean importsRunning,
            List<GraphRow> graph,
            GraphTotals graphTotals) {}

    @GetMapping("/supporters")
    String page(@AuthenticationPrincipal StaffUser user, Model model) {
        permissions.require(user, Right.VIEW, "page.supporters", "");
        Imports imports = imports();
        List<GraphRow> graph = new ArrayList<>();
        long invited = 0;
        long accepted = 0;
        for (Invitations.GraphSize g : invitations.graphByDistrict()) {
            graph.add(new GraphRow(
                    g.districtId(),
                    g.inviters(),
                    g.invitations(),
                    g.accepted(),
                    g.declined(),
                    g.proxiesCreated(),
                    g.depth()));
            invited += g.invitations();
            accepted += g.accepted();
        }
        return PageViewResolver.show(
                model,
                new Page(
                        "Supporters",
                        imports.imports(),
                        imports.importsRunning(),
                        graph,
                        new GraphTotals(invited, accepted)),
                "supporters");
    }

    /** The imports part of the page, polled by htmx while an import runs. */
    @GetMapping("/supporters/imports")
    String imports(@AuthenticationPrincipal StaffUser user, Model model) {
        permissions.require(user, Right.VIEW, "page.supporters", "");
        return PageViewResolver.show(model, imports(), "fragments/supporter-imports");
    }

    private Imports imports() {
        List<ImportRow> rows = new ArrayList<>();
        boolean running = false;
        Instant now = Instant.now();
        for (long id : runs.recent(IMPORTS_SHOWN)) {
            ImportRuns.ImportRun run = runs.find(id).orElseThrow();
            ImportRuns.Progress p = runs.progress(id).orElseThrow();
            long total = p.totalRows() == null ? Math.max(p.read(), 1) : p.totalRows();
            Instant lastDone = p.read() == 0 ? null : run.startedAt().plus(p.elapsed());
            Progress bar = Progress.of(
                    "import-" + id, "Import " + id, p.written(), p.rejected(), total, run.startedAt(), lastDone, now);
            rows.add(new ImportRow(
                    id,
                    fileName(run.filePath()),
                    run.planId(),
                    run.status().toLowerCase(),
                    "RUNNING".equals(run.status()),
                    bar,
                    p.line(),
                    "COMPLETED".equals(run.status()),
                    run.created(),
                    run.matched(),
                    run.duplicates(),
                    run.joined(),
                    run.provisional(),
                    run.unassigned(),
                    run.rejectsReport()));
            running |= "RUNNING".equals(run.status());
        }
        return new Imports(rows, running);
    }

    private static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
