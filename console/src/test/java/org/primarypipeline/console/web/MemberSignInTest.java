package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.primarypipeline.supporters.MemberRepository;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Signing in to the members' pages by a one-time link, through the whole app (real HTTP, the real
 * security chains, PostgreSQL): the link is single use, expires, is stored only as its hash; requests
 * are limited and tell nobody whether an address is a member's; a member's session reaches no console
 * page and a console account's session does not reach /me.
 */
class MemberSignInTest extends ConsoleTestSupport {

    @Autowired
    MemberRepository members;

    @BeforeEach
    void freshLimits() {
        // the limits count this test's one network address (127.0.0.1): each test starts from none
        jdbc.sql("delete from member_sign_in").update();
    }

    @Test
    void theLinkOpensTheHomeOnceIsStoredOnlyAsItsHashAndTheSessionEndsOnSignOut() throws Exception {
        long ana = members.join("TX-07", "Ana Signin", "ana.signin@example.org", null);
        MemberBrowser browser = new MemberBrowser(base(), jdbc);
        assertThat(browser.get("/me").headers().firstValue("Location").orElseThrow())
                .endsWith("/me/sign-in");

        HttpResponse<String> asked = browser.askForLink("Ana.Signin@example.org");
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("If Ana.Signin@example.org belongs to a member", "15 minutes");
        String link = browser.linkFor("ana.signin@example.org");
        String path = URI.create(link).getPath();
        String token = path.substring("/me/sign-in/".length());
        assertThat(token).hasSize(22);
        assertThat(jdbc.sql("select count(*) from member_sign_in where token_hash = sha256(convert_to(?, 'UTF8'))")
                        .param(token)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from member_sign_in s where s::text like ?")
                        .param("%" + token + "%")
                        .query(Integer.class)
                        .single())
                .isZero();

        // opening the link changes nothing (mail scanners open links); the button signs in
        HttpResponse<String> shown = browser.get(path);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body())
                .contains("<form method=\"post\" action=\"" + path)
                .doesNotContain("<script");
        assertThat(shown.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'");
        HttpResponse<String> opened = browser.post(path, Map.of());
        assertThat(opened.statusCode()).isEqualTo(303);
        String set = opened.headers().firstValue("Set-Cookie").orElseThrow();
        browser.cookie = set.substring(0, set.indexOf(';'));
        HttpResponse<String> home = browser.get("/me");
        assertThat(home.statusCode()).as(home.body()).isEqualTo(200);
        assertThat(home.body()).contains("Hello, Ana Signin", "TX-07");
        String sessionKey = browser.cookie.substring("pp_member=".length());
        assertThat(jdbc.sql("select count(*) from member_session s where s::text like ?")
                        .param("%" + sessionKey + "%")
                        .query(Integer.class)
                        .single())
                .isZero();

        // single use: the same link again, from any browser, signs nobody in
        MemberBrowser other = new MemberBrowser(base(), jdbc);
        HttpResponse<String> again = other.post(path, Map.of());
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(again.body()).contains("used already");

        // another site's form cannot post the link (it would sign the browser in as someone else)
        MemberBrowser victim = new MemberBrowser(base(), jdbc);
        victim.askForLink("ana.signin@example.org");
        String second = URI.create(victim.linkFor("ana.signin@example.org")).getPath();
        HttpResponse<String> crossSite = victim.send(
                "POST",
                second,
                "",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Origin", "https://evil.example"));
        assertThat(crossSite.headers().firstValue("Set-Cookie")).isEmpty();
        // nor from a no-referrer page of its own (the browser then says "Origin: null")
        HttpResponse<String> crossSiteNull = victim.send(
                "POST",
                second,
                "",
                Map.of(
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "Origin",
                        "null",
                        "Sec-Fetch-Site",
                        "cross-site"));
        assertThat(crossSiteNull.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(victim.get(second).statusCode()).as("not spent").isEqualTo(200);

        // signing out needs the session's form key; then the cookie opens nothing
        assertThat(browser.post("/me/sign-out", Map.of()).statusCode()).isEqualTo(403);
        HttpResponse<String> out = browser.form("/me/sign-out", Map.of());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/me/sign-in?signedOut");
        assertThat(browser.get("/me").statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select action from audit_log where target = ? and action like 'member.sign%' order by id")
                        .param(Long.toString(ana))
                        .query(String.class)
                        .list())
                .containsExactly("member.sign-in", "member.sign-out");
    }

    @Test
    void anExpiredLinkSignsNobodyIn() throws Exception {
        members.join("TX-07", "Eve Expired", "eve.expired@example.org", null);
        MemberBrowser browser = new MemberBrowser(base(), jdbc);
        browser.askForLink("eve.expired@example.org");
        String path = URI.create(browser.linkFor("eve.expired@example.org")).getPath();
        jdbc.sql("update member_sign_in set expires_at = now() - interval '1 second' where address = ?")
                .param("eve.expired@example.org")
                .update();
        assertThat(browser.get(path).statusCode()).isEqualTo(410);
        HttpResponse<String> post = browser.post(path, Map.of());
        assertThat(post.statusCode()).isEqualTo(410);
        assertThat(post.body()).contains("expired");
        assertThat(post.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(browser.post("/me/sign-in/not-a-token", Map.of()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theAnswerIsTheSameForAMemberAndForAStrangerAndOnlyTheMemberGetsALink() throws Exception {
        members.join("TX-07", "Mia Member", "mia.member@example.org", null);
        MemberBrowser browser = new MemberBrowser(base(), jdbc);
        HttpResponse<String> member = browser.askForLink("mia.member@example.org");
        HttpResponse<String> stranger = browser.askForLink("nobody.here@example.org");
        assertThat(stranger.statusCode()).isEqualTo(member.statusCode()).isEqualTo(200);
        assertThat(stranger.body().replace("nobody.here@example.org", "ADDRESS"))
                .isEqualTo(member.body().replace("mia.member@example.org", "ADDRESS"));
        assertThat(jdbc.sql("select count(*) from outbox_message where recipient = 'nobody.here@example.org'")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from outbox_message where recipient = 'mia.member@example.org'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        // bad input is said beside the field, and stores nothing
        HttpResponse<String> bad = browser.askForLink("not an address");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("class=\"field-error\" id=\"address-error\"", "aria-invalid=\"true\"");
    }

    @Test
    void requestsAreLimitedPerAddressAndPerNetworkAlikeForMembersAndStrangers() throws Exception {
        members.join("TX-07", "Lou Limit", "lou.limit@example.org", null);
        MemberBrowser browser = new MemberBrowser(base(), jdbc);
        for (String address : List.of("lou.limit@example.org", "stranger.limit@example.org")) {
            for (int i = 0; i < 3; i++) {
                assertThat(browser.askForLink(address).statusCode()).isEqualTo(200);
            }
            HttpResponse<String> limited = browser.askForLink(address);
            assertThat(limited.statusCode()).as(address).isEqualTo(429);
            assertThat(Long.parseLong(
                            limited.headers().firstValue("Retry-After").orElseThrow()))
                    .isBetween(1L, 3_600L);
        }
        // six requests so far from this network: four more are taken, then 429 for any address
        for (int i = 0; i < 4; i++) {
            assertThat(browser.askForLink("n" + i + ".limit@example.org").statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> network = browser.askForLink("fresh.limit@example.org");
        assertThat(network.statusCode()).isEqualTo(429);
        assertThat(network.headers().firstValue("Retry-After")).isPresent();
        assertThat(jdbc.sql("select count(*) from outbox_message where recipient = 'lou.limit@example.org'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void aMembersSessionOpensNoConsolePageAndAStaffSessionDoesNotOpenMe() throws Exception {
        members.join("TX-07", "Cora Cookie", "cora.cookie@example.org", null);
        MemberBrowser member = new MemberBrowser(base(), jdbc).signIn("cora.cookie@example.org");
        for (String page : List.of("/", "/cycles", "/supporters", "/audit", "/users")) {
            HttpResponse<String> refused = member.get(page);
            assertThat(refused.statusCode()).as(page).isEqualTo(302);
            assertThat(refused.headers().firstValue("Location").orElseThrow())
                    .as(page)
                    .endsWith("/login");
        }
        assertThat(member.get("/api/cycles").statusCode()).isEqualTo(401);
        assertThat(member.get("/me").statusCode()).isEqualTo(200);

        ConsoleHttp staff = new ConsoleHttp(base());
        assertThat(staff.signIn("ada", password("ada"))).endsWith("/");
        assertThat(staff.get("/cycles").statusCode()).isEqualTo(200);
        HttpResponse<String> me = staff.get("/me");
        assertThat(me.statusCode()).isEqualTo(302);
        assertThat(me.headers().firstValue("Location").orElseThrow()).endsWith("/me/sign-in");
        assertThat(staff.get("/me/leave").statusCode()).isEqualTo(302);
    }
}
