package org.primarypipeline.console.districts;

import java.util.List;
import org.primarypipeline.batch.prioritize.PriorityRanking;
import org.primarypipeline.core.csv.SafeCsv;

/** The ranking as the CSV staff download (one district a line), written by the app's one CSV writer. */
final class PriorityCsv {

    private PriorityCsv() {}

    static String of(List<PriorityRanking.Row> rows) {
        SafeCsv csv = SafeCsv.inMemory(
                "rank",
                "district",
                "score",
                "path",
                "primary_win",
                "general_win",
                "expected_cost_dollars",
                "lean",
                "supporters",
                "group_members",
                "reason");
        for (PriorityRanking.Row r : rows) {
            csv.row(
                    r.rank(),
                    r.districtId(),
                    r.score(),
                    r.path(),
                    r.primaryWin(),
                    r.generalWin(),
                    r.expectedCostDollars(),
                    r.lean(),
                    r.supporters(),
                    r.groupMembers(),
                    r.pathReason());
        }
        return csv.toString();
    }
}
