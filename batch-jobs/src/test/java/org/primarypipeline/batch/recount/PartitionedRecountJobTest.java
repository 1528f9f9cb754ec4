package org.primarypipeline.batch.recount;

import java.util.Map;

/**
 * Every recount scenario again with the receipt check split by member-id range into partitioned step
 * executions (on local threads here; on batch workers with {@code pp.batch.partitioning=remote}): the
 * reports must say the same, tampered rows named alike, since the parts merge to the whole.
 */
class PartitionedRecountJobTest extends RecountJobTest {

    @Override
    Map<String, Object> settings() {
        return Map.of("pp.recount.partition-receipts", "true", "pp.batch.grid-size", "4");
    }

    @Override
    boolean partitioned() {
        return true;
    }
}
