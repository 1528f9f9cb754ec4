package org.primarypipeline.console.cycles;

import java.util.List;
import org.primarypipeline.console.web.Paging;

/** The cycles list ({@code cycles.mustache}): one page of rows and the filters as chosen. */
public record CycleListPage(
        String title, List<Row> rows, Paging paging, String q, List<Choice> statuses, List<Choice> stages) {

    public record Row(
            String id,
            String district,
            String status,
            String stage,
            String deadline,
            String left,
            String createdBy,
            String createdAt) {}

    /** One option of a filter's select. */
    public record Choice(String value, String label, boolean selected) {}
}
