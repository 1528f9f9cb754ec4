package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The join page through the whole app (real HTTP, the real security chain, PostgreSQL): the ZIP places
 * the person, a split ZIP asks them to pick (recorded as their own word), every wrong field is said
 * beside it in the page's language and stores nothing, and the request leads into the confirmation
 * link, whose following records the consent and the language chosen.
 */
class JoinPageTest extends ConsoleTestSupport {

    @BeforeEach
    void freshLimits() {
        // the limits count this test's one network address (127.0.0.1)
        jdbc.sql("delete from join_request where requested_ip in ('127.0.0.1', '0:0:0:0:0:0:0:1')")
                .update();
    }

    private static Map<String, String> form(String name, String email, String zip) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("fullName", name);
        f.put("email", email);
        f.put("phone", "");
        f.put("street", "1 Main St");
        f.put("zip", zip);
        f.put("language", "en");
        f.put("website", "");
        return f;
    }

    @Test
    void theFormIsAPlainPageWithLabelsInEitherLanguage() throws Exception {
        MemberBrowser browser = new MemberBrowser(base(), jdbc);
        HttpResponse<String> en = browser.get("/join");
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(en.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'");
        assertThat(en.body())
                .doesNotContain("<script")
                .contains(
                        "<label for=\"fullName\">Your name</label>",
                        "<label for=\"zip\">ZIP code</label>",
                        "name=\"emailOk\"",
                        "name=\"smsOk\"",
                        "name=\"language\" value=\"en\" checked",
                        "href=\"/me/sign-in\"");
        HttpResponse<String> es = browser.get("/join?lang=es");
        assertThat(es.body())
                .contains("<html lang=\"es\">", "<label for=\"fullName\">Tu nombre</label>")
                .contains("name=\"language\" value=\"es\" checked")
                .doesNotContain("join.");
    }

    @Test
    void everyWrongFieldIsSaidBesideItAndNothingIsStored() throws Exception {
        MemberBrowser browser = new MemberBrowser(base(), jdbc);
        int before = requests();
        Map<String, String> bad = form("", "not-an-address", "12");
        bad.put("phone", "12");
        HttpResponse<String> refused = browser.post("/join", bad);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains(
                        "id=\"fullName-error\">Write your name",
                        "id=\"email-error\">Write a whole email address",
                        "id=\"phone-error\">Write a US mobile number",
                        "id=\"zip-error\">Write your five-digit ZIP code",
                        "aria-describedby=\"zip-error\"",
                        "value=\"not-an-address\"");
        HttpResponse<String> spanish = browser.post("/join?lang=es", form("Ana", "ana@example.org", ""));
        assertThat(spanish.statusCode()).isEqualTo(400);
        assertThat(spanish.body()).contains("id=\"zip-error\">Escribe tu código postal: nos dice tu distrito.");
        Map<String, String> phoneOnly = form("Pat Phone", "", "05401");
        phoneOnly.put("phone", "802-555-0142");
        assertThat(browser.post("/join", phoneOnly).body())
                .contains("id=\"smsOk-error\">With only a phone number we can reach you by text alone");
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void theZipPlacesTheMemberAndFollowingTheLinkRecordsTheirConsentAndLanguage() throws Exception {
        MemberBrowser browser = new MemberBrowser(base(), jdbc);
        Map<String, String> f = form("Rosa Join", "rosa.join@example.org", "05401");
        f.put("language", "es");
        f.put("emailOk", "yes");
        f.put("phone", "802-555-0177");
        HttpResponse<String> sent = browser.post("/join", f);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(sent.body()).contains("rosa.join@example.org", "VT-01").doesNotContain("<script");
        assertThat(jdbc.sql("select count(*) from member where email = 'rosa.join@example.org'")
                        .query(Integer.class)
                        .single())
                .as("nobody is a member before the link is followed")
                .isZero();

        long rosa = JoinLinks.follow(base(), jdbc, "rosa.join@example.org");
        assertThat(jdbc.sql("select locale || ' ' || district_id || ' ' || joined_via from member where id = ?")
                        .param(rosa)
                        .query(String.class)
                        .single())
                .isEqualTo("es VT-01 CONFIRMED_LINK");
        assertThat(consent("EMAIL", "rosa.join@example.org")).isEqualTo("true join-page");
        assertThat(consent("SMS", "+18025550177")).isEqualTo("false join-page");
    }

    @Test
    void aSplitZipAsksTheMemberToPickAndTheirPickIsRecordedAsTheirs() throws Exception {
        MemberBrowser browser = new MemberBrowser(base(), jdbc);
        Map<String, String> f = form("Sam Split", "sam.split@example.org", "98004");
        HttpResponse<String> ask = browser.post("/join", f);
        assertThat(ask.statusCode()).isEqualTo(400);
        assertThat(ask.body())
                .contains("Your ZIP spans more than one district", "value=\"WA-01\"", "value=\"WA-09\"")
                .contains("id=\"district-error\"")
                .contains("value=\"sam.split@example.org\"");
        f.put("district", "WA-09");
        HttpResponse<String> sent = browser.post("/join", f);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(sent.body()).contains("WA-09");
        // a district that is not one of the ZIP's is not taken
        f.put("district", "VT-01");
        assertThat(browser.post("/join", f).statusCode()).isEqualTo(400);

        long sam = JoinLinks.follow(base(), jdbc, "sam.split@example.org");
        assertThat(jdbc.sql("select district_id || ' ' || district_source from member where id = ?")
                        .param(sam)
                        .query(String.class)
                        .single())
                .isEqualTo("WA-09 MEMBER_CONFIRMED");
    }

    @Test
    void aFloodIsAnsweredWithRetryAfterBesideTheForm() throws Exception {
        MemberBrowser browser = new MemberBrowser(base(), jdbc);
        HttpResponse<String> last = null;
        for (int i = 0; i < 40 && (last == null || last.statusCode() != 429); i++) {
            last = browser.post("/join", form("Flo " + i, "flo" + i + ".flood@example.org", "05401"));
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(last.body()).contains("role=\"alert\"", "Please try again in");
    }

    private int requests() {
        return jdbc.sql("select count(*) from join_request")
                .query(Integer.class)
                .single();
    }

    private String consent(String channel, String address) {
        return jdbc.sql("select (not opted_out) || ' ' || source from consent where channel = ? and address = ?")
                .params(channel, address)
                .query(String.class)
                .optional()
                .orElse("none");
    }
}
