package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.primarypipeline.certification.RecountOutcome;
import org.primarypipeline.certification.RecountRunner;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.supporters.MemberRepository.ProxyChoice;
import org.primarypipeline.voting.BallotFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Issue #18, append-only tables: on a counted round, whoever can write to the database (here with the
 * app's own credentials) is refused every UPDATE, DELETE and TRUNCATE of ballots, receipts, the frozen
 * electorate and proxy lists, the result, the seal and the timeline. Someone who disables the triggers
 * can still edit a ballot or append after the seal, and the recount names it. Failed on the code before
 * the triggers: every edit went through.
 */
class AppendOnlyVotingTablesTest extends ConsoleTestSupport {

    @Autowired
    ApplicationContext app;

    @Test
    void everyEditOfACountedRoundIsRefusedAndOneMadeWithTriggersDisabledIsFoundByTheRecount() throws Exception {
        BallotFixture.Round round = new BallotFixture(app::getBean)
                .votingRound("UT-02", CycleSettings.defaults(), "Ana Ledger", "Ben Ledger");
        long ana = round.nominees.get(0);
        long ben = round.nominees.get(1);
        long m1 = round.join("Ledger One");
        long m2 = round.join("Ledger Two");
        long m3 = round.join("Ledger Three");
        round.proxies(m3, new ProxyChoice(m1, 10));
        round.open();
        round.cast(m1, ana, ben);
        round.cast(m2, ben);
        round.cast(m1, ana);
        round.countAndClose();
        String c = "'" + round.cycleId + "'";

        List<String> edits = List.of(
                "update ballot set ranking = '{" + ben + "}' where cycle_id = " + c + " and member_id = " + m1,
                "delete from ballot where cycle_id = " + c + " and member_id = " + m2,
                "update ballot_receipt set receipt = 'x' where cycle_id = " + c + " and seq = 1",
                "delete from ballot_receipt where cycle_id = " + c + " and seq = 3",
                "update electorate set member_id = " + m2 + " where cycle_id = " + c + " and member_id = " + m1,
                "delete from electorate where cycle_id = " + c + " and member_id = " + m3,
                "update cycle_proxy set units = 5 where cycle_id = " + c,
                "delete from cycle_proxy where cycle_id = " + c,
                // the runner-up as winner: the shape of the withdrawal transition, but nobody withdrew
                "update cycle_result set winner = " + ben + " where cycle_id = " + c,
                "delete from cycle_result where cycle_id = " + c,
                "update cycle_event set detail = 'nothing happened' where cycle_id = " + c,
                "delete from cycle_event where cycle_id = " + c,
                "update ballot_seal set chain_length = 2 where cycle_id = " + c,
                "delete from ballot_seal where cycle_id = " + c,
                "truncate ballot cascade",
                "truncate ballot_receipt cascade",
                "truncate electorate cascade",
                "truncate cycle_proxy cascade",
                "truncate cycle_result cascade",
                "truncate cycle_event cascade",
                "truncate ballot_seal cascade");
        for (String edit : edits) {
            Throwable refused = catchThrowable(() -> jdbc.sql(edit).update());
            assertThat(refused).as(edit).isNotNull();
            assertThat(refused).as(edit).hasMessageContaining("refused");
        }
        // nothing is appended to the sealed chain either
        assertThatThrownBy(() -> jdbc.sql("""
                        insert into ballot_receipt (cycle_id, seq, member_id, previous, receipt)
                        values (?, 4, ?, 'x', 'y')""").params(round.cycleId, m3).update())
                .hasMessageContaining("sealed");
        RecountRunner recount = app.getBean(RecountRunner.class);
        assertThat(recount.recount(round.cycleId, "test").matches()).isTrue();

        // with the triggers disabled (a database owner can), the edits go through and the recount names them
        jdbc.sql("alter table ballot disable trigger ballot_append_only").update();
        jdbc.sql("update ballot set ranking = '{" + ben + "}' where cycle_id = ? and member_id = ?")
                .params(round.cycleId, m1)
                .update();
        jdbc.sql("alter table ballot enable trigger ballot_append_only").update();
        jdbc.sql("alter table ballot_receipt disable trigger ballot_receipt_not_after_seal")
                .update();
        String head = jdbc.sql("select receipt from ballot_receipt where cycle_id = ? and seq = 3")
                .param(round.cycleId)
                .query(String.class)
                .single();
        jdbc.sql("""
                insert into ballot_receipt (cycle_id, seq, member_id, previous, receipt)
                values (?, 4, ?, ?, ?)""").params(round.cycleId, m3, head, "e".repeat(64)).update();
        jdbc.sql("alter table ballot_receipt enable trigger ballot_receipt_not_after_seal")
                .update();

        RecountOutcome outcome = recount.recount(round.cycleId, "test");
        assertThat(outcome.matches()).isFalse();
        assertThat(outcome.detail())
                .contains("no longer match their receipt", "members " + m1)
                .contains("1 receipt entry appended after the round was sealed");
        // the late entry is not in the published list nor counted by the check
        assertThat(BallotVoter.get(base(), "/ballot/" + round.cycleId + "/receipts/" + "e".repeat(64), null)
                        .body())
                .contains("\"found\":false");
    }
}
