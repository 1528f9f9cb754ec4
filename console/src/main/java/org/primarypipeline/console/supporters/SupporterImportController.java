package org.primarypipeline.console.supporters;

import org.primarypipeline.batch.importsupporters.ImportRuns;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Supporter imports as staff follow them in the console: live progress (rows read, written, rejected,
 * ETA) while the job runs, whichever process runs it, and the run's final counts and rejects report.
 */
@RestController
@RequestMapping("/api/imports")
public class SupporterImportController {

    private final ImportRuns runs;

    public SupporterImportController(ImportRuns runs) {
        this.runs = runs;
    }

    /** Where a run stands: rows read, written, rejected, the file's total (-1 unknown), time spent and left. */
    public record Progress(
            long read,
            long written,
            long rejected,
            long totalRows,
            long elapsedSeconds,
            long etaSeconds,
            String summary) {}

    public record Status(ImportRuns.ImportRun run, Progress progress) {}

    @GetMapping("/{id}")
    public ResponseEntity<Status> show(@PathVariable long id) {
        return runs.find(id)
                .map(run -> {
                    ImportRuns.Progress p = runs.progress(id).orElseThrow();
                    return ResponseEntity.ok(new Status(
                            run,
                            new Progress(
                                    p.read(),
                                    p.written(),
                                    p.rejected(),
                                    p.totalRows() == null ? -1 : p.totalRows(),
                                    p.elapsed().toSeconds(),
                                    p.eta() == null ? -1 : p.eta().toSeconds(),
                                    p.line())));
                })
                .orElse(ResponseEntity.notFound().build());
    }
}
