package org.primarypipeline.console.districts;

import java.util.List;
import org.primarypipeline.batch.prioritize.PriorityRanking;

/** The ranking as the CSV staff download (one district a line, texts quoted). */
final class PriorityCsv {

    private PriorityCsv() {}

    static String of(List<PriorityRanking.Row> rows) {
        StringBuilder out = new StringBuilder("rank,district,score,path,primary_win,general_win,"
                + "expected_cost_dollars,lean,supporters,group_members,reason\n");
        for (PriorityRanking.Row r : rows) {
            out.append(r.rank())
                    .append(',')
                    .append(r.districtId())
                    .append(',')
                    .append(r.score())
                    .append(',')
                    .append(quote(r.path()))
                    .append(',')
                    .append(r.primaryWin())
                    .append(',')
                    .append(r.generalWin())
                    .append(',')
                    .append(r.expectedCostDollars())
                    .append(',')
                    .append(quote(r.lean()))
                    .append(',')
                    .append(r.supporters())
                    .append(',')
                    .append(r.groupMembers())
                    .append(',')
                    .append(quote(r.pathReason()))
                    .append('\n');
        }
        return out.toString();
    }

    private static String quote(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
