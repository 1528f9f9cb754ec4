package org.primarypipeline.batch.partitioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.item.ExecutionContext;

class IdRangePartitionerTest {

    @Test
    void rangesCoverEveryIdOnceInNameOrder() {
        Map<String, ExecutionContext> parts = new IdRangePartitioner(7L, 1006L).partition(3);
        assertThat(parts.keySet()).containsExactly("range-000", "range-001", "range-002");
        List<long[]> ranges = new ArrayList<>();
        parts.values()
                .forEach(c -> ranges.add(
                        new long[] {c.getLong(IdRangePartitioner.MIN_ID), c.getLong(IdRangePartitioner.MAX_ID)}));
        assertThat(ranges.get(0)).containsExactly(7, 340);
        assertThat(ranges.get(1)).containsExactly(341, 673);
        assertThat(ranges.get(2)).containsExactly(674, 1006);
    }

    @Test
    void fewerIdsThanPartitionsGiveOneRangePerId() {
        assertThat(new IdRangePartitioner(5L, 6L).partition(8)).hasSize(2);
    }

    @Test
    void noIdsStillGiveOneEmptyRange() {
        Map<String, ExecutionContext> parts = new IdRangePartitioner(null, null).partition(4);
        assertThat(parts).hasSize(1);
        ExecutionContext only = parts.values().iterator().next();
        assertThat(only.getLong(IdRangePartitioner.MAX_ID)).isLessThan(only.getLong(IdRangePartitioner.MIN_ID));
    }
}
