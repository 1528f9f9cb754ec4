package org.primarypipeline.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.primarypipeline.certification.CertificationActivities;
import org.primarypipeline.certification.RecountReports;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.supporters.MemberRepository.ProxyChoice;
import org.primarypipeline.testing.ActivitiesContext;

/**
 * The tally freezes each member's list for the cycle (override, else standing; lists naming someone
 * outside the electorate set aside), stores each ballot's weight and the chain head; without the
 * batch module, certification's recount does the same checks directly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TallyTest {

    private ActivitiesContext ctx;
    private BallotFixture fixture;

    @BeforeAll
    void start() {
        ctx = ActivitiesContext.start();
        fixture = new BallotFixture(ctx::bean);
    }

    @AfterAll
    void stop() {
        ctx.close();
    }

    private List<String> weights(BallotFixture.Round round) {
        return round.jdbc()
                .sql(
                        "select member_id || '=' || trim_scale(weight) from ballot_weight where cycle_id = ? order by member_id")
                .param(round.cycleId)
                .query(String.class)
                .list();
    }

    @Test
    void aCycleOverrideReplacesTheStandingListForThatCycleOnly() {
        BallotFixture.Round round = fixture.votingRound("TX-07", CycleSettings.defaults(), "Ana Ortiz", "Ben Ruiz");
        long x = round.nominees.get(0);
        long ann = round.join("Ann Tally");
        long bo = round.join("Bo Tally");
        long cy = round.join("Cy Tally");
        long di = round.join("Di Tally");
        long ed = round.join("Ed Tally");
        ProxyLists lists = ctx.bean(ProxyLists.class);
        lists.replaceStanding(cy, List.of(new ProxyChoice(ann, 10)));
        lists.replaceStanding(di, ProxyLists.equalShares(List.of(ann, bo, cy)));
        lists.replaceStanding(ed, List.of(new ProxyChoice(ann, 10)));
        // this cycle only: Cy trusts Bo instead, Ed names nobody and votes for himself
        lists.overrideForCycle(round.cycleId, cy, List.of(new ProxyChoice(bo, 10)));
        lists.overrideForCycle(round.cycleId, ed, List.of());
        assertThat(lists.of(round.cycleId, cy).effective()).containsExactly(new ProxyChoice(bo, 10));
        assertThat(lists.of(round.cycleId, ed).effective()).isEmpty();
        assertThat(lists.of(round.cycleId, ed).standing()).containsExactly(new ProxyChoice(ann, 10));
        assertThatThrownBy(() -> lists.replaceStanding(ann, List.of(new ProxyChoice(bo, 6), new ProxyChoice(cy, 3))))
                .hasMessageContaining("sum to 10, not 9");
        assertThatThrownBy(() -> lists.replaceStanding(ann, List.of(new ProxyChoice(ann, 10))))
                .hasMessageContaining("own proxy");
        round.open();
        round.cast(ann, x);
        round.cast(bo, x);
        round.cast(ed, x);

        TallySummary summary = round.countAndClose();

        // Di's 10 split 4/3/3 over Ann, Bo, Cy; Cy's 10 and Di's 3 through Cy go to Bo
        assertThat(weights(round)).containsExactly(ann + "=14", bo + "=26", ed + "=10");
        assertThat(summary.exercisedUnits()).startsWith("50");
        assertThat(round.jdbc()
                        .sql("select count(*) from cycle_proxy where cycle_id = ?")
                        .param(round.cycleId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(4);
        assertThat(round.jdbc()
                        .sql("select chain_head from cycle_result where cycle_id = ?")
                        .param(round.cycleId)
                        .query(String.class)
                        .single())
                .isEqualTo(ctx.bean(BallotBox.class)
                        .ownBallot(round.cycleId, ed)
                        .orElseThrow()
                        .receipt()
                        .code());
    }

    @Test
    void aListNamingSomeoneOutsideTheElectorateIsSetAsideWhole() {
        BallotFixture.Round round = fixture.votingRound("CA-12", CycleSettings.defaults(), "Cy Nominee");
        long x = round.nominees.get(0);
        long fay = round.join("Fay Aside");
        long gil = round.join("Gil Aside");
        round.proxies(gil, new ProxyChoice(fay, 5), new ProxyChoice(round.join("Hap Aside"), 5));
        long hap =
                round.jdbc().sql("select max(id) from member").query(Long.class).single();
        round.open();
        // Hap left after joining: he is in this electorate, so leave him out of it as if he had left first
        round.withTriggerDisabled(
                "electorate",
                "electorate_append_only",
                () -> round.jdbc()
                        .sql("delete from electorate where cycle_id = ? and member_id = ?")
                        .params(round.cycleId, hap)
                        .update());
        round.cast(fay, x);
        round.cast(gil, x);

        round.countAndClose();

        assertThat(weights(round)).containsExactly(fay + "=10", gil + "=10");
        assertThat(round.jdbc()
                        .sql("select detail from cycle_event where cycle_id = ? and kind = 'TALLIED'")
                        .param(round.cycleId)
                        .query(String.class)
                        .single())
                .contains("1 proxy list(s)", "set aside");
    }

    @Test
    void withoutTheBatchModuleCertificationRecountsDirectlyAndCatchesAChangedBallot() {
        BallotFixture.Round round = fixture.votingRound("NY-14", CycleSettings.defaults(), "Di Nominee", "Ed Nominee");
        long x = round.nominees.get(0);
        long y = round.nominees.get(1);
        long ivy = round.join("Ivy Direct");
        long jo = round.join("Jo Direct");
        round.open();
        round.cast(ivy, x, y);
        round.cast(jo, y);
        round.countAndClose();
        CertificationActivities certification = ctx.bean(CertificationActivities.class);
        assertThat(certification.recount(round.cycleId, "alice").matches()).isTrue();

        round.withTriggerDisabled(
                "ballot",
                "ballot_append_only",
                () -> round.jdbc()
                        .sql("update ballot set ranking = '{" + y + "}' where cycle_id = ? and member_id = ?")
                        .params(round.cycleId, ivy)
                        .update());

        var outcome = certification.recount(round.cycleId, "alice");
        assertThat(outcome.matches()).isFalse();
        assertThat(outcome.detail()).contains("no longer match their receipt", "members " + ivy);
        RecountReports.Report report =
                ctx.bean(RecountReports.class).latest(round.cycleId).orElseThrow();
        assertThat(report.jobExecutionId()).isNull();
        assertThat(report.matches()).isFalse();
    }
}
