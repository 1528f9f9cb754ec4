package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.supporters.MemberRepository;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "People I trust" ({@code /me/proxies}) through the whole app: a member names standing proxies by name
 * among the people of their group they are connected to, shares summing to 10, through the one door for
 * standing lists and audited; anything else is refused with a sentence and changes nothing.
 */
class PeopleITrustTest extends ConsoleTestSupport {

    @Autowired
    MemberRepository members;

    @Autowired
    CycleRepository cycles;

    @BeforeEach
    void freshLimits() {
        jdbc.sql("delete from member_sign_in").update();
    }

    @Test
    void aMemberNamesConnectedPeopleByNameAndTheyCountWhoNamedThem() throws Exception {
        long tess = members.join("VT-01", "Tess Trust", "tess.trust@example.org", null);
        long uma = members.join("VT-01", "Uma Invited", "uma.invited@example.org", null);
        long vic = members.join("VT-01", "Vic Inviter", "vic.inviter@example.org", null);
        long wes = members.join("VT-01", "Wes Stranger", "wes.stranger@example.org", null);
        invited(tess, uma);
        invited(vic, tess);
        MemberBrowser browser = new MemberBrowser(base(), jdbc).signIn("tess.trust@example.org");

        assertThat(browser.get("/me").body()).contains("href=\"/me/proxies\"");
        HttpResponse<String> page = browser.get("/me/proxies");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<label for=\"share_1\">Uma Invited</label>", "<label for=\"share_2\">Vic Inviter</label>")
                .doesNotContain("Wes Stranger", "<script")
                .contains("Nobody in your group has named you");

        HttpResponse<String> saved = browser.form("/me/proxies", rows(Map.of(uma, "7", vic, "3")));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(standing(tess)).containsExactly("" + uma + ":7", "" + vic + ":3");
        assertThat(audited(tess)).contains("member.proxies.named");
        assertThat(browser.get("/me/proxies").body()).contains("value=\"7\"", "value=\"3\"");

