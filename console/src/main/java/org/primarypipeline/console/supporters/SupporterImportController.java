package org.primarypipeline.console.supporters;

import java.util.Map;
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

    @GetMapping("/{id}")
    public ResponseEntity<Map<String, Object>> show(@PathVariable long id) {
        return runs.find(id).<ResponseEntity<Map<String, Object>>>map(run -> {
            ImportRuns.Progress p = runs.progress(id).orElseThrow();
            return ResponseEntity.ok(Map.of("run", run, "progress", Map.of(
                    "read", p.read(), "written", p.written(), "rejected", p.rejected(),
                    "totalRows", p.totalRows() == null ? -1 : p.totalRows(),
                    "elapsedSeconds", p.elapsed().toSeconds(),
                    "etaSeconds", p.eta() == null ? -1 : p.eta().toSeconds(),
                    "summary", p.line())));
        }).orElse(ResponseEntity.notFound().build());
    }
}
