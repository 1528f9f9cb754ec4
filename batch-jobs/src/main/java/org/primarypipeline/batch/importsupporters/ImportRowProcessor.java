package org.primarypipeline.batch.importsupporters;

import org.primarypipeline.core.geo.DistrictPlan;
import org.primarypipeline.core.supporter.SupporterRecord;
import org.primarypipeline.core.supporter.SupporterRows;
import org.springframework.batch.item.ItemProcessor;

/**
 * Validates and normalises a row, then districts it. An invalid row throws
 * {@link org.primarypipeline.core.supporter.InvalidField}, which the step skips and the
 * {@link RejectRecorder} reports; nothing else about the chunk changes.
 */
public class ImportRowProcessor implements ItemProcessor<RawRow, ImportRow> {

    private final SupporterRows rows;
    private final DistrictPlan plan;

    public ImportRowProcessor(SupporterRows rows, DistrictPlan plan) {
        this.rows = rows;
        this.plan = plan;
    }

    @Override
    public ImportRow process(RawRow raw) {
        SupporterRecord supporter = rows.parse(raw.line(), raw.values());
        return new ImportRow(supporter, plan.assign(supporter.latitude(), supporter.longitude(), supporter.zipNumber()));
    }
}
