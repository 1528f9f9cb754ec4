package org.primarypipeline.batch.importsupporters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyTableTest {

    @Test
    void answersAsAHashMapDoesThroughGrowthRemovalAndNewPages() {
        KeyTable table = new KeyTable(4);
        Map<String, Long> expected = new HashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < 300_000; i++) {
            // long keys fill a page of characters every few thousand entries
            String key = "k" + random.nextInt(100_000) + "@x".repeat(random.nextInt(40)) + "é";
            switch (random.nextInt(4)) {
                case 0 -> {
                    long value = random.nextInt(1000) - 1;
                    table.put(key, value == 0 ? 1 : value);
                    expected.put(key, value == 0 ? 1 : value);
                }
                case 1 -> {
                    table.remove(key, -1);
                    expected.remove(key, -1L);
                }
                default -> assertThat(table.get(key)).isEqualTo(expected.getOrDefault(key, 0L));
            }
        }
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            assertThat(table.get(e.getKey())).isEqualTo(e.getValue());
        }
    }

    @Test
    void keysThatDifferOnlyAfterAnEqualHashAreTwo() {
        KeyTable table = new KeyTable(16);
        // "Aa" and "BB" have the same String.hashCode
        table.put("Aa", 1);
        table.put("BB", 2);
        assertThat(table.get("Aa")).isEqualTo(1);
        assertThat(table.get("BB")).isEqualTo(2);
        table.remove("Aa", 1);
        assertThat(table.get("Aa")).isZero();
        assertThat(table.get("BB")).isEqualTo(2);
        table.put("Aa", 3);
        assertThat(table.get("Aa")).isEqualTo(3);
    }
}
