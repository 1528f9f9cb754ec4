package org.primarypipeline.batch.importcontacts;

import java.util.List;
import org.primarypipeline.batch.importsupporters.ImportBlock;

/** A block of the file after validation and districting: its valid rows and the rows it rejected. */
public record ContactBlock(List<ContactRow> rows, List<ImportBlock.Reject> rejects) {

    public int size() {
        return rows.size() + rejects.size();
    }
}
