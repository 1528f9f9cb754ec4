package org.primarypipeline.batch.importsupporters;

import java.util.ArrayList;
import java.util.List;
import org.primarypipeline.core.geo.DistrictPlan;
import org.primarypipeline.core.supporter.InvalidField;
import org.primarypipeline.core.supporter.SupporterRecord;
import org.primarypipeline.core.supporter.SupporterRows;
import org.springframework.batch.item.ItemProcessor;

/**
 * Validates and normalises each row of a block, then districts it. A row that is invalid
 * ({@link InvalidField}) becomes a reject with its line and reason and the other rows go on; any other
 * failure fails the chunk.
 */
public class ImportRowProcessor implements ItemProcessor<RawBlock, ImportBlock> {

    private final SupporterRows rows;
    private final DistrictPlan plan;

    public ImportRowProcessor(SupporterRows rows, DistrictPlan plan) {
        this.rows = rows;
        this.plan = plan;
    }

    @Override
    public ImportBlock process(RawBlock block) {
        List<ImportRow> valid = new ArrayList<>(block.rows().size());
        List<ImportBlock.Reject> rejects = new ArrayList<>();
        for (RawRow raw : block.rows()) {
            try {
                SupporterRecord supporter = rows.parse(raw.line(), raw.values());
                valid.add(new ImportRow(
                        supporter, plan.assign(supporter.latitude(), supporter.longitude(), supporter.zipNumber())));
            } catch (InvalidField e) {
                // the row as it stood, but a NUL shown as a visible sign: PostgreSQL stores no NUL in text
                rejects.add(new ImportBlock.Reject(
                        raw.line(), e.getMessage(), raw.text().replace('\u0000', '\u2400')));
            }
        }
        return new ImportBlock(valid, rejects);
    }
}