        MemberBrowser umaBrowser = new MemberBrowser(base(), jdbc).signIn("uma.invited@example.org");
        assertThat(umaBrowser.get("/me/proxies").body()).contains("1 member(s) of your group named you");
        assertThat(umaBrowser.get("/me/proxies?lang=es").body()).contains("1 miembro(s) de tu grupo te nombraron");
        assertThat(wes).isPositive();
    }

    @Test
    void someoneNotConnectedOrOutsideTheGroupOrSharesNotSummingToTenAreRefusedWithASentence() throws Exception {
        long xia = members.join("VT-01", "Xia Careful", "xia.careful@example.org", null);
        long yan = members.join("VT-01", "Yan Friend", "yan.friend@example.org", null);
        long zed = members.join("VT-01", "Zed Unknown", "zed.unknown@example.org", null);
        long ola = members.join("WA-09", "Ola Elsewhere", "ola.elsewhere@example.org", null);
        invited(xia, yan);
        invited(xia, ola);
        MemberBrowser browser = new MemberBrowser(base(), jdbc).signIn("xia.careful@example.org");
        assertThat(browser.get("/me/proxies").body()).contains("Yan Friend").doesNotContain("Ola Elsewhere");

        for (long stranger : List.of(zed, ola)) {
            HttpResponse<String> refused = browser.form("/me/proxies", rows(Map.of(yan, "5", stranger, "5")));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("id=\"people-error\">You can only name people of your group");
        }
        HttpResponse<String> sum = browser.form("/me/proxies", rows(Map.of(yan, "7")));
        assertThat(sum.statusCode()).isEqualTo(400);
        assertThat(sum.body()).contains("id=\"shares-error\">The units must add up to 10", "value=\"7\"");
        HttpResponse<String> word = browser.form("/me/proxies?lang=es", rows(Map.of(yan, "diez")));
        assertThat(word.statusCode()).isEqualTo(400);
        assertThat(word.body()).contains("id=\"share_1-error\">Escribe un número entero");
        assertThat(standing(xia)).isEmpty();
    }

    @Test
    void anotherMembersSessionChangesOnlyTheirOwnListAndAConsoleSessionCannotReachThePage() throws Exception {
        long ana = members.join("VT-01", "Ana Owner", "ana.owner@example.org", null);
        long ben = members.join("VT-01", "Ben Other", "ben.other@example.org", null);
        long cy = members.join("VT-01", "Cy Common", "cy.common@example.org", null);
        invited(ana, cy);
        invited(ben, cy);
        MemberBrowser anaBrowser = new MemberBrowser(base(), jdbc).signIn("ana.owner@example.org");
        assertThat(anaBrowser.form("/me/proxies", rows(Map.of(cy, "10"))).statusCode())
                .isEqualTo(303);

        // Ben's session posts Ana's form as it stands: the list changed is Ben's, never Ana's
        MemberBrowser benBrowser = new MemberBrowser(base(), jdbc).signIn("ben.other@example.org");
        Map<String, String> fields = rows(Map.of(cy, ""));
        fields.put("memberId", Long.toString(ana));
        assertThat(benBrowser.form("/me/proxies", fields).statusCode()).isEqualTo(303);
        assertThat(standing(ana)).containsExactly(cy + ":10");
        // Ben's session with Ana's form key is refused
        Map<String, String> withAnasKey = rows(Map.of(cy, ""));
        withAnasKey.put("formKey", anaBrowser.formKey());
        assertThat(benBrowser.post("/me/proxies", withAnasKey).statusCode()).isEqualTo(403);
        assertThat(standing(ana)).containsExactly(cy + ":10");

        ConsoleHttp staff = new ConsoleHttp(base());
        assertThat(staff.signIn("ada", password("ada"))).endsWith("/");
        HttpResponse<String> page = staff.get("/me/proxies");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/me/sign-in");
        assertThat(staff.send(
                                "POST",
                                "/me/proxies",
                                Map.of("Content-Type", "application/x-www-form-urlencoded"),
                                "person_1=" + cy + "&share_1=")
                        .statusCode())
                .isIn(302, 403);
        assertThat(standing(ana)).containsExactly(cy + ":10");
        assertThat(ben).isPositive();
    }

    @Test
    void theUnitsMembersListsGaveMeInACountedRoundAreShown() throws Exception {
        String plan = jdbc.sql("select id from district_plan where is_current")
                .query(String.class)
                .single();
        long flo = members.join("SD-01", "Flo Flow", "flo.flow@example.org", null);
        long gil = members.join("SD-01", "Gil Giver", "gil.giver@example.org", null);
        long hal = members.join("SD-01", "Hal Giver", "hal.giver@example.org", null);
        CycleRecord cycle = cycles.create(plan, "SD-01", CycleSettings.defaults(), "alice", Instant.now());
        MemberBrowser browser = new MemberBrowser(base(), jdbc).signIn("flo.flow@example.org");
        assertThat(browser.get("/me/proxies").body()).contains("No counted round has given you units yet.");
        for (long[] row : new long[][] {{gil, 10}, {hal, 4}}) {
            jdbc.sql("insert into cycle_proxy (cycle_id, member_id, proxy_member_id, units) values (?, ?, ?, ?)")
                    .params(cycle.id(), row[0], flo, (int) row[1])
                    .update();
        }
        assertThat(browser.get("/me/proxies").body()).contains("<tr><td>" + cycle.id() + "</td><td>14</td></tr>");
    }

    /** The form's rows for these people, in the page's order (by name). */
    private Map<String, String> rows(Map<Long, String> shares) {
        Map<String, String> fields = new LinkedHashMap<>();
        int slot = 1;
        for (Map.Entry<Long, String> e : new java.util.TreeMap<>(shares).entrySet()) {
            fields.put("person_" + slot, Long.toString(e.getKey()));
            fields.put("share_" + slot, e.getValue());
            slot++;
        }
        return fields;
    }

    private void invited(long inviter, long invitee) {
        jdbc.sql("""
                insert into invitation (token_hash, inviter_member_id, group_id, channel, address, invitee_name,
                                        status, invitee_member_id, answered_at)
                select sha256(convert_to(gen_random_uuid()::text, 'UTF8')), ?, gm.group_id, 'EMAIL',
                       'x' || gen_random_uuid() || '@example.org', m.full_name, 'ACCEPTED', m.id, now()
                from group_membership gm, member m where gm.member_id = ? and gm.left_at is null and m.id = ?
                """).params(inviter, inviter, invitee).update();
    }

    private List<String> standing(long member) {
        return jdbc.sql("""
                select proxy_member_id || ':' || units from proxy_assignment
                where member_id = ? and cycle_id is null order by position""").param(member).query(String.class).list();
    }

    private List<String> audited(long member) {
        return jdbc.sql("select action from audit_log where actor = ?")
                .param("member " + member)
                .query(String.class)
                .list();
    }
}
