package org.primarypipeline.supporters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.geo.AssignmentSource;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.outreach.ConsentRegistry;
import org.primarypipeline.testing.ActivitiesContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Participation by invitation and member confirmation, on the real repositories and PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvitationsTest {

    private ActivitiesContext db;
    private Invitations invitations;
    private JdbcClient jdbc;

    @BeforeAll
    void start() {
        db = ActivitiesContext.start();
        invitations = db.bean(Invitations.class);
        jdbc = db.jdbc();
    }

    @AfterAll
    void stop() {
        db.close();
    }

    @Test
    void anAcceptedInvitationMakesAMemberOfTheirOwnDistrictAndTheOfferedProxyLink() {
        long ana = db.bean(MemberRepository.class).join("WI-02", "Ana", "ana@example.org", null);
        Invitations.Invitation toBen = invitations.invite(ana, Channel.EMAIL, " Ben@Example.org ", "Ben", true);
        assertThat(toBen.address()).isEqualTo("ben@example.org");
        assertThat(invitations
                        .invite(ana, Channel.EMAIL, "ben@example.org", "Ben", true)
                        .id())
                .isEqualTo(toBen.id());
        assertThat(jdbc.sql("select template || ' ' || recipient from outbox_message where dedup_key = ?")
                        .param("invitation:" + toBen.id())
                        .query(String.class)
                        .single())
                .isEqualTo("group-invitation ben@example.org");
        // the message links straight to the public page that answers it
        assertThat(jdbc.sql("select model ->> 'invitationUrl' from outbox_message where dedup_key = ?")
                        .param("invitation:" + toBen.id())
                        .query(String.class)
                        .single())
                .isEqualTo("http://localhost:8080/invitation/" + toBen.token());

        // Ben lives in Madison too (53703 lies in WI-02 only): same group, so Ana becomes his proxy
        Invitations.Invitation accepted = invitations.accept(toBen.token(), "Ben Okafor", "53703", null, true);
        assertThat(accepted.status()).isEqualTo("ACCEPTED");
        assertThat(accepted.proxyCreated()).isTrue();
        long ben = accepted.inviteeMemberId();
        assertThat(groupDistrict(ben)).isEqualTo("WI-02");
        // the invitation came to Ben's own address and he answered it: that confirms his joining
        assertThat(jdbc.sql("select joined_via from member where id = ?")
                        .param(ben)
                        .query(String.class)
                        .single())
                .isEqualTo("INVITATION");
        assertThat(jdbc.sql(
                                "select proxy_member_id || ':' || units from proxy_assignment where member_id = ? and cycle_id is null")
                        .param(ben)
                        .query(String.class)
                        .single())
                .isEqualTo(ana + ":10");
        assertThatThrownBy(() -> invitations.accept(toBen.token(), "Ben", "53703", null, true))
                .hasMessageContaining("already accepted");

        // Ben invites Cy by text; Cy lives in Milwaukee: Cy joins WI-04, and no proxy crosses groups
        Invitations.Invitation toCy = invitations.invite(ben, Channel.SMS, "(414) 555-0123", null, true);
        Invitations.Invitation cy = invitations.accept(toCy.token(), "Cy", null, DistrictId.parse("WI-04"), true);
        assertThat(groupDistrict(cy.inviteeMemberId())).isEqualTo("WI-04");
        assertThat(cy.proxyCreated()).isFalse();
        assertThat(db.bean(SupporterDistricts.class)
                        .of(cy.inviteeMemberId())
                        .orElseThrow()
                        .source())
                .isEqualTo(AssignmentSource.MEMBER_CONFIRMED);

        // an address that texted STOP is not invited
        db.bean(ConsentRegistry.class).optOut(Channel.SMS, "+14145550188", "sms-keyword", "SM1");
        assertThatThrownBy(() -> invitations.invite(ana, Channel.SMS, "414-555-0188", null, false))
                .hasMessageContaining("opted out");
        Invitations.Invitation toDi = invitations.invite(ana, Channel.EMAIL, "di@example.org", null, false);
        invitations.decline(toDi.token());

        List<Invitations.GraphSize> graph = invitations.graphByDistrict();
        assertThat(graph).extracting(Invitations.GraphSize::districtId).containsExactly("WI-02");
        Invitations.GraphSize wi02 = graph.get(0);
        assertThat(wi02.inviters()).isEqualTo(2);
        assertThat(wi02.invitations()).isEqualTo(3);
        assertThat(wi02.accepted()).isEqualTo(2);
        assertThat(wi02.declined()).isEqualTo(1);
        assertThat(wi02.proxiesCreated()).isEqualTo(1);
        assertThat(wi02.depth()).isEqualTo(2);
    }

    @Test
    void aMembersConfirmationMovesTheirGroupMembership() {
        long eve = db.bean(MemberRepository.class).join("TX-07", "Eve", "eve@example.org", null);
        SupporterDistricts districts = db.bean(SupporterDistricts.class);
        districts.confirm(eve, DistrictId.parse("TX-09"));
        assertThat(groupDistrict(eve)).isEqualTo("TX-09");
        assertThat(jdbc.sql("select count(*) from group_membership where member_id = ?")
                        .param(eve)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        districts.assignByStaff(eve, DistrictId.parse("TX-18"), "alice", "moved house, told us by phone");
        assertThat(groupDistrict(eve)).isEqualTo("TX-18");
        assertThat(districts.of(eve).orElseThrow().reason()).isEqualTo("alice: moved house, told us by phone");
        assertThatThrownBy(() -> districts.confirm(eve, DistrictId.parse("DC-01")))
                .hasMessageContaining("no district DC-01");
    }

    /** Failed on the old code, which stored the code as it was sent. */
    @Test
    void theInvitationCodeIsStoredOnlyAsItsHashAndItsLinkIsASecretOfTheMessage() {
        long hal = db.bean(MemberRepository.class).join("WI-02", "Hal", "hal@example.org", null);
        Invitations.Invitation toIda = invitations.invite(hal, Channel.EMAIL, "ida@example.org", "Ida", false);
        assertThat(toIda.token()).hasSizeGreaterThanOrEqualTo(22);
        assertThat(jdbc.sql("select count(*) from invitation i where strpos(row_to_json(i)::text, ?) > 0")
                        .param(toIda.token())
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select model -> '_secrets' from outbox_message where dedup_key = ?")
                        .param("invitation:" + toIda.id())
                        .query(String.class)
                        .single())
                .contains("invitationUrl", "token");
        // looked up by the code's hash; inviting again does not hand the code out a second time
        assertThat(invitations.byToken(toIda.token()).orElseThrow().id()).isEqualTo(toIda.id());
        assertThat(invitations.byToken(toIda.token() + "x")).isEmpty();
        assertThat(invitations
                        .invite(hal, Channel.EMAIL, "ida@example.org", "Ida", false)
                        .token())
                .isNull();
    }

    /**
     * An accept and a decline of the same invitation sent at once: one wins, the other is refused, and
     * the stored answer is the winner's. Failed on the old code: the accept overwrote a decline that
     * landed while it was creating the member.
     */
    @Test
    void anAcceptDoesNotOverwriteAConcurrentDecline() throws Exception {
        long joe = db.bean(MemberRepository.class).join("WI-02", "Joe", "joe@example.org", null);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 10; i++) {
                String token = invitations
                        .invite(joe, Channel.EMAIL, "race" + i + "@example.org", "Racer", false)
                        .token();
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Boolean> accept = pool.submit(() -> {
                    together.await();
                    try {
                        invitations.accept(token, "Racer " + token, "53703", null, false);
                        return true;
                    } catch (IllegalArgumentException refused) {
                        return false;
                    }
                });
                Future<Boolean> decline = pool.submit(() -> {
                    together.await();
                    try {
                        invitations.decline(token);
                        return true;
                    } catch (IllegalArgumentException refused) {
                        return false;
                    }
                });
                boolean accepted = accept.get(30, TimeUnit.SECONDS);
                boolean declined = decline.get(30, TimeUnit.SECONDS);
                assertThat(accepted ^ declined).as("exactly one answer wins").isTrue();
                assertThat(invitations.byToken(token).orElseThrow().status())
                        .isEqualTo(accepted ? "ACCEPTED" : "DECLINED");
                assertThat(jdbc.sql("select count(*) from member where full_name = ?")
                                .param("Racer " + token)
                                .query(Integer.class)
                                .single())
                        .as("a refused accept leaves no member behind")
                        .isEqualTo(accepted ? 1 : 0);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private String groupDistrict(long member) {
        return jdbc.sql("""
                select g.district_id from group_membership gm join district_group g on g.id = gm.group_id
                where gm.member_id = ? and gm.left_at is null
                """).param(member).query(String.class).single();
    }
}
