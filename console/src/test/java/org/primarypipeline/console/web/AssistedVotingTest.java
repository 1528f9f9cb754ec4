package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.voting.BallotActivities;
import org.primarypipeline.voting.BallotFixture;
import org.primarypipeline.voting.ProxyLists;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Issue #18 item 4 through the whole app (real HTTP, the security chain, PostgreSQL): staff can no
 * longer cast a ballot or change proxies for a member by themselves; an assisted ballot staff enter
 * counts only once the member confirms it by the link sent to them. The first test was written first:
 * on the code before assisted voting, alice's POST of a ballot and PUT of proxies for another member
 * were stored at once and the member was never told.
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
                "{\"proxies\": [{\"proxyMemberId\": " + friend + ", \"units\": 10}], \"cycleId\": \"" + round.cycleId
                        + "\"}");

        // the old doors are now the assisted entry: accepted, pending, and the member is sent a link
        assertThat(ballot.statusCode()).as(ballot.body()).isEqualTo(202);
        assertThat(proxies.statusCode()).as(proxies.body()).isEqualTo(202);
        assertThat(ballot.body()).contains("\"status\":\"PENDING\"", "counts only once they confirm it");
        assertThat(jdbc.sql("select state from assisted_ballot where cycle_id = ? and member_id = ? order by id")
                        .params(round.cycleId, member)
                        .query(String.class)
                        .list())
                .containsExactly("REPLACED", "PENDING");
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

    @Test
    void anAssistedBallotTheMemberConfirmsCountsOnceAndTheirPageSaysSo() throws Exception {
        BallotFixture.Round round =
                new BallotFixture(app::getBean).votingRound("MN-04", CycleSettings.defaults(), "Ana Conf", "Ben Conf");
        long ana = round.nominees.get(0);
        long ben = round.nominees.get(1);
        long member = round.join("Ida Confirm");
        long friend = round.join("Fay Confirm");
        round.open();
        BallotVoter own = BallotVoter.open(base(), jdbc, round.cycleId, member, "ida.confirm@mn-04.example.org");

        HttpResponse<String> entered = enter(
                round.cycleId,
                "{\"memberId\": " + member + ", \"ranking\": [" + ben + ", " + ana + "], \"proxies\": "
                        + "[{\"proxyMemberId\": " + friend + ", \"units\": 10}], \"note\": \"by phone\"}");
        assertThat(entered.statusCode()).as(entered.body()).isEqualTo(202);
        assertThat(chain(round.cycleId))
                .as("pending: nothing in the receipt chain")
                .isZero();
        assertThat(app.getBean(ProxyLists.class).of(round.cycleId, member).effective())
                .isEmpty();

        String token = token("ida.confirm@mn-04.example.org");
        HttpResponse<String> shown = get("/ballot/assisted/" + token);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body())
                .contains("1. Ben Conf", "2. Ana Conf", "member " + friend + " (10 units)", "by phone")
                .contains("It counts only if you confirm it");
        long id = entryId(shown.body());

        // a double click: two presses at once are processed once
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<HttpResponse<String>>> presses = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            presses.add(pool.submit((Callable<HttpResponse<String>>) () -> answer(id, token, "confirm")));
        }
        List<String> bodies = new ArrayList<>();
        for (Future<HttpResponse<String>> press : presses) {
            HttpResponse<String> r = press.get();
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            bodies.add(r.body());
        }
        pool.shutdown();
        assertThat(bodies)
                .filteredOn(b -> b.contains("Your ballot is confirmed"))
                .hasSize(1);
        assertThat(bodies).filteredOn(b -> b.contains("already answered")).hasSize(1);
        assertThat(bodies).filteredOn(b -> b.contains("id=\"secret\"")).hasSize(1);
        assertThat(chain(round.cycleId)).isEqualTo(1);
        assertThat(jdbc.sql("select ranking::text from ballot where cycle_id = ? and member_id = ?")
                        .params(round.cycleId, member)
                        .query(String.class)
                        .single())
                .isEqualTo("{" + ben + "," + ana + "}");
        assertThat(app.getBean(ProxyLists.class).of(round.cycleId, member).effective())
                .extracting(p -> p.proxyMemberId())
                .containsExactly(friend);
        assertThat(jdbc.sql("select receipt_seq from assisted_ballot where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThat(audit(round.cycleId + "/member " + member))
                .containsExactly("ballot.assisted.enter", "ballot.assisted.sent", "ballot.assisted.confirmed");

        String page = own.page().body();
        assertThat(page)
                .contains("Staff entered a ballot for you (a ranking of the candidates and a list of proxies) on ")
                .contains("at your request (by phone); you confirmed it on ")
                .contains("so it counts (receipt entry #1)")
                .contains("random name made up for this round")
                .contains("Assisted voting:");
    }

    @Test
    void aVoidedAssistedBallotLeavesNothing() throws Exception {
        BallotFixture.Round round =
                new BallotFixture(app::getBean).votingRound("MN-05", CycleSettings.defaults(), "Ana Void", "Ben Void");
        long member = round.join("Ida Void");
        round.open();
        BallotVoter own = BallotVoter.open(base(), jdbc, round.cycleId, member, "ida.void@mn-05.example.org");
        assertThat(enter(round.cycleId, "{\"memberId\": " + member + ", \"ranking\": [" + round.nominees.get(0) + "]}")
                        .statusCode())
                .isEqualTo(202);
        String token = token("ida.void@mn-05.example.org");
        long id = entryId(get("/ballot/assisted/" + token).body());

        HttpResponse<String> voided = answer(id, token, "void");
        assertThat(voided.statusCode()).isEqualTo(200);
        assertThat(voided.body()).contains("The entry is voided");
        // confirming afterwards changes nothing
        assertThat(answer(id, token, "confirm").body()).contains("already answered", "It is voided");
        assertThat(chain(round.cycleId)).isZero();
        assertThat(jdbc.sql("select count(*) from ballot where cycle_id = ?")
                        .param(round.cycleId)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(audit(round.cycleId + "/member " + member))
                .containsExactly("ballot.assisted.enter", "ballot.assisted.sent", "ballot.assisted.voided");
        assertThat(own.page().body()).contains("at your request; you voided it on ", "so it does not count");
    }

    @Test
    void anAssistedBallotUnconfirmedWhenTheRoundIsSealedIsNotCounted() throws Exception {
        BallotFixture.Round round =
                new BallotFixture(app::getBean).votingRound("MN-06", CycleSettings.defaults(), "Ana Seal", "Ben Seal");
        long member = round.join("Ida Late");
        round.open();
        BallotVoter own = BallotVoter.open(base(), jdbc, round.cycleId, member, "ida.late@mn-06.example.org");
        assertThat(enter(round.cycleId, "{\"memberId\": " + member + ", \"ranking\": [" + round.nominees.get(1) + "]}")
                        .statusCode())
                .isEqualTo(202);
        String token = token("ida.late@mn-06.example.org");
        long id = entryId(get("/ballot/assisted/" + token).body());

        app.getBean(BallotActivities.class).seal(round.cycleId, "alice", "closed early");

        HttpResponse<String> late = answer(id, token, "confirm");
        assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
        assertThat(late.body()).contains("Voting closed before you confirmed this entry");
        assertThat(chain(round.cycleId)).isZero();
        assertThat(jdbc.sql("select state from assisted_ballot where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("PENDING");
        assertThat(get("/ballot/assisted/" + token).body()).contains("Voting is closed");
        assertThat(own.page().body()).contains("voting closed before you confirmed it, so it was not counted");
        // and staff cannot enter one any more
        assertThat(enter(round.cycleId, "{\"memberId\": " + member + ", \"ranking\": [" + round.nominees.get(0) + "]}")
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void oneMembersTokenCannotAnswerAnothersEntry() throws Exception {
        BallotFixture.Round round =
                new BallotFixture(app::getBean).votingRound("MN-07", CycleSettings.defaults(), "Ana Tok", "Ben Tok");
        long mine = round.join("Ida Token");
        long theirs = round.join("Jo Token");
        round.open();
        long nominee = round.nominees.get(0);
        enter(round.cycleId, "{\"memberId\": " + mine + ", \"ranking\": [" + nominee + "]}");
        enter(round.cycleId, "{\"memberId\": " + theirs + ", \"ranking\": [" + nominee + "]}");
        String myToken = token("ida.token@mn-07.example.org");
        long theirId = entryId(
                get("/ballot/assisted/" + token("jo.token@mn-07.example.org")).body());

        HttpResponse<String> forged = answer(theirId, myToken, "confirm");
        assertThat(forged.statusCode()).isEqualTo(404);
        assertThat(forged.body()).contains("This link is not valid");
        assertThat(answer(theirId, "", "confirm").statusCode()).isEqualTo(404);
        assertThat(chain(round.cycleId)).isZero();
        assertThat(jdbc.sql("select state from assisted_ballot where id = ?")
                        .param(theirId)
                        .query(String.class)
                        .single())
                .isEqualTo("PENDING");
        // another member or nobody at all cannot enter one: the right to steer cycles is needed
        HttpResponse<String> auditor = new ConsoleHttp(base())
                .api(
                        "POST",
                        "/api/cycles/" + round.cycleId + "/assisted-ballots",
                        "otto",
                        "{\"memberId\": " + mine + ", \"ranking\": [" + nominee + "]}");
        assertThat(auditor.statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> enter(String cycleId, String body) throws Exception {
        return new ConsoleHttp(base()).api("POST", "/api/cycles/" + cycleId + "/assisted-ballots", "alice", body);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return BallotVoter.get(base(), path, null);
    }

    private HttpResponse<String> answer(long id, String token, String decision) throws Exception {
        return BallotVoter.send(base(), "/ballot/assisted/" + id, null, Map.of("token", token, "decision", decision));
    }

    /** The token of the latest assisted-ballot link queued to {@code email}. */
    private String token(String email) {
        String url = jdbc.sql("""
                select model ->> 'answerUrl' from outbox_message where template = 'assisted-ballot' and recipient = ?
                order by id desc limit 1""").param(email).query(String.class).single();
        String path = URI.create(url).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static long entryId(String html) {
        Matcher m = Pattern.compile("action=\"/ballot/assisted/(\\d+)\"").matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return Long.parseLong(m.group(1));
    }

    private int chain(String cycleId) {
        return jdbc.sql("select count(*) from ballot_receipt where cycle_id = ?")
                .param(cycleId)
                .query(Integer.class)
                .single();
    }

    private List<String> audit(String target) {
        return jdbc.sql("select action from audit_log where target = ? and outcome = 'DONE' order by id")
                .param(target)
                .query(String.class)
                .list();
    }
}
