package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.voting.BallotFixture;
import org.primarypipeline.voting.ProxyLists;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Issue #18 item 4 through the whole app: staff can no longer cast a ballot or change proxies for a
 * member by themselves. Written first: on the code before assisted voting, alice's POST of a ballot and
 * PUT of proxies for another member were stored at once and the member was never told.
 */
class AssistedVotingTest extends ConsoleTestSupport {

    @Autowired
    ApplicationContext app;

    @Test
    void staffCastingABallotOrChangingProxiesDirectlyStoresNothing() throws Exception {
        BallotFixture.Round round =
                new BallotFixture(app::getBean).votingRound("MN-03", CycleSettings.defaults(), "Ana Help", "Ben Help");
        long ana = round.nominees.get(0);
        long member = round.join("Ida Direct");
        long friend = round.join("Fay Direct");
        round.open();
        ConsoleHttp http = new ConsoleHttp(base());

        HttpResponse<String> ballot = http.api(
                "POST",
                "/api/cycles/" + round.cycleId + "/ballots",
                "alice",
                "{\"memberId\": " + member + ", \"ranking\": [" + ana + "]}");
        HttpResponse<String> proxies = http.api(
                "PUT",
                "/api/members/" + member + "/proxies",
                "alice",
                "{\"proxies\": [{\"proxyMemberId\": " + friend + ", \"units\": 10}], \"cycleId\": \""
                        + round.cycleId + "\"}");

        assertThat(ballot.statusCode()).as(ballot.body()).isLessThan(500);
        assertThat(proxies.statusCode()).as(proxies.body()).isLessThan(500);
        assertThat(jdbc.sql("select count(*) from ballot where cycle_id = ?")
                        .param(round.cycleId)
                        .query(Integer.class)
                        .single())
                .as("a ballot staff posted on their own")
                .isZero();
        assertThat(jdbc.sql("select count(*) from ballot_receipt where cycle_id = ?")
                        .param(round.cycleId)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(app.getBean(ProxyLists.class).of(round.cycleId, member).effective())
                .as("proxies staff set on their own")
                .isEmpty();
    }
}
