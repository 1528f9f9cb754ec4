package org.primarypipeline.integrations.outreach.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.http.HttpResponse;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.primarypipeline.contacts.CampaignFixture;
import org.primarypipeline.contacts.TextBanks;
import org.primarypipeline.contacts.Universe;
import org.primarypipeline.contacts.Universes;
import org.primarypipeline.integrations.outreach.support.Eventually;
import org.primarypipeline.integrations.outreach.support.Http;
import org.primarypipeline.integrations.outreach.support.MutableClock;
import org.primarypipeline.integrations.outreach.support.Outreach;
import org.primarypipeline.integrations.outreach.support.TwilioStub;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Peer-to-peer texting through the real outbox routes to a local Twilio stub (WireMock) and replies back
 * through the signed Twilio webhook: dynamic assignment hands each contact to one texter, each click sends one
 * text once, a reply lands in the texter's conversation, and a STOP (which the carrier already answered) is
 * recorded once, answered by nobody, and keeps the number from every texter on every campaign.
 */
class PeerToPeerTextingTest {

    private static final String PUBLIC = "https://pp.example.org";

    private static HikariDataSource db;
    private static TwilioStub twilio;
    private static Outreach outreach;
    private static JdbcClient jdbc;
    private static TextBanks texts;
    private static Universes universes;

    @BeforeAll
    static void start() {
        db = TestDatabase.freshMigrated();
        twilio = new TwilioStub();
        MutableClock clock = MutableClock.aheadOfRealTime();
        clock.advanceToNext(LocalTime.of(13, 0), ZoneId.of("America/New_York"));
        outreach = Outreach.start(db, clock, new HashMap<>(twilio.settings()), true);
        jdbc = outreach.jdbc();
        universes = new Universes(jdbc);
        texts = new TextBanks(jdbc, universes, outreach.outbox());
    }

    @AfterAll
    static void stop() {
        outreach.close();
        twilio.close();
        TestDatabase.close(db);
    }

    private static long member(String name) {
        return jdbc.sql("insert into member (full_name) values (?) returning id")
                .param(name)
                .query(Long.class)
                .single();
    }

    private static TextBanks.TextBank bank(String cycle) {
        long u = universes.create(cycle, "texts", null, null, List.of(), null, Universe.Channel.SMS, "organizer");
        texts.create(universes.find(u).orElseThrow(), "bank", "Hi! Will you vote?", List.of("Thanks!"), "organizer");
        return texts.openBank(cycle).orElseThrow();
    }

    @Test
    void textersShareTheListOnceRepliesComeBackAndStopHoldsEverywhere() throws Exception {
        String cycle = CampaignFixture.campaign(jdbc, "KY-05", 1);
        String other = CampaignFixture.campaign(jdbc, "KY-06", 2);
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            phones.add(String.format("+1606555%04d", 100 + i));
            CampaignFixture.contact(jdbc, cycle, "Voter " + i, phones.get(i), "KY-05", "P1", List.of());
        }
        CampaignFixture.contact(jdbc, other, "Voter 0 again", phones.get(0), "KY-06", "P1", List.of());
        TextBanks.TextBank bank = bank(cycle);
        long ann = member("Ann Texter");
        long bob = member("Bob Texter");
        long cat = member("Cat Texter");

        // three texters ask at once: every contact to exactly one of them
        List<CompletableFuture<Integer>> asks = List.of(
                CompletableFuture.supplyAsync(() -> texts.take(bank, ann, 4)),
                CompletableFuture.supplyAsync(() -> texts.take(bank, bob, 4)),
                CompletableFuture.supplyAsync(() -> texts.take(bank, cat, 4)));
        int taken = 0;
        for (CompletableFuture<Integer> a : asks) {
            taken += a.get();
        }
        assertThat(taken).isEqualTo(9);
        Set<Long> seen = new HashSet<>();
        for (long texter : List.of(ann, bob, cat)) {
            for (TextBanks.Assignment a : texts.assignments(bank.id(), texter)) {
                assertThat(seen.add(a.contactId()))
                        .as("contact %d handed out twice", a.contactId())
                        .isTrue();
            }
        }
        assertThat(texts.take(bank, ann, 4)).isZero();

