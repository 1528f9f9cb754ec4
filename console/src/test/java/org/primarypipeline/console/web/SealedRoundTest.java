package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.primarypipeline.console.cycles.CycleService;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.voting.BallotFixture;
import org.primarypipeline.workflows.cycle.CyclePlan;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Issue #18, the sealed round, through the whole app: members post ballots over HTTP while staff close
 * the round early through the REST API; every ballot the app accepted is in the sealed chain, nothing
 * after it, and every ballot posted once the close has answered is refused with "voting closed at".
 * Failed on the code before the seal: the close only wrote a note, ballots kept being stored after it.
 */
class SealedRoundTest extends ConsoleTestSupport {

    @Autowired
    ApplicationContext app;

    @Test
    void ballotsPostedWhileStaffCloseEarlyAreEitherInTheSealedChainOrRefused() throws Exception {
        BallotFixture.Round round =
                new BallotFixture(app::getBean).votingRound("OR-05", CycleSettings.defaults(), "Ana Seal", "Ben Seal");
        long ana = round.nominees.get(0);
        long ben = round.nominees.get(1);
        List<BallotVoter> voters = new ArrayList<>();
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            members.add(round.join("Seal Voter" + i));
        }
        round.open();
        for (int i = 0; i < members.size(); i++) {
            voters.add(BallotVoter.open(base(), jdbc, round.cycleId, members.get(i), email(i)));
        }
        startWorkflow(round.cycleId);

        for (BallotVoter voter : voters.subList(0, 4)) {
            assertThat(stored(voter.rank(List.of(ana, ben)))).isTrue();
        }

        AtomicInteger accepted = new AtomicInteger(4);
        AtomicInteger acceptedAfterClose = new AtomicInteger();
        AtomicLong closeAnsweredAt = new AtomicLong(Long.MAX_VALUE);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> posting = new ArrayList<>();
        for (BallotVoter voter : voters.subList(4, 12)) {
            posting.add(pool.submit(() -> {
                for (int i = 0; i < 150; i++) {
                    long startedAt = System.nanoTime();
                    HttpResponse<String> r = voter.rank(i % 2 == 0 ? List.of(ana, ben) : List.of(ben, ana));
                    if (stored(r)) {
                        accepted.incrementAndGet();
                        if (startedAt > closeAnsweredAt.get()) {
                            acceptedAfterClose.incrementAndGet();
                        }
                    } else {
                        // refused: the round is closed (asserted below for a post after the close)
                        return null;
                    }
                }
                return null;
            }));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> accepted.get() >= 20);
        HttpResponse<String> close = new ConsoleHttp(base())
                .api("POST", "/api/cycles/" + round.cycleId + "/close", "alice", "{\"reason\":\"test of the seal\"}");
        closeAnsweredAt.set(System.nanoTime());
        assertThat(close.statusCode()).as(close.body()).isEqualTo(200);
        for (Future<?> f : posting) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(acceptedAfterClose.get())
                .as("ballots stored although posted after the close had answered")
                .isZero();
        HttpResponse<String> late = voters.get(0).rank(List.of(ben));
        assertThat(late.statusCode()).isEqualTo(409);
        // in the page's language (English here; BallotPagesInBothLanguagesTest has the Spanish)
        assertThat(late.body()).contains("Voting closed at", "your ballot was not stored");
        String page = voters.get(1).page().body();
        assertThat(page).contains("Voting closed at").doesNotContain("La votación se cerró");
        assertThat(page).doesNotContain("Change my ballot", "Store my ballot");

        // the seal: every accepted ballot is in the chain up to it, nothing after it
        long sealedLength = jdbc.sql("select chain_length from ballot_seal where cycle_id = ? and reopened_at is null")
                .param(round.cycleId)
                .query(Long.class)
                .single();
        String sealedHead = jdbc.sql("select head_hash from ballot_seal where cycle_id = ? and reopened_at is null")
                .param(round.cycleId)
                .query(String.class)
                .single();
        assertThat(sealedLength).isEqualTo(accepted.get());
        assertThat(chainLength(round.cycleId)).isEqualTo(sealedLength);
        assertThat(jdbc.sql("select receipt from ballot_receipt where cycle_id = ? and seq = ?")
                        .params(round.cycleId, sealedLength)
                        .query(String.class)
                        .single())
                .isEqualTo(sealedHead);
        assertThat(close.body()).contains("Voting closed at", sealedHead);

        // the count reads exactly the sealed chain, and the check finds the head counted
        await().atMost(Duration.ofSeconds(60)).until(() -> !"VOTING_ROUND".equals(stageOf(round.cycleId)));
        assertThat(jdbc.sql("select chain_length from cycle_result where cycle_id = ?")
                        .param(round.cycleId)
                        .query(Long.class)
                        .single())
                .isEqualTo(sealedLength);
        assertThat(BallotVoter.get(base(), "/ballot/" + round.cycleId + "/receipts/" + sealedHead, null)
                        .body())
                .contains("\"found\":true", "\"counted\":true");
        assertThat(jdbc.sql("select count(*) from cycle_event where cycle_id = ? and kind = 'SEALED'")
                        .param(round.cycleId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void atTheDeadlineTheAppendItselfRefusesUnderTheChainsLockAndTheCountSealsWhatCameBefore() throws Exception {
        BallotFixture.Round round =
                new BallotFixture(app::getBean).votingRound("CO-03", CycleSettings.defaults(), "Cy Seal", "Di Seal");
        long cy = round.nominees.get(0);
        long first = round.join("Deadline Voter");
        long second = round.join("Deadline Other");
        round.open();
        round.cast(first, cy);
        // the deadline passes; nothing has sealed the round yet
        app.getBean(CycleRepository.class)
                .enterStage(
                        round.cycleId,
                        CycleStage.VOTING_ROUND,
                        Instant.now().minusSeconds(1),
                        0,
                        "voting closes",
                        "voting-deadline-test");
        assertThatThrownBy(() -> round.cast(second, cy)).hasMessageContaining("closed at");
        assertThat(chainLength(round.cycleId)).isEqualTo(1);

        round.countAndClose();
        assertThat(jdbc.sql("select chain_length || ' ' || reason from ballot_seal where cycle_id = ?")
                        .param(round.cycleId)
                        .query(String.class)
                        .single())
                .isEqualTo("1 the voting deadline passed");
    }

    private void startWorkflow(String cycleId) {
        CycleRecord cycle = app.getBean(CycleRepository.class).find(cycleId).orElseThrow();
        CycleService service = app.getBean(CycleService.class);
        service.start(new CyclePlan(
                cycle.id(),
                cycle.districtId(),
                cycle.settings(),
                cycle.stage(),
                cycle.stageDeadline(),
                cycle.extensions(),
                null,
                List.of()));
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> service.view(cycleId)
                        .map(v -> v.stage() == CycleStage.VOTING_ROUND && v.deadline() != null)
                        .orElse(false));
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        jdbc.sql("select count(*) from cycle_event where cycle_id = ? and kind = 'ELECTORATE_FROZEN'")
                                        .param(cycleId)
                                        .query(Integer.class)
                                        .single()
                                > 0);
    }

    private long chainLength(String cycleId) {
        return jdbc.sql("select count(*) from ballot_receipt where cycle_id = ?")
                .param(cycleId)
                .query(Long.class)
                .single();
    }

    private static boolean stored(HttpResponse<String> response) {
        // 303 was the answer before the seal; a stored ballot is now answered with its receipt and secret
        return response.statusCode() == 200 || response.statusCode() == 303;
    }

    private static String email(int i) {
        return "seal.voter" + i + "@or-05.example.org";
    }
}
