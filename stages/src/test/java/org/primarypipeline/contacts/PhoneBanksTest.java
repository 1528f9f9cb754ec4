package org.primarypipeline.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.outreach.ConsentRegistry;
import org.primarypipeline.testing.ActivitiesContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Universes counted live and call packets on a real PostgreSQL: two callers never hold the same contact
 * (concurrent callers, each contact called exactly once), an expired lease passes to the next caller, and a
 * STOP or a "do not call" recorded anywhere takes the person out of every campaign's universes and packets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneBanksTest {

    private ActivitiesContext db;
    private JdbcClient jdbc;
    private Universes universes;
    private PhoneBanks phoneBanks;

    @BeforeAll
    void start() {
        db = ActivitiesContext.start();
        jdbc = db.jdbc();
        universes = db.bean(Universes.class);
        phoneBanks = db.bean(PhoneBanks.class);
    }

    @AfterAll
    void stop() {
        db.close();
    }

    private Universe universe(String cycle, String district, String precinct, List<String> tags, Universe.Channel c) {
        long id = universes.create(cycle, "u", district, precinct, tags, null, c, "organizer");
        return universes.find(id).orElseThrow();
    }

    @Test
    void universesAreCountedLiveAndLeaveOutOptOutsOnEveryCampaign() {
        String one = CampaignFixture.campaign(jdbc, "KY-01", 1);
        String two = CampaignFixture.campaign(jdbc, "KY-02", 2);
        CampaignFixture.contact(jdbc, one, "Ann A", "+15025550101", "KY-01", "P1", List.of("g2024", "dem"));
        CampaignFixture.contact(jdbc, one, "Bo B", "+15025550102", "KY-01", "P2", List.of("g2024"));
        CampaignFixture.contact(jdbc, one, "Cy C", "+15025550103", "KY-02", "P1", List.of());
        long onTwo = CampaignFixture.contact(jdbc, two, "Ann Again", "+15025550101", "KY-02", "P9", List.of());

        Universe all = universe(one, null, null, List.of(), Universe.Channel.PHONE);
        Universe ky1 = universe(one, "KY-01", null, List.of(), Universe.Channel.PHONE);
        Universe voted = universe(one, "KY-01", null, List.of("g2024"), Universe.Channel.SMS);
        Universe p1 = universe(one, null, "P1", List.of(), Universe.Channel.DOOR);
        Universe twoAll = universe(two, null, null, List.of(), Universe.Channel.SMS);
        assertThat(universes.count(all)).isEqualTo(3);
        assertThat(universes.count(ky1)).isEqualTo(2);
        assertThat(universes.count(voted)).isEqualTo(2);
        assertThat(universes.count(p1)).isEqualTo(2);
        assertThat(universes.count(twoAll)).isEqualTo(1);

        // Ann texts STOP (to either campaign): gone from every universe of both, at once
        db.bean(ConsentRegistry.class).optOut(Channel.SMS, "+15025550101", "sms-keyword", "SM-test");
        assertThat(universes.count(all)).isEqualTo(2);
        assertThat(universes.count(voted)).isEqualTo(1);
        assertThat(universes.count(p1)).isEqualTo(1);
        assertThat(universes.count(twoAll)).isZero();
        assertThat(onTwo).isPositive();

        // not contacted in 7 days: an attempt on Bo takes him out
        long notLately = universes.create(one, "fresh", null, null, List.of(), 7, Universe.Channel.PHONE, "o");
        Universe fresh = universes.find(notLately).orElseThrow();
        assertThat(universes.count(fresh)).isEqualTo(2);
        long bo = jdbc.sql("select id from contact where full_name = 'Bo B'")
                .query(Long.class)
                .single();
        db.bean(ContactAttempts.class)
                .record(new ContactAttempts.Attempt(
                        one, bo, Universe.Channel.DOOR, ContactResult.NOT_HOME, Map.of(), null, null, null, "x", null));
        assertThat(universes.count(fresh)).isEqualTo(1);
    }

    @Test
    void twoCallersNeverHoldTheSameContactAndEachContactIsCalledOnce() throws Exception {
        String cycle = CampaignFixture.campaign(jdbc, "KY-03", 3);
        int contacts = 300;
        for (int i = 0; i < contacts; i++) {
            CampaignFixture.contact(
                    jdbc, cycle, "Voter " + i, String.format("+1502556%04d", i), "KY-03", "P1", List.of());
        }
        Universe u = universe(cycle, "KY-03", null, List.of(), Universe.Channel.PHONE);
        long[] built = phoneBanks.build(u, "packet", "Hi {{firstName}}", List.of("Support?"), "organizer");
        assertThat(built[1]).isEqualTo(contacts);
        CallPacket packet = phoneBanks.packet(built[0]).orElseThrow();

        int callers = 8;
        Map<Long, String> holder = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> doubleHeld = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<Integer>> done = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            String caller = "caller-" + c;
            done.add(pool.submit(() -> {
                go.await();
                int calls = 0;
                for (Optional<Contact> next;
                        (next = phoneBanks.lease(packet.id(), caller, Duration.ofMinutes(5))).isPresent(); ) {
                    long id = next.get().id();
                    String before = holder.putIfAbsent(id, caller);
                    if (before != null) {
                        doubleHeld.add(id + " held by " + before + " and " + caller);
                    }
                    if (phoneBanks.record(
                            packet, id, caller, null, ContactResult.TALKED, Map.of("Support?", "yes"), null, null)) {
                        calls++;
                    }
                }
                return calls;
            }));
        }
        go.countDown();
        int calls = 0;
        for (Future<Integer> f : done) {
            calls += f.get();
        }
        pool.shutdown();
        assertThat(doubleHeld).isEmpty();
        assertThat(calls).isEqualTo(contacts);
        assertThat(jdbc.sql("select count(distinct contact_id), count(*) from contact_attempt where packet_id = ?")
                        .param(packet.id())
                        .query((rs, n) -> rs.getLong(1) + "/" + rs.getLong(2))
                        .single())
                .isEqualTo(contacts + "/" + contacts);
        assertThat(phoneBanks.progress(packet.id())).containsExactly(contacts, 0);
    }

    @Test
    void anExpiredLeasePassesOnAndDoNotCallIsHonouredEverywhere() {
        String cycle = CampaignFixture.campaign(jdbc, "KY-04", 4);
        String other = CampaignFixture.campaign(jdbc, "KY-05", 5);
        long dee = CampaignFixture.contact(jdbc, cycle, "Dee D", "+15025557001", "KY-04", "P1", List.of());
        CampaignFixture.contact(jdbc, cycle, "Ed E", "+15025557002", "KY-04", "P1", List.of());
        CampaignFixture.contact(jdbc, other, "Dee Elsewhere", "+15025557001", "KY-05", "P1", List.of());
        CallPacket packet = phoneBanks
                .packet(phoneBanks
                        .build(
                                universe(cycle, null, null, List.of(), Universe.Channel.PHONE),
                                "p",
                                "s",
                                List.of(),
                                "o")[0])
                .orElseThrow();

        Contact first = phoneBanks.lease(packet.id(), "amy", Duration.ZERO).orElseThrow();
        assertThat(first.id()).isEqualTo(dee);
        // Amy's lease is over at once: Ben gets Dee; Amy's late result is refused, Ben's stands
        Contact forBen =
                phoneBanks.lease(packet.id(), "ben", Duration.ofMinutes(5)).orElseThrow();
        assertThat(forBen.id()).isEqualTo(dee);
        assertThat(phoneBanks.record(packet, dee, "amy", null, ContactResult.TALKED, Map.of(), null, null))
                .isFalse();
        // the same caller asking again gets the contact they hold, not another
        assertThat(phoneBanks
                        .lease(packet.id(), "ben", Duration.ofMinutes(5))
                        .orElseThrow()
                        .id())
                .isEqualTo(dee);
        assertThat(phoneBanks.record(packet, dee, "ben", null, ContactResult.DO_NOT_CALL, Map.of(), null, null))
                .isTrue();
        assertThat(phoneBanks.record(packet, dee, "ben", null, ContactResult.TALKED, Map.of(), null, null))
                .isFalse();

        // Dee's number is off every call list of every campaign; texting is another channel
        Universe elsewhere = universe(other, null, null, List.of(), Universe.Channel.PHONE);
        assertThat(universes.count(elsewhere)).isZero();
        assertThat(universes.count(universe(other, null, null, List.of(), Universe.Channel.SMS)))
                .isEqualTo(1);
        assertThat(phoneBanks
                        .lease(packet.id(), "amy", Duration.ofMinutes(5))
                        .orElseThrow()
                        .fullName())
                .isEqualTo("Ed E");
    }
}
