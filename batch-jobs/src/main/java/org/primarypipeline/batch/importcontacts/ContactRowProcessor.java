package org.primarypipeline.batch.importcontacts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.primarypipeline.batch.importsupporters.ImportBlock;
import org.primarypipeline.batch.importsupporters.RawBlock;
import org.primarypipeline.batch.importsupporters.RawRow;
import org.primarypipeline.core.geo.DistrictPlan;
import org.primarypipeline.core.supporter.InvalidField;
import org.primarypipeline.core.supporter.SupporterRecord;
import org.primarypipeline.core.supporter.SupporterRows;
import org.springframework.batch.item.ItemProcessor;

/**
 * Validates and normalises each row as the supporter import does (name, email, phone, address), reads the
 * contact's own columns (precinct, party, age, tags) and districts the row on the plan. An invalid row is a
 * reject with its line and reason; the others go on.
 */
public class ContactRowProcessor implements ItemProcessor<RawBlock, ContactBlock> {

    /** A tag is a short word: letters, digits and {@code _ - : .}, lower-cased (e.g. {@code g2024}, {@code p2022:d}). */
    static final int MAX_TAG = 40;

    private final SupporterRows rows;
    private final ContactColumns columns;
    private final DistrictPlan plan;

    public ContactRowProcessor(SupporterRows rows, ContactColumns columns, DistrictPlan plan) {
        this.rows = rows;
        this.columns = columns;
        this.plan = plan;
    }

    @Override
    public ContactBlock process(RawBlock block) {
        List<ContactRow> valid = new ArrayList<>(block.rows().size());
        List<ImportBlock.Reject> rejects = new ArrayList<>();
        for (RawRow raw : block.rows()) {
            try {
                SupporterRecord person = rows.parse(raw.line(), raw.values());
                Integer age = age(raw.values());
                valid.add(new ContactRow(
                        person,
                        plan.assign(person.latitude(), person.longitude(), person.zipNumber()),
                        cut(ContactColumns.value(raw.values(), columns.precinct()), 60),
                        cut(ContactColumns.value(raw.values(), columns.party()), 30),
                        age,
                        tags(raw.values())));
            } catch (InvalidField e) {
                rejects.add(new ImportBlock.Reject(
                        raw.line(), e.getMessage(), raw.text().replace('\u0000', '\u2400')));
            }
        }
        return new ContactBlock(valid, rejects);
    }

    private Integer age(String[] row) {
        String v = ContactColumns.value(row, columns.age());
        if (v == null) {
            return null;
        }
        try {
            int age = Integer.parseInt(v);
            if (age < 16 || age > 120) {
                throw new InvalidField("age is not between 16 and 120: '" + v + "'");
            }
            return age;
        } catch (NumberFormatException e) {
            throw new InvalidField("age is not a number: '" + cut(v, 20) + "'");
        }
    }

    /** Tags from every tag column, split on commas, semicolons, spaces or bars; what is not a word is dropped. */
    List<String> tags(String[] row) {
        Set<String> tags = new LinkedHashSet<>();
        for (int column : columns.tags()) {
            String v = ContactColumns.value(row, column);
            if (v == null) {
                continue;
            }
            for (String t : v.split("[,;|\\s]+")) {
                String tag = t.toLowerCase(Locale.ROOT);
                if (!tag.isEmpty() && tag.length() <= MAX_TAG && tag.matches("[a-z0-9_:.\\-]+")) {
                    tags.add(tag);
                }
            }
        }
        return List.copyOf(tags);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
