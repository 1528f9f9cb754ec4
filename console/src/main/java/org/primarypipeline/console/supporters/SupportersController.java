package org.primarypipeline.console.supporters;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primarypipeline.console.web.ConsolePage;
import org.primarypipeline.activities.supporter.Invitations;
import org.primarypipeline.batch.importsupporters.ImportRuns;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.staff.Permissions;
import org.primarypipeline.console.web.Progress;
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

    @GetMapping("/supporters")
    String page(@AuthenticationPrincipal StaffUser user, Model model) {
        permissions.require(user, Right.VIEW, "page.supporters", "");
        model.addAttribute("title", "Supporters");
        imports(model);
        List<Map<String, Object>> graph = new ArrayList<>();
        long invited = 0;
        long accepted = 0;
        for (Invitations.GraphSize g : invitations.graphByDistrict()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("district", g.districtId());
            row.put("inviters", g.inviters());
            row.put("invitations", g.invitations());
            row.put("accepted", g.accepted());
            row.put("declined", g.declined());
            row.put("proxies", g.proxiesCreated());
            row.put("depth", g.depth());
            graph.add(row);
            invited += g.invitations();
            accepted += g.accepted();
        }
        model.addAttribute("graph", graph);
        model.addAttribute("graphTotals", Map.of("invitations", invited, "accepted", accepted));
        return "supporters";
    }

    /** The imports part of the page, polled by htmx while an import runs. */
    @GetMapping("/supporters/imports")
    String imports(@AuthenticationPrincipal StaffUser user, Model model) {
        permissions.require(user, Right.VIEW, "page.supporters", "");
        imports(model);
        return "fragments/supporter-imports";
    }

    private void imports(Model model) {
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean running = false;
        Instant now = Instant.now();
        for (long id : runs.recent(IMPORTS_SHOWN)) {
            ImportRuns.ImportRun run = runs.find(id).orElseThrow();
            ImportRuns.Progress p = runs.progress(id).orElseThrow();
            long total = p.totalRows() == null ? Math.max(p.read(), 1) : p.totalRows();
            Instant lastDone = p.read() == 0 ? null : run.startedAt().plus(p.elapsed());
            Progress bar = Progress.of("import-" + id, "Import " + id, p.written(), p.rejected(), total,
                    run.startedAt(), lastDone, now);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("file", fileName(run.filePath()));
            row.put("plan", run.planId());
            row.put("status", run.status().toLowerCase());
            row.put("running", "RUNNING".equals(run.status()));
            row.put("progress", bar);
            row.put("summary", p.line());
            row.put("completed", "COMPLETED".equals(run.status()));
            row.put("created", run.created());
            row.put("matched", run.matched());
            row.put("duplicates", run.duplicates());
            row.put("joined", run.joined());
            row.put("provisional", run.provisional());
            row.put("unassigned", run.unassigned());
            row.put("rejectsReport", run.rejectsReport());
            rows.add(row);
            running |= "RUNNING".equals(run.status());
        }
        model.addAttribute("imports", rows);
        model.addAttribute("importsRunning", running);
    }

    private static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
