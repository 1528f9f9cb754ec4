package org.primarypipeline.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.testing.ActivitiesContext;

/** Receipts: a hash chain per cycle, published with its head once the round is counted. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReceiptChainTest {

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

    @Test
    void aMemberCanRecomputeTheirReceiptFromThePublishedListAndTheirRanking() {
        BallotFixture.Round round = fixture.votingRound("TX-07", CycleSettings.defaults(), "Ana Ortiz", "Ben Ruiz");
        long x = round.nominees.get(0);
        long y = round.nominees.get(1);
        long ann = round.join("Ann Receipt");
        long bo = round.join("Bo Receipt");
        round.open();
        Receipt first = round.cast(ann, x, y);
        Receipt bos = round.cast(bo, y);
        Receipt changed = round.cast(ann, y, x);

        assertThat(List.of(first.seq(), bos.seq(), changed.seq())).containsExactly(1L, 2L, 3L);
        assertThat(first.secret()).matches("[0-9a-f]{32}");
        assertThat(first.code())
                .isEqualTo(ReceiptChain.receipt(
                        ReceiptChain.GENESIS,
                        round.cycleId,
                        ann,
                        x + ">" + y,
                        1,
                        ReceiptChain.secretHash(first.secret())));
        Receipts receipts = ctx.bean(Receipts.class);
        // nothing is published while ballots may still arrive
        assertThat(receipts.publication(round.cycleId)).isEmpty();
        assertThat(receipts.entries(round.cycleId, 0, 100)).isEmpty();
        assertThat(receipts.check(round.cycleId, changed.code())).isEmpty();

        round.countAndClose();

        Receipts.Publication published = receipts.publication(round.cycleId).orElseThrow();
        assertThat(published.chainHead()).isEqualTo(changed.code());
        assertThat(published.chainLength()).isEqualTo(3);
        assertThat(published.countedBallots()).isEqualTo(2);
        List<Receipts.Entry> entries = receipts.entries(round.cycleId, 0, 100);
        assertThat(entries)
                .extracting(Receipts.Entry::receipt)
                .containsExactly(first.code(), bos.code(), changed.code());
        assertThat(entries).extracting(Receipts.Entry::counted).containsExactly(false, true, true);
        // Ann's own check: previous from the list, her member id, her ranking, the seq and secret she was shown
        Receipts.Entry hers = entries.get(2);
        assertThat(ReceiptChain.receipt(
                        hers.previous(),
                        round.cycleId,
                        ann,
                        y + ">" + x,
                        hers.seq(),
                        ReceiptChain.secretHash(changed.secret())))
                .isEqualTo(hers.receipt());
        assertThat(receipts.check(round.cycleId, changed.code().toUpperCase()).orElseThrow())
                .isEqualTo(new Receipts.Check(true, 3L, true, changed.code()));
        assertThat(receipts.check(round.cycleId, first.code()).orElseThrow().counted())
                .isFalse();
        assertThat(receipts.check(round.cycleId, "f".repeat(64)).orElseThrow().found())
                .isFalse();
    }

    @Test
    void ballotsStoredAtTheSameMomentStillFormOneUnbrokenChain() throws Exception {
        BallotFixture.Round round = fixture.votingRound("CA-12", CycleSettings.defaults(), "Cy Nominee", "Di Nominee");
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            members.add(round.join("Chain Member " + i));
        }
        round.open();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Receipt>> casts = new ArrayList<>();
            for (int pass = 0; pass < 5; pass++) {
                for (long member : members) {
                    Long first = pass % 2 == 0 ? round.nominees.get(0) : round.nominees.get(1);
                    casts.add(pool.submit(() -> round.cast(member, first)));
                }
            }
            for (Future<Receipt> cast : casts) {
                cast.get();
            }
        } finally {
            pool.shutdown();
        }
        List<String[]> chain = round.jdbc()
                .sql("select seq, previous, receipt from ballot_receipt where cycle_id = ? order by seq")
                .param(round.cycleId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list();
        assertThat(chain).hasSize(40);
        String previous = ReceiptChain.GENESIS;
        for (int i = 0; i < chain.size(); i++) {
            assertThat(chain.get(i)[0]).isEqualTo(Integer.toString(i + 1));
            assertThat(chain.get(i)[1]).isEqualTo(previous);
            previous = chain.get(i)[2];
        }
    }
}
