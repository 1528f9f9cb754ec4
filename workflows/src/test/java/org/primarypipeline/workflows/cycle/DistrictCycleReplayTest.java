package org.primarypipeline.workflows.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Histories recorded from earlier versions of the workflow (src/test/resources/histories) replayed
 * against the current code: a change that would break running cycles fails here, not in production.
 */
class DistrictCycleReplayTest {

    static List<Path> histories() throws IOException, URISyntaxException {
        Path dir =
                Path.of(DistrictCycleReplayTest.class.getResource("/histories").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found =
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertThat(found).as("recorded histories").isNotEmpty();
            return found;
        }
    }

    @ParameterizedTest
    @MethodSource("histories")
    void recordedHistoryReplaysOnTheCurrentCode(Path history) throws Exception {
        WorkflowReplayer.replayWorkflowExecution(Files.readString(history), DistrictCycleWorkflowImpl.class);
    }
}
