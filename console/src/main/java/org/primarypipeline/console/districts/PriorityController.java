package org.primarypipeline.console.districts;

import java.util.List;
import org.primarypipeline.batch.prioritize.PriorityRanking;
import org.primarypipeline.console.users.StaffUser;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The districts ranked by the newest prioritization run; staff can run it again on demand. */
@RestController
@RequestMapping("/api/districts/priorities")
public class PriorityController {

    private final PriorityRanking ranking;
    private final RunPrioritization runPrioritization;

    public PriorityController(PriorityRanking ranking, RunPrioritization runPrioritization) {
        this.ranking = ranking;
        this.runPrioritization = runPrioritization;
    }

    @GetMapping
    public List<PriorityRanking.Row> list(
            @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        return ranking.top(Math.min(Math.max(limit, 1), 435), Math.max(offset, 0));
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    public String csv() {
        return PriorityCsv.of(ranking.top(435, 0));
    }

    @PostMapping(value = "/run", produces = MediaType.APPLICATION_JSON_VALUE)
    public RunPrioritization.Run run(@AuthenticationPrincipal StaffUser user) throws Exception {
        return runPrioritization.perform(user);
    }
}