        // one click per message; a second click on the same contact sends nothing more
        List<String> keys = new ArrayList<>();
        for (long texter : List.of(ann, bob, cat)) {
            for (TextBanks.Assignment a : texts.assignments(bank.id(), texter)) {
                assertThat(texts.sendInitial(bank, a.contactId(), texter, bank.initialMessage()))
                        .isTrue();
                assertThat(texts.sendInitial(bank, a.contactId(), texter, bank.initialMessage()))
                        .isTrue();
                keys.add("p2p:" + bank.id() + ":" + a.contactId() + ":initial");
            }
        }
        // nobody sends for a contact they do not hold
        long annsFirst = texts.assignments(bank.id(), ann).get(0).contactId();
        assertThat(texts.sendInitial(bank, annsFirst, bob, "hijack")).isFalse();
        Eventually.until("all initial texts sent", () -> outreach.allSettled(keys), outreach::statuses);
        for (String phone : phones) {
            assertThat(twilio.sendsTo(phone)).hasSize(1);
            assertThat(twilio.sendsTo(phone).get(0).get("Body")).contains("Hi! Will you vote?");
        }

        // a reply comes in through the signed webhook and lands in the conversation of the texter who holds it
        TextBanks.Assignment annsContact = texts.assignments(bank.id(), ann).get(0);
        HttpResponse<String> reply = signedPost(
                inbound("SMp2preply00000000000000000000001", annsContact.phone(), "Yes, see you there", null));
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(texts.conversation(bank, annsContact.contactId()))
                .extracting(TextBanks.Message::body)
                .containsExactly("Hi! Will you vote?", "Yes, see you there");
        assertThat(texts.reply(bank, annsContact.contactId(), ann, "Thanks!", "k1"))
                .isTrue();
        assertThat(texts.reply(bank, annsContact.contactId(), ann, "Thanks!", "k1"))
                .isTrue();
        Eventually.until(
                "the reply sent",
                () -> outreach.allSettled(List.of("p2p:" + bank.id() + ":" + annsContact.contactId() + ":reply:k1")),
                outreach::statuses);
        assertThat(twilio.sendsTo(annsContact.phone())).hasSize(2);

        // Voter 0 texts STOP; the carrier already confirmed it (OptOutType): we record it once and say nothing
        String stopper = phones.get(0);
        int textsBeforeStop = twilio.sendsTo(stopper).size();
        Map<String, String> stop = inbound("SMp2pstop000000000000000000000001", stopper, "STOP", "STOP");
        assertThat(signedPost(stop).body()).doesNotContain("<Message>");
        assertThat(signedPost(stop).body()).doesNotContain("<Message>");
        assertThat(outreach.consent().isOptedOut(Channel.SMS, stopper)).isTrue();
        assertThat(jdbc.sql("select count(*) from consent_event where address = ?")
                        .param(stopper)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // a texter's reply to them is never sent (no 21610 from Twilio), and no campaign offers them again
        long stopperId = jdbc.sql("select id from contact where phone = ? and cycle_id = ?")
                .params(stopper, cycle)
                .query(Long.class)
                .single();
        long holder = jdbc.sql("select texter_member_id from text_assignment where contact_id = ?")
                .param(stopperId)
                .query(Long.class)
                .single();
        texts.reply(bank, stopperId, holder, "Sorry to bother you", "k2");
        assertThat(outreach.status("p2p:" + bank.id() + ":" + stopperId + ":reply:k2"))
                .isEqualTo("SUPPRESSED");
        assertThat(twilio.sendsTo(stopper)).hasSize(textsBeforeStop);
        TextBanks.TextBank otherBank = bank(other);
        assertThat(texts.take(otherBank, ann, 10)).isZero();
    }

    private static Map<String, String> inbound(String sid, String from, String body, String optOutType) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", sid);
        params.put("SmsSid", sid);
        params.put("AccountSid", TwilioStub.ACCOUNT_SID);
        params.put("From", from);
        params.put("To", TwilioStub.FROM);
        params.put("Body", body);
        params.put("NumMedia", "0");
        if (optOutType != null) {
            params.put("OptOutType", optOutType);
        }
        return params;
    }

    private static HttpResponse<String> signedPost(Map<String, String> params) {
        return Http.postForm(
                outreach.local(PUBLIC + "/twilio/sms"),
                params,
                Map.of(
                        "X-Twilio-Signature",
                        TwilioStub.signature(TwilioStub.AUTH_TOKEN, PUBLIC + "/twilio/sms", params)));
    }
}
