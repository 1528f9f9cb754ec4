package org.primarypipeline.batch.recount;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.primarypipeline.certification.CertificationActivities;
import org.primarypipeline.certification.RecountOutcome;
import org.primarypipeline.certification.RecountReports;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.supporters.MemberRepository.ProxyChoice;
import org.primarypipeline.voting.BallotFixture;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;

/**
 * The recount job end to end on a real PostgreSQL: a round with proxies (a cascade, a closed cycle, a
 * dead end) and a changed ballot is counted, then recounted untouched, after tampering with its rows,
 * and after a failure that a restart gets past. Each test has its own cycle in its own district.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecountJobTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecountContext ctx;
    private BallotFixture fixture;

    /** The app's settings for this run of the tests: the receipt check in memory, beside the count. */
    Map<String, Object> settings() {
        return Map.of();
    }

    boolean partitioned() {
        return false;
    }

    @BeforeAll
    void start() {
        ctx = new RecountContext(settings());
        fixture = new BallotFixture(ctx::bean);
    }

    @AfterAll
    void stop() {
        ctx.close();
    }

    /** Members and their ids, by the letter each test uses. */
    record Scenario(
            BallotFixture.Round round,
            long ana,
            long ben,
            long cy,
            long dee,
            long eve,
            long fay,
            long gus,
            long hal,
            long x,
            long y,
            long z) {}

    /**
     * Ana votes X>Y, Ben Y>X then changes to Y>Z, Cy Z>Y. Dee names Ana 6 and Ben 4 and stays home;
     * Eve names Dee. Fay and Gus name only each other (a closed cycle), Hal names no one (a dead end).
     * Smartocracy: Ana's ballot weighs 22 units, Ben's 18, Cy's 10; IRV drops Z, then Y beats X 28 to 22.
     */
    private Scenario scenario(String district) {
        BallotFixture.Round round =
                fixture.votingRound(district, CycleSettings.defaults(), "X Nominee", "Y Nominee", "Z Nominee");
        long x = round.nominees.get(0);
        long y = round.nominees.get(1);
        long z = round.nominees.get(2);
        long ana = round.join("Ana " + district);
        long ben = round.join("Ben " + district);
        long cy = round.join("Cy " + district);
        long dee = round.join("Dee " + district);
        long eve = round.join("Eve " + district);
        long fay = round.join("Fay " + district);
        long gus = round.join("Gus " + district);
        long hal = round.join("Hal " + district);
        round.proxies(dee, new ProxyChoice(ana, 6), new ProxyChoice(ben, 4));
        round.proxies(eve, new ProxyChoice(dee, 10));
        round.proxies(fay, new ProxyChoice(gus, 10));
        round.proxies(gus, new ProxyChoice(fay, 10));
        round.open();
        round.cast(ana, x, y);
        round.cast(ben, y, x);
        round.cast(cy, z, y);
        round.cast(ben, y, z);
        assertThat(round.countAndClose().winnerCandidacyId()).isEqualTo(y);
        return new Scenario(round, ana, ben, cy, dee, eve, fay, gus, hal, x, y, z);
    }

    private JobExecution recount(String cycleId, String run) {
        BatchRecountRunner runner = ctx.bean(BatchRecountRunner.class);
        return runner.run(BatchRecountRunner.parameters(cycleId, run, "alice"));
    }

    private RecountReports.Report report(JobExecution execution) {
        return ctx.bean(RecountReports.class).ofJobExecution(execution.getId()).orElseThrow();
    }

    private static JsonNode details(RecountReports.Report report) throws Exception {
        return JSON.readTree(report.detailsJson());
    }

    @Test
    void untouchedRowsRecountToTheStoredResultWeightByWeight() throws Exception {
        Scenario s = scenario("TX-07");
        JobExecution execution = recount(s.round().cycleId, "untouched");

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        RecountReports.Report report = report(execution);
        assertThat(report.matches()).isTrue();
        assertThat(report.summary())
                .contains("recount matches", "winner Y Nominee,", "3 ballots of 8 members", "receipt chain intact");
        JsonNode details = details(report);
        assertThat(details.at("/rows/receipts").asInt()).isEqualTo(4); // Ben's change appended an entry
        assertThat(details.at("/rows/proxies").asInt()).isEqualTo(5);
        assertThat(details.at("/weights/differingCount").asInt()).isZero();
        assertThat(s.round()
                        .jdbc()
                        .sql("select member_id, weight::text from ballot_weight where cycle_id = ? order by member_id")
                        .param(s.round().cycleId)
                        .query((rs, n) -> rs.getLong(1) + "=" + rs.getString(2))
                        .list())
                .containsExactly(
                        s.ana() + "=22.000000000000", s.ben() + "=18.000000000000", s.cy() + "=10.000000000000");
        // every reading step read its rows in chunks (the proxy lists beside the rest)
        List<String> steps = execution.getStepExecutions().stream()
                .map(StepExecution::getStepName)
                .toList();
        assertThat(steps)
                .filteredOn(n -> !n.startsWith(RecountJobConfiguration.RECEIPTS_STEP)
                        && !n.startsWith(RecountJobConfiguration.RECEIPT_RANGE_STEP))
                .containsExactlyInAnyOrder(
                        "recount-electorate",
                        "recount-proxies",
                        "recount-ballots",
                        "recount-receipts",
                        "recount-weights",
                        "recount-compare");
        if (partitioned()) {
            // the ballots were checked against their receipts in member-id ranges (the voters' ids span three)
            assertThat(steps)
                    .contains(
                            RecountJobConfiguration.RECEIPTS_STEP,
                            "recount-receipt-range:range-000",
                            "recount-receipt-range:range-001",
                            "recount-receipt-range:range-002");
        } else {
            assertThat(steps).noneMatch(n -> n.startsWith(RecountJobConfiguration.RECEIPT_RANGE_STEP));
        }
        assertThat(execution.getStepExecutions().stream()
                        .filter(e -> e.getStepName().equals("recount-electorate"))
                        .findFirst()
                        .orElseThrow()
                        .getExecutionContext()
                        .getLong("rows"))
                .isEqualTo(8);
    }

    @Test
    void aBallotRowChangedAfterItWasCastFailsTheJobNamingTheMember() throws Exception {
        Scenario s = scenario("CA-12");
        // Cy's ballot quietly becomes X first: X now has a majority
        s.round()
                .withTriggerDisabled(
                        "ballot",
                        "ballot_append_only",
                        () -> s.round()
                                .jdbc()
                                .sql("update ballot set ranking = ? where cycle_id = ? and member_id = ?")
                                .params(new Long[] {s.x(), s.y()}, s.round().cycleId, s.cy())
                                .update());

        JobExecution execution = recount(s.round().cycleId, "changed");

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getExitStatus().getExitDescription()).contains("RECOUNT DIFFERS");
        RecountReports.Report report = report(execution);
        assertThat(report.matches()).isFalse();
        JsonNode details = details(report);
        assertThat(details.at("/ballots/changed")).extracting(JsonNode::asLong).containsExactly(s.cy());
        assertThat(details.at("/ballots/deleted")).isEmpty();
        assertThat(report.summary())
                .contains("no longer match their receipt", "members " + s.cy())
                .contains("winner: stored " + s.y() + ", recounted " + s.x());
    }

    @Test
    void aDeletedBallotRowFailsTheJobNamingTheMember() throws Exception {
        Scenario s = scenario("NY-14");
        s.round()
                .withTriggerDisabled(
                        "ballot",
                        "ballot_append_only",
                        () -> s.round()
                                .jdbc()
                                .sql("delete from ballot where cycle_id = ? and member_id = ?")
                                .params(s.round().cycleId, s.ben())
                                .update());

        JobExecution execution = recount(s.round().cycleId, "deleted");

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        RecountReports.Report report = report(execution);
        JsonNode details = details(report);
        assertThat(details.at("/ballots/deleted")).extracting(JsonNode::asLong).containsExactly(s.ben());
        assertThat(details.at("/ballots/changed")).isEmpty();
        // Ben's stored weight has no recounted ballot; Ana and Cy keep theirs
        assertThat(details.at("/weights/differing"))
                .extracting(d -> d.get("member").asLong())
                .containsExactly(s.ben());
        assertThat(report.summary()).contains("deleted", "members " + s.ben());
    }

    @Test
    void aProxyRowChangedAfterTheCountIsFoundThroughTheWeightsItMoved() throws Exception {
        Scenario s = scenario("WA-07");
        // Dee's list as counted now gives Ana all ten units
        s.round()
                .withTriggerDisabled(
                        "cycle_proxy",
                        "cycle_proxy_append_only",
                        () -> s.round()
                                .jdbc()
                                .sql(
                                        "delete from cycle_proxy where cycle_id = ? and member_id = ? and proxy_member_id = ?")
                                .params(s.round().cycleId, s.dee(), s.ben())
                                .update());
        s.round()
                .withTriggerDisabled(
                        "cycle_proxy",
                        "cycle_proxy_append_only",
                        () -> s.round()
                                .jdbc()
                                .sql("update cycle_proxy set units = 10 where cycle_id = ? and member_id = ?")
                                .params(s.round().cycleId, s.dee())
                                .update());

        JobExecution execution = recount(s.round().cycleId, "proxies");

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        JsonNode details = details(report(execution));
        assertThat(details.at("/proxies/stored").asText())
                .isNotEqualTo(details.at("/proxies/recounted").asText());
        assertThat(details.at("/weights/differing"))
                .extracting(d -> d.get("member").asLong() + ":"
                        + d.get("stored").asText() + "->" + d.get("recounted").asText())
                .containsExactlyInAnyOrder(
                        s.ana() + ":22.000000000000->30.000000000000", s.ben() + ":18.000000000000->10.000000000000");
        assertThat(details.at("/ballots/changed")).isEmpty();
    }

    @Test
    void standingProxyListsChangedAfterTheCountDoNotMoveTheRecount() {
        Scenario s = scenario("MI-13");
        // Dee now trusts Cy for later cycles: this cycle was counted with the list she had then
        s.round().proxies(s.dee(), new ProxyChoice(s.cy(), 10));

        JobExecution execution = recount(s.round().cycleId, "standing");

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(report(execution).matches()).isTrue();
    }

    @Test
    void aRecountThatCouldNotFinishIsRestartedAndCompletes() {
        Scenario s = scenario("IL-04");
        s.round()
                .jdbc()
                .sql("alter table recount_report rename to recount_report_away")
                .update();
        JobExecution first;
        try {
            first = recount(s.round().cycleId, "restart");
        } finally {
            s.round()
                    .jdbc()
                    .sql("alter table recount_report_away rename to recount_report")
                    .update();
        }
        assertThat(first.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(ctx.bean(RecountReports.class).ofJobExecution(first.getId())).isEmpty();

        JobExecution second = recount(s.round().cycleId, "restart");

        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(second.getJobInstance().getInstanceId())
                .isEqualTo(first.getJobInstance().getInstanceId());
        assertThat(second.getId()).isNotEqualTo(first.getId());
        // the rows read by the failed execution lived in its memory only, so every reading step ran again
        assertThat(second.getStepExecutions())
                .extracting(StepExecution::getStepName)
                .contains(
                        "recount-electorate",
                        "recount-proxies",
                        "recount-ballots",
                        "recount-receipts",
                        "recount-weights",
                        "recount-compare");
        assertThat(report(second).matches()).isTrue();
    }

    @Test
    void theCertificationStagesRecountRunsTheJobAndNotesTheOutcome() {
        Scenario s = scenario("OR-03");
        RecountOutcome outcome = ctx.bean(CertificationActivities.class).recount(s.round().cycleId, "bob");

        assertThat(outcome.matches()).isTrue();
        assertThat(outcome.detail()).contains("recount matches");
        RecountReports.Report report =
                ctx.bean(RecountReports.class).latest(s.round().cycleId).orElseThrow();
        assertThat(report.jobExecutionId()).isNotNull();
        assertThat(report.actor()).isEqualTo("bob");
        assertThat(s.round()
                        .jdbc()
                        .sql("select kind from cycle_event where cycle_id = ? and kind like 'RECOUNT%'")
                        .param(s.round().cycleId)
                        .query(String.class)
                        .list())
                .containsExactly("RECOUNT_MATCHED");

        s.round()
                .withTriggerDisabled(
                        "ballot",
                        "ballot_append_only",
                        () -> s.round()
                                .jdbc()
                                .sql("update ballot set ranking = ? where cycle_id = ? and member_id = ?")
                                .params(new Long[] {s.z()}, s.round().cycleId, s.ana())
                                .update());
        RecountOutcome tampered = ctx.bean(CertificationActivities.class).recount(s.round().cycleId, "bob");
        assertThat(tampered.matches()).isFalse();
        assertThat(tampered.detail()).contains("members " + s.ana());
        assertThat(List.of(tampered.detail())).allMatch(d -> d.startsWith("RECOUNT DIFFERS"));
    }
}
