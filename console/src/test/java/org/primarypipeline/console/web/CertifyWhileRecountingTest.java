package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.primarypipeline.console.cycles.CycleService;
import org.primarypipeline.supporters.MemberRepository;
import org.primarypipeline.vetting.Candidacy;
import org.primarypipeline.vetting.CandidacyRepository;
import org.primarypipeline.vetting.PledgeRepository;
import org.primarypipeline.vetting.ReviewChecklist;
import org.primarypipeline.vetting.VettingDecision;
import org.primarypipeline.voting.BallotBox;
import org.primarypipeline.workflows.cycle.CycleView;
import org.primarypipeline.workflows.cycle.StaffAction;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A round decided by lot is recounted as soon as the stage becomes certification. While that recount
 * runs, an approval is refused through the API (409, the reason in words) and audited as refused, and
 * the cycle page disables the approve button and says why. Once the recount has said the result
 * stands, the same approval is taken. The cycle is set up through the app's own beans (the workflow
 * runs on the app's worker); the recount is held by a lock on its report table.
 */
class CertifyWhileRecountingTest extends ConsoleTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DISTRICT = "FL-01";

    @Autowired
    CycleService cycles;

    @Autowired
    CandidacyRepository candidacies;

    @Autowired
    PledgeRepository pledges;

    @Autowired
    MemberRepository members;

    @Autowired
    BallotBox ballots;

    @Autowired
    DataSource dataSource;

    @Test
    void anApprovalWaitsForTheRecountOfTheRound() throws Exception {
        ConsoleHttp http = new ConsoleHttp(base());
        HttpResponse<String> launched = http.api("POST", "/api/cycles", "alice", "{\"district\":\"" + DISTRICT + "\"}");
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(201);
        String cycle = JSON.readTree(launched.body()).path("id").asText();
        awaitStarted(cycle);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !candidacies.ofCycle(cycle).isEmpty());
        long sitting = candidacies.ofCycle(cycle).get(0).id();
        approve(cycle, sitting);
        cycles.act(cycle, w -> w.closeWindow(StaffAction.by("alice")));
        await().atMost(Duration.ofSeconds(60)).until(() -> stageOf(cycle).equals("NOMINATION_WINDOW"));
        long challenger = candidacies.nominate(cycle, "Flo Recount", "flo.recount@example.org", null);
        candidacies.confirmEligibility(challenger, "{\"checkedBy\":\"staff\"}");
        approve(cycle, challenger);
        List<Long> voters = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            voters.add(members.join(DISTRICT, "Recount Voter " + i, "fl01-recount" + i + "@example.org", null));
        }
        cycles.act(cycle, w -> w.closeWindow(StaffAction.by("alice")));
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        jdbc.sql("select count(*) from cycle_event where cycle_id = ? and kind = 'ELECTORATE_FROZEN'")
                                        .param(cycle)
                                        .query(Integer.class)
                                        .single()
                                > 0);
        for (int i = 0; i < voters.size(); i++) {
            // two each: a tie, decided by lot, so recounted whatever the margin setting
            ballots.cast(cycle, voters.get(i), List.of(i < 2 ? sitting : challenger));
        }

        try (Connection hold = dataSource.getConnection()) {
            hold.setAutoCommit(false);
            try (Statement statement = hold.createStatement()) {
                // the recount can read all it likes but not store its report
                statement.execute("lock table recount_report in share mode");
            }
            cycles.act(cycle, w -> w.closeWindow(StaffAction.by("alice")));
            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            cycles.view(cycle).map(CycleView::recountRunning).orElse(false));
            assertThat(cycles.view(cycle).orElseThrow().stage())
                    .isEqualTo(org.primarypipeline.core.cycle.CycleStage.CERTIFICATION);

            HttpResponse<String> refused = http.api("POST", "/api/cycles/" + cycle + "/certify", "alice", "{}");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(JSON.readTree(refused.body()).path("error").asText()).isEqualTo(CycleView.RECOUNT_RUNNING);
            assertThat(jdbc.sql("""
                            select outcome || ': ' || detail from audit_log
                            where action = 'cycle.certify' and target = ? order by id
                            """).param(cycle).query(String.class).list())
                    .containsExactly("REFUSED: " + CycleView.RECOUNT_RUNNING);

            ConsoleHttp browser = new ConsoleHttp(base());
            assertThat(browser.signIn("bob", password("bob"))).endsWith("/");
            String page = browser.get("/cycles/" + cycle).body();
            assertThat(page)
                    .contains("id=\"certify-waits\"")
                    .contains("The recount of this round is still running")
                    .containsPattern("id=\"certify-button\" disabled");
            hold.rollback();
        }

        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        jdbc.sql("select count(*) from cycle_event where cycle_id = ? and kind = 'RECOUNT_MATCHED'")
                                        .param(cycle)
                                        .query(Integer.class)
                                        .single()
                                > 0);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !cycles.view(cycle).orElseThrow().recountRunning());
        HttpResponse<String> taken = http.api("POST", "/api/cycles/" + cycle + "/certify", "alice", "{}");
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        cycles.act(cycle, w -> w.cancel(StaffAction.by("alice", "test over")));
    }

    private void approve(String cycle, long candidacy) {
        Candidacy c = candidacies.find(cycle, candidacy).orElseThrow();
        pledges.signCurrent(c.candidateId(), c.fullName(), "127.0.0.1", "test");
        cycles.act(
                cycle,
                w -> w.review(new VettingDecision(
                        candidacy, VettingDecision.Verdict.APPROVE, null, "alice", ReviewChecklist.COMPLETE)));
    }
}
