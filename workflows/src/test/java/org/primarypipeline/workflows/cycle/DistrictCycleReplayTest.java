package org.primarypipeline.workflows.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

    /**
     * Replays on a worker whose deadlock detector allows for class loading on a machine under heavy load:
     * the first replay loads the workflow's classes, which took more than the default second at a load of 40
     * and failed the replay though the history was fine.
     */
    private static TestWorkflowEnvironment env;

    private static Worker worker;

    @BeforeAll
    static void replayWorker() {
        env = TestWorkflowEnvironment.newInstance();
        worker = env.newWorker(
                "replay",
                WorkerOptions.newBuilder()
                        .setDefaultDeadlockDetectionTimeout(
                                Duration.ofSeconds(30).toMillis())
                        .build());
        worker.registerWorkflowImplementationTypes(DistrictCycleWorkflowImpl.class);
    }

    @AfterAll
    static void closeReplayWorker() {
        env.close();
    }

    @ParameterizedTest
    @MethodSource("histories")
    void recordedHistoryReplaysOnTheCurrentCode(Path history) throws Exception {
        WorkflowReplayer.replayWorkflowExecution(WorkflowExecutionHistory.fromJson(Files.readString(history)), worker);
    }

    /**
     * The current version runs the ledger's and the vetting's short steps as local activities (markers in
     * the history) and only bulk work through the activity queue; the recorded v2 histories, from before,
     * queued them all. Both replay above.
     */
    @Test
    void theCurrentVersionRunsTheShortStepsLocally() throws Exception {
        assertThat(queuedActivities("all-five-stages.json"))
                .as("activities through the server's queue")
                .isSubsetOf(
                        "OpenVoting",
                        "Remind",
                        "Seal",
                        "Reopen",
                        "Tally",
                        "Recount",
                        "Certify",
                        "ReplaceWithdrawnWinner",
                        "Launch",
                        "CampaignStart",
                        "Deactivate",
                        "Sweep")
                .contains("OpenVoting", "Tally", "Certify", "Launch");
        assertThat(localActivities("all-five-stages.json"))
                .as("local activities")
                .contains("EnterStage", "InviteSittingMembers", "Review", "Approve", "Finish");
        assertThat(queuedActivities("v2-all-five-stages.json")).contains("EnterStage", "Review", "Approve");
        assertThat(localActivities("v2-all-five-stages.json")).isEmpty();
    }

    /**
     * Version 1 of {@code candidate-campaign} started the winner's campaign as a child the cycle abandoned
     * ({@code v4-all-five-stages.json}, {@code v4-campaign-start.json}); version 2 starts it through the
     * {@code CampaignStart} activity after the cycle is recorded as completed ({@code all-five-stages.json},
     * {@code campaign-start.json}); the v3 histories, from before, start none. All replay above.
     */
    @Test
    void versionOneStartedTheCampaignAsAChildVersionTwoThroughAnActivity() throws Exception {
        for (String childShaped : List.of("v4-all-five-stages.json", "v4-campaign-start.json")) {
            assertThat(childStarts(childShaped)).as(childShaped).singleElement().satisfies(child -> {
                assertThat(child.getWorkflowId()).startsWith("campaign:");
                assertThat(child.getWorkflowType().getName()).isEqualTo("CandidateCampaignWorkflow");
                assertThat(child.getParentClosePolicy())
                        .isEqualTo(io.temporal.api.enums.v1.ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON);
            });
            assertThat(queuedActivities(childShaped)).doesNotContain("CampaignStart");
        }
        for (String current : List.of("all-five-stages.json", "campaign-start.json")) {
            assertThat(childStarts(current)).as(current).isEmpty();
            assertThat(queuedActivities(current))
                    .as(current)
                    .containsOnlyOnce("CampaignStart")
                    .endsWith("CampaignStart");
        }
        assertThat(childStarts("v3-all-five-stages.json")).isEmpty();
        assertThat(queuedActivities("v3-all-five-stages.json")).doesNotContain("CampaignStart");
    }

    private static List<io.temporal.api.history.v1.StartChildWorkflowExecutionInitiatedEventAttributes> childStarts(
            String name) throws Exception {
        return events(name).stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED)
                .map(HistoryEvent::getStartChildWorkflowExecutionInitiatedEventAttributes)
                .toList();
    }

    private static List<HistoryEvent> events(String name) throws Exception {
        Path file = Path.of(
                DistrictCycleReplayTest.class.getResource("/histories/" + name).toURI());
        return WorkflowExecutionHistory.fromJson(Files.readString(file)).getEvents();
    }

    private static List<String> queuedActivities(String name) throws Exception {
        return events(name).stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
                .map(e -> e.getActivityTaskScheduledEventAttributes()
                        .getActivityType()
                        .getName())
                .toList();
    }

    private static List<String> localActivities(String name) throws Exception {
        return events(name).stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED
                        && e.getMarkerRecordedEventAttributes().getMarkerName().equals("LocalActivity"))
                .map(e -> new String(
                                e.getMarkerRecordedEventAttributes()
                                        .getDetailsOrThrow("type")
                                        .getPayloads(0)
                                        .getData()
                                        .toByteArray(),
                                java.nio.charset.StandardCharsets.UTF_8)
                        .replace("\"", ""))
                .toList();
    }

    /**
     * From the version {@code one-version-marker} on, a cycle records one version marker instead of one for
     * each change (the histories recorded before keep theirs, and replay above).
     */
    @Test
    void newCyclesRecordOneVersionMarker() throws Exception {
        assertThat(versionMarkers("one-marker-all-five-stages.json")).containsExactly("one-version-marker");
        assertThat(versionMarkers("one-marker-candidate-journey.json")).containsExactly("one-version-marker");
        assertThat(versionMarkers("all-five-stages.json")).hasSizeGreaterThan(1).doesNotContain("one-version-marker");
    }

    /**
     * Version 2 of the one marker closes the nomination window and opens the vote in one queued activity
     * (the ballot count, the round's stage entry, the frozen electorate, both announcements), where version 1
     * ran three local steps around the queued {@code OpenVoting}; it also starts the campaign without a
     * marker of its own. Both replay above.
     */
    @Test
    void versionTwoOfTheOneMarkerOpensTheVoteInOneStep() throws Exception {
        for (String name : List.of("one-step-voting-all-five-stages.json", "one-step-voting-candidate-journey.json")) {
            assertThat(versionMarkers(name)).as(name).containsExactly("one-version-marker");
            assertThat(queuedActivities(name))
                    .as(name)
                    .containsOnlyOnce("CloseNominationsAndOpenVoting")
                    .doesNotContain("OpenVoting");
            assertThat(localActivities(name)).as(name).doesNotContain("CloseNominations");
        }
        assertThat(localActivities("one-marker-all-five-stages.json")).contains("CloseNominations");
        assertThat(queuedActivities("one-marker-all-five-stages.json"))
                .contains("OpenVoting")
                .doesNotContain("CloseNominationsAndOpenVoting");
        assertThat(events("one-step-voting-all-five-stages.json").size())
                .as("a whole cycle's history, with the campaign's start it gained since version 1")
                .isLessThan(events("one-marker-all-five-stages.json").size() + 4);
    }

    private static List<String> versionMarkers(String name) throws Exception {
        return events(name).stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED
                        && e.getMarkerRecordedEventAttributes().getMarkerName().equals("Version"))
                .map(e -> new String(
                                e.getMarkerRecordedEventAttributes()
                                        .getDetailsOrThrow("changeId")
                                        .getPayloads(0)
                                        .getData()
                                        .toByteArray(),
                                java.nio.charset.StandardCharsets.UTF_8)
                        .replace("\"", ""))
                .toList();
    }
}
