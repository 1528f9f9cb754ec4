package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.supporters.MemberRepository;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The signed-in member's home page through the whole app: what it shows, and every change a member
 * makes there (contact and consent, language, address and with it a move, leaving), each through the
 * one command, audited, refused beside its field when wrong, and only with the session's form key.
 */
class MemberHomeTest extends ConsoleTestSupport {

    @Autowired
    MemberRepository members;

    @Autowired
    CycleRepository cycles;

    @BeforeEach
    void freshLimits() {
        jdbc.sql("delete from member_sign_in").update();
    }

    @Test
    void theHomeShowsTheGroupAndTheContactDetailsAndConsent() throws Exception {
        members.join("VT-01", "Hana Home", "hana.home@example.org", null);
        MemberBrowser hana = new MemberBrowser(base(), jdbc).signIn("hana.home@example.org");
        HttpResponse<String> home = hana.get("/me");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'");
        assertThat(home.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(home.body())
                .contains("Hello, Hana Home", "You are a member of the VT-01 district group since")
                .contains("value=\"hana.home@example.org\"", "<label for=\"email\">")
                .doesNotContain("<script");
        assertThat(hana.get("/me?lang=es").body()).contains("Hola, Hana Home", "<html lang=\"es\">");
    }

    @Test
    void contactDetailsAndConsentChangeThroughTheOneCommandAndBadInputIsSaidBesideTheField() throws Exception {
        long ivo = members.join("VT-01", "Ivo Contact", "ivo.contact@example.org", null);
        MemberBrowser browser = new MemberBrowser(base(), jdbc).signIn("ivo.contact@example.org");

        HttpResponse<String> bad = browser.form("/me/contact", Map.of("email", "not-an-address", "phone", ""));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"email-error\">Write a whole email address", "value=\"not-an-address\"");
        HttpResponse<String> phoneOnly = browser.form("/me/contact", Map.of("email", "", "phone", "802-555-0190"));
        assertThat(phoneOnly.statusCode()).isEqualTo(400);
        assertThat(phoneOnly.body()).contains("id=\"phone-error\">With only a phone number");
        assertThat(email(ivo)).isEqualTo("ivo.contact@example.org");

        HttpResponse<String> saved = browser.form(
                "/me/contact", Map.of("email", "ivo.contact@example.org", "phone", "802-555-0191", "smsOk", "yes"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(jdbc.sql("select phone from member where id = ?")
                        .param(ivo)
                        .query(String.class)
                        .single())
                .isEqualTo("+18025550191");
        // email news unticked: a "no" for email; texts ticked for a number new to us: not opted in on its word
        assertThat(optedOut("EMAIL", "ivo.contact@example.org")).isEqualTo("true");
        assertThat(optedOut("SMS", "+18025550191")).isEqualTo("none");
        assertThat(actions(ivo)).contains("member.contact.changed");
    }

    @Test
    void aFormWithoutTheSessionsKeyChangesNothing() throws Exception {
        long kai = members.join("VT-01", "Kai Key", "kai.key@example.org", null);
        MemberBrowser browser = new MemberBrowser(base(), jdbc).signIn("kai.key@example.org");
        assertThat(browser.post("/me/language", Map.of("locale", "es")).statusCode())
                .isEqualTo(403);
        assertThat(browser.post("/me/language", Map.of("locale", "es", "formKey", "guessed"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(locale(kai)).isEqualTo("en");
        HttpResponse<String> done = browser.form("/me/language", Map.of("locale", "es"));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(locale(kai)).isEqualTo("es");
        assertThat(browser.get("/me").body()).contains("Hola, Kai Key");
        assertThat(actions(kai)).contains("member.language.changed");
    }

    @Test
    void aNewAddressInASplitZipAsksForTheDistrictAndMovesTheMemberToItsGroup() throws Exception {
        long mo = members.join("VT-01", "Mo Move", "mo.move@example.org", null);
        MemberBrowser browser = new MemberBrowser(base(), jdbc).signIn("mo.move@example.org");
        HttpResponse<String> bad = browser.form("/me/address", Map.of("street", "2 Pine St", "zip", "12"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"zip-error\">Write your five-digit ZIP code");

        HttpResponse<String> ask = browser.form("/me/address", Map.of("street", "2 Pine St", "zip", "98004"));
        assertThat(ask.statusCode()).isEqualTo(400);
        assertThat(ask.body()).contains("value=\"WA-01\"", "value=\"WA-09\"");
        assertThat(group(mo)).isEqualTo("VT-01");

        HttpResponse<String> moved =
                browser.form("/me/address", Map.of("street", "2 Pine St", "zip", "98004", "district", "WA-09"));
        assertThat(moved.statusCode()).isEqualTo(303);
        assertThat(moved.headers().firstValue("Location").orElseThrow()).contains("saved=moved");
        assertThat(group(mo)).isEqualTo("WA-09");
        assertThat(jdbc.sql("select count(*) from group_membership where member_id = ? and left_at is null")
                        .param(mo)
                        .query(Integer.class)
                        .single())
                .as("one open membership")
                .isEqualTo(1);
        assertThat(jdbc.sql("select district_source from member where id = ?")
                        .param(mo)
                        .query(String.class)
                        .single())
                .isEqualTo("MEMBER_CONFIRMED");
        assertThat(browser.get("/me?saved=moved").body()).contains("you are now a member of the WA-09 district group");
        assertThat(actions(mo)).contains("member.moved");
    }

    @Test
    void leavingAsksFirstThenClosesTheMembership() throws Exception {
        long lea = members.join("VT-01", "Lea Leave", "lea.leave@example.org", null);
        MemberBrowser browser = new MemberBrowser(base(), jdbc).signIn("lea.leave@example.org");
        assertThat(browser.get("/me/leave").body()).contains("Leave the VT-01 group?");
        assertThat(browser.form("/me/leave", Map.of()).statusCode()).isEqualTo(303);
        assertThat(group(lea)).as("not left without confirm=yes").isEqualTo("VT-01");
        assertThat(browser.form("/me/leave", Map.of("confirm", "yes")).statusCode())
                .isEqualTo(303);
        assertThat(group(lea)).isEqualTo("none");
        assertThat(browser.get("/me").body()).contains("You are not in a district group now.");
        assertThat(actions(lea)).contains("member.left");
    }

    @Test
    void theGroupsRoundShowsItsStageAndWhatTheMemberCanDoNow() throws Exception {
        String plan = jdbc.sql("select id from district_plan where is_current")
                .query(String.class)
                .single();
        members.join("RI-02", "Rui Round", "rui.round@example.org", null);
        CycleRecord cycle = cycles.create(plan, "RI-02", CycleSettings.defaults(), "alice", Instant.now());
        cycles.enterStage(
                cycle.id(),
                CycleStage.NOMINATION_WINDOW,
                Instant.now().plus(Duration.ofDays(10)),
                0,
                "nominations open",
                "nominations-open");
        MemberBrowser rui = new MemberBrowser(base(), jdbc).signIn("rui.round@example.org");
        String home = rui.get("/me").body();
        assertThat(home)
                .contains("<strong>" + cycle.id() + "</strong>: Nominations are open")
                .contains("href=\"/nominate/" + cycle.id() + "\"")
                .contains("Its rounds were launched by: alice.")
                .doesNotContain("/results/" + cycle.id(), "Send me my ballot link");
        assertThat(rui.get("/me?lang=es").body()).contains("href=\"/nominate/" + cycle.id() + "\"");
    }

    private String email(long member) {
        return jdbc.sql("select email from member where id = ?")
                .param(member)
                .query(String.class)
                .single();
    }

    private String locale(long member) {
        return jdbc.sql("select locale from member where id = ?")
                .param(member)
                .query(String.class)
                .single();
    }

    private String group(long member) {
        return jdbc.sql("""
                        select coalesce((select g.district_id from group_membership gm
                            join district_group g on g.id = gm.group_id
                            where gm.member_id = ? and gm.left_at is null), 'none')""").param(member).query(String.class).single();
    }

    private String optedOut(String channel, String address) {
        return jdbc.sql("select opted_out::text from consent where channel = ? and address = ?")
                .params(channel, address)
                .query(String.class)
                .optional()
                .orElse("none");
    }

    private java.util.List<String> actions(long member) {
        return jdbc.sql("select action from audit_log where target = ? order by id")
                .param(Long.toString(member))
                .query(String.class)
                .list();
    }
}
