package org.primarypipeline.batch.importsupporters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImportParallelismTest {

    @Test
    void onePartitionPerCoreWhenTheDatabaseSharesTheCores() {
        assertThat(ImportParallelism.partitions(2, true)).isEqualTo(2);
        assertThat(ImportParallelism.partitions(8, true)).isEqualTo(8);
    }

    @Test
    void twoPerCoreWhenTheDatabaseRunsElsewhere() {
        assertThat(ImportParallelism.partitions(2, false)).isEqualTo(4);
    }

    @Test
    void theEmbeddedServerAndLocalhostAreThisMachine() {
        assertThat(ImportParallelism.onThisMachine("jdbc:postgresql://127.0.0.1:54321/postgres"))
                .isTrue();
        assertThat(ImportParallelism.onThisMachine("jdbc:postgresql://localhost/pp?sslmode=disable"))
                .isTrue();
        assertThat(ImportParallelism.onThisMachine("jdbc:postgresql://[::1]:5432/pp"))
                .isTrue();
        assertThat(ImportParallelism.onThisMachine("jdbc:postgresql:///pp")).isTrue();
        assertThat(ImportParallelism.onThisMachine("jdbc:postgresql://localhost:5432,127.0.0.2:5433/pp"))
                .isTrue();
    }

    @Test
    void anyOtherHostIsElsewhere() {
        assertThat(ImportParallelism.onThisMachine("jdbc:postgresql://db.internal:5432/pp"))
                .isFalse();
        assertThat(ImportParallelism.onThisMachine("jdbc:postgresql://10.0.0.5/pp"))
                .isFalse();
        assertThat(ImportParallelism.onThisMachine("jdbc:postgresql://localhost:5432,db2:5432/pp"))
                .isFalse();
        assertThat(ImportParallelism.onThisMachine("jdbc:postgresql://[2001:db8::1]:5432/pp"))
                .isFalse();
        assertThat(ImportParallelism.onThisMachine("jdbc:mysql://localhost/pp")).isFalse();
        assertThat(ImportParallelism.onThisMachine((String) null)).isFalse();
    }
}
