package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.voting.BallotFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A ballot form sent twice at once (a double click, a resent request) is stored once, over real HTTP:
 * one entry in the receipt chain, one receipt email, both answers showing that entry. A deliberate
 * second cast from the page it gave is stored again. Before the form carried the receipt it was shown
 * with, every copy was a new chain entry (pp bench ballots counted them as processed twice).
 */
class DoubleSubmitTest extends ConsoleTestSupport {

    @Autowired
    ApplicationContext app;

    @Test
    void theSameFormSentTwiceAtOnceIsStoredOnce() throws Exception {
        BallotFixture.Round round = new BallotFixture(app::getBean)
                .votingRound("NM-02", CycleSettings.defaults(), "Ana Twice", "Ben Twice");
        long ana = round.nominees.get(0);
        long ben = round.nominees.get(1);
        long member = round.join("Twice Voter");
        round.open();
        BallotVoter voter = BallotVoter.open(base(), jdbc, round.cycleId, member, "twice.voter@nm-02.example.org");
        String shown = BallotVoter.shown(voter.page().body());
        assertThat(shown).isEqualTo("0");

        CompletableFuture<HttpResponse<String>> first = post(voter, shown, List.of(ana, ben));
        CompletableFuture<HttpResponse<String>> second = post(voter, shown, List.of(ana, ben));
        HttpResponse<String> a = first.join();
        HttpResponse<String> b = second.join();
        assertThat(a.statusCode()).as(a.body()).isEqualTo(200);
        assertThat(b.statusCode()).as(b.body()).isEqualTo(200);
        assertThat(entries(round.cycleId, member)).isEqualTo(1);
        assertThat(a.body()).contains("Entry <strong>#1</strong>");
        assertThat(b.body()).contains("Entry <strong>#1</strong>");
        // exactly one of them shows the secret; the other says the ballot was sent twice
        assertThat(a.body().contains("id=\"secret\"")).isNotEqualTo(b.body().contains("id=\"secret\""));
        assertThat(a.body() + b.body()).contains("sent twice and is stored once");
        assertThat(receiptEmails(round.cycleId)).isEqualTo(1);

        // casting the same ranking again from the page now shown is a new ballot, with a new secret
        HttpResponse<String> again = voter.rankFrom(BallotVoter.shown(a.body()), List.of(ana, ben));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("Entry <strong>#2</strong>", "id=\"secret\"");
        // an old page's form with another ranking is a change, and counts
        HttpResponse<String> changed = voter.rankFrom("0", List.of(ben));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("Entry <strong>#3</strong>");
        assertThat(entries(round.cycleId, member)).isEqualTo(3);
        assertThat(receiptEmails(round.cycleId)).isEqualTo(3);
        assertThat(jdbc.sql("select receipt_seq from ballot where cycle_id = ? and member_id = ?")
                        .params(round.cycleId, member)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    private static CompletableFuture<HttpResponse<String>> post(BallotVoter voter, String shown, List<Long> ranking) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return voter.rankFrom(shown, ranking);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private long entries(String cycleId, long member) {
        return jdbc.sql("select count(*) from ballot_receipt where cycle_id = ? and member_id = ?")
                .params(cycleId, member)
                .query(Long.class)
                .single();
    }

    private long receiptEmails(String cycleId) {
        return jdbc.sql("select count(*) from outbox_message where template = 'ballot-receipt' and dedup_key like ?")
                .param("cycle:" + cycleId + ":%")
                .query(Long.class)
                .single();
    }
}
