package org.primarypipeline.console.districts;

import java.util.List;
import java.util.Map;
import org.primarypipeline.batch.prioritize.PriorityRanking;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.staff.Permissions;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.beans.factory.annotation.Qualifier;
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
    private final JobLauncher launcher;
    private final Job prioritize;
    private final Permissions permissions;

    public PriorityController(PriorityRanking ranking, JobLauncher launcher, @Qualifier("prioritizeJob") Job prioritize,
                              Permissions permissions) {
        this.ranking = ranking;
        this.launcher = launcher;
        this.prioritize = prioritize;
        this.permissions = permissions;
    }

    @GetMapping
    public List<PriorityRanking.Row> list(@RequestParam(defaultValue = "50") int limit,
                                          @RequestParam(defaultValue = "0") int offset) {
        return ranking.top(Math.min(Math.max(limit, 1), 435), Math.max(offset, 0));
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    public String csv() {
        StringBuilder out = new StringBuilder("rank,district,score,path,primary_win,general_win,expected_cost_dollars,lean,supporters,group_members,reason\n");
        for (PriorityRanking.Row r : ranking.top(435, 0)) {
            out.append(r.rank()).append(',').append(r.districtId()).append(',').append(r.score()).append(',')
                    .append(quote(r.path())).append(',').append(r.primaryWin()).append(',').append(r.generalWin())
                    .append(',').append(r.expectedCostDollars()).append(',').append(quote(r.lean())).append(',')
                    .append(r.supporters()).append(',').append(r.groupMembers()).append(',').append(quote(r.pathReason())).append('\n');
        }
        return out.toString();
    }

    @PostMapping(value = "/run", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> run(@AuthenticationPrincipal StaffUser user) throws Exception {
        permissions.require(user, Right.STEER_CYCLES, "priority.run", "");
        JobExecution execution = launcher.run(prioritize, new JobParametersBuilder()
                .addLong("requested", System.currentTimeMillis()).toJobParameters());
        return Map.of("run", execution.getId(), "status", execution.getStatus().name());
    }

    private static String quote(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
