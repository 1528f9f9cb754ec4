package org.primarypipeline.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.platform.links.PublicLinks;
import org.primarypipeline.testing.ActivitiesContext;
import org.primarypipeline.voting.BallotAccess.LinkState;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Ballot links: queued when voting opens, good once, expiring, hashed at rest, exchanged for a session. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BallotAccessTest {

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

    private List<String> links(String cycleId) {
        return ctx.jdbc().sql("""
                select model ->> 'ballotUrl' from outbox_message
                where template = 'ballot-link' and model ->> 'cycleId' = ? order by id""").param(cycleId).query(String.class).list();
    }

    private static String token(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    void eachMemberGetsOneLinkThatOpensTheirBallotOnceAndIsNotKeptInClear() {
        BallotFixture.Round round = fixture.votingRound("TX-07", CycleSettings.defaults(), "Ana Ortiz");
        long ann = round.join("Ann Link");
        round.join("Bo Link");
        round.open();
        round.open(); // a retried or resumed opening sends nobody a second link

        List<String> urls = links(round.cycleId);
        assertThat(urls).hasSize(2).allMatch(u -> u.startsWith("http://localhost:8080/ballot/open/"));
        Map<String, Object> model =
                ctx.jdbc().sql("""
                select model ->> 'closesAt' as closes, transactional from outbox_message
                where template = 'ballot-link' and model ->> 'cycleId' = ? limit 1""").param(round.cycleId).query().singleRow();
        assertThat(model.get("transactional")).isEqualTo(true);
        assertThat((String) model.get("closes")).matches("\\w{3}, \\w{3} \\d{1,2}, \\d{1,2}:\\d{2} [AP]M \\w+");
        String token = token(urls.get(0));
        String stored = ctx.jdbc()
                .sql("select string_agg(encode(token_hash, 'hex') || member_id || channel, ',') from ballot_access")
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain(token);
        assertThat(stored).contains(HexFormat.of().formatHex(BallotAccess.sha256(token)));

        BallotAccess access = ctx.bean(BallotAccess.class);
        assertThat(access.peek(token).state()).isEqualTo(LinkState.OPENED); // a mail scanner's fetch spends nothing
        BallotAccess.Exchange opened = access.exchange(token);
        assertThat(opened.state()).isEqualTo(LinkState.OPENED);
        assertThat(opened.session().memberId()).isEqualTo(ann);
        assertThat(access.session(round.cycleId, opened.sessionKey()))
                .map(BallotAccess.Session::memberId)
                .contains(ann);
        assertThat(access.session("CA-12-1", opened.sessionKey())).isEmpty();
        assertThat(access.exchange(token).state()).isEqualTo(LinkState.USED);
        assertThat(access.exchange("x".repeat(43)).state()).isEqualTo(LinkState.UNKNOWN);
    }

    @Test
    void linksAndSessionsExpireAndNoLinkOpensAClosedRound() {
        BallotFixture.Round round = fixture.votingRound("NY-14", CycleSettings.defaults(), "Cy Nominee");
        round.join("Cal Expiry");
        round.join("Dot Expiry");
        round.open();
        List<String> urls = links(round.cycleId);
        Instant now = Instant.now();
        BallotAccess later = access(now.plus(Duration.ofHours(3)), "1h", "2h");
        ctx.jdbc()
                .sql("update ballot_access set expires_at = ? where cycle_id = ?")
                .params(java.sql.Timestamp.from(now.plus(Duration.ofHours(1))), round.cycleId)
                .update();

        assertThat(later.exchange(token(urls.get(0))).state()).isEqualTo(LinkState.EXPIRED);
        BallotAccess.Exchange opened = ctx.bean(BallotAccess.class).exchange(token(urls.get(1)));
        assertThat(later.session(round.cycleId, opened.sessionKey())).isEmpty(); // sessions last two hours

        ctx.bean(CycleRepository.class).enterStage(round.cycleId, CycleStage.CERTIFICATION, null, 0, "counted", "cert");
        assertThat(ctx.bean(BallotAccess.class).exchange(token(urls.get(0))).state())
                .isEqualTo(LinkState.ROUND_CLOSED);
    }

    @Test
    void aFreshLinkIsSentOnRequestToMembersOnlyAndOnlyAFewTimes() {
        BallotFixture.Round round = fixture.votingRound("WA-07", CycleSettings.defaults(), "Di Nominee");
        long eve = round.join("Eve Fresh");
        round.open();
        BallotLinks links = ctx.bean(BallotLinks.class);
        links.sendFresh(round.cycleId, "EVE.FRESH@wa-07.example.org");
        links.sendFresh(round.cycleId, "nobody@example.org");
        assertThat(links(round.cycleId)).hasSize(2).doesNotHaveDuplicates();
        assertThat(ctx.bean(BallotAccess.class)
                        .exchange(token(links(round.cycleId).get(1)))
                        .session()
                        .memberId())
                .isEqualTo(eve);
        for (int i = 0; i < 10; i++) {
            links.sendFresh(round.cycleId, "eve.fresh@wa-07.example.org");
        }
        assertThat(links(round.cycleId)).hasSize(1 + BallotAccess.MAX_FRESH_LINKS);
    }

    /**
     * Twenty requests at once for one member: still only the allowed number of fresh links, each with
     * its message. Failed on the old code, where every request counted the links before any was stored.
     */
    @Test
    void parallelRequestsForFreshLinksDoNotPassTheLimit() throws Exception {
        BallotFixture.Round round = fixture.votingRound("WA-08", CycleSettings.defaults(), "Fy Nominee");
        long gus = round.join("Gus Rush");
        round.open();
        BallotLinks links = ctx.bean(BallotLinks.class);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> requests = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                requests.add(pool.submit(() -> {
                    go.await();
                    links.sendFresh(round.cycleId, "gus.rush@wa-08.example.org");
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> request : requests) {
                request.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        int stored = ctx.jdbc()
                .sql("select count(*) from ballot_access where cycle_id = ? and member_id = ?")
                .params(round.cycleId, gus)
                .query(Integer.class)
                .single();
        assertThat(stored).isEqualTo(1 + BallotAccess.MAX_FRESH_LINKS);
        assertThat(links(round.cycleId)).hasSize(stored).doesNotHaveDuplicates();
    }

    private BallotAccess access(Instant at, String linkTtl, String sessionTtl) {
        StaticListableBeanFactory clocks =
                new StaticListableBeanFactory(Map.of("clock", Clock.fixed(at, ZoneOffset.UTC)));
        return new BallotAccess(
                ctx.bean(JdbcClient.class),
                clocks.getBeanProvider(Clock.class),
                new PublicLinks("http://localhost:8080/"),
                linkTtl,
                sessionTtl);
    }
}
