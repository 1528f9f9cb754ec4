package org.primarypipeline.console.nominations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.primarypipeline.console.ConsoleApplication;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.integrations.outreach.OutboxLedger;
import org.primarypipeline.vetting.PledgeRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The public nomination pages over HTTP against the whole app on a real PostgreSQL: bad input of every
 * kind is answered with the form and a clear message and stores nothing; the emailed links work once,
 * not after they expire, and the acceptance stores candidacy, profile and signature together or not at all.
 */
@SpringBootTest(
        classes = ConsoleApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "pp.prioritize.on-start=false",
            "pp.outreach.public-base-url=https://pp.example.org",
            "pp.nomination.per-ip-per-hour=100"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NominationPagesTest {

    @DynamicPropertySource
    static void freshDatabaseAndTemporalPort(DynamicPropertyRegistry registry) throws IOException {
        org.primarypipeline.console.FreshAppProperties.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    org.primarypipeline.console.cycles.CycleReadModel cycleReads;

    @Autowired
    CycleRepository cycles;

    @Autowired
    PledgeRepository pledge;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxLedger ledger;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String cycleId;

    /** A cycle in its nomination window, recorded as the workflow would (no workflow runs for it). */
    @BeforeAll
    void openWindow() {
        CycleRecord cycle = cycles.create("cd2026", "ME-01", CycleSettings.defaults(), "alice", Instant.now());
        cycles.enterStage(
                cycle.id(),
                CycleStage.NOMINATION_WINDOW,
                Instant.now().plus(Duration.ofDays(10)),
                0,
                "nominations open",
                "nominations-open");
        cycleId = cycle.id();
    }

    private Map<String, String> good() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("self", "false");
        form.put("nomineeName", "Ana Ortiz");
        form.put("nomineeEmail", "ana@example.org");
        form.put("nomineePhone", "");
        form.put("reason", "She ran the county food bank for a decade.");
        form.put("nominatorName", "Sam Lee");
        form.put("nominatorEmail", "sam@example.org");
        form.put("website", "");
        return form;
    }

    private int nominations() {
        return jdbc.sql("select count(*) from nomination").query(Integer.class).single();
    }

    private int messages() {
        return jdbc.sql("select count(*) from outbox_message")
                .query(Integer.class)
                .single();
    }

    private void refusedAndNothingStored(Map<String, String> form, String expected) throws Exception {
        int before = nominations();
        int mails = messages();
        HttpResponse<String> page = post("/nominate/" + cycleId, form);
        assertThat(page.statusCode()).as(expected).isEqualTo(400);
        assertThat(page.body()).as(expected).contains(expected).contains("<form");
        assertThat(page.body()).doesNotContain("<script");
        assertThat(nominations()).as(expected).isEqualTo(before);
        assertThat(messages()).as(expected).isEqualTo(mails);
    }

    @Test
    void badNominationsAreExplainedAndStoreNothing() throws Exception {
        HttpResponse<String> form = get("/nominate/" + cycleId);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Nominate a candidate for ME-01", "name=\"website\"");
        assertThat(form.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'");

        Map<String, String> f = good();
        f.put("nomineeName", "");
        refusedAndNothingStored(f, "The nominee&#39;s name is needed.");
        f = good();
        f.put("nomineeEmail", "");
        f.put("nomineePhone", "");
        refusedAndNothingStored(f, "The nominee&#39;s email or phone is needed, so we can ask them to accept.");
        f = good();
        f.put("nomineeEmail", "ana(at)example");
        refusedAndNothingStored(
                f, "The nominee&#39;s email is not an address we can write to; write it like name@example.org.");
        f = good();
        f.put("nomineePhone", "call me maybe");
        refusedAndNothingStored(
                f, "The nominee&#39;s phone is not a US phone number; write ten digits, like 207 555 0134.");
        f = good();
        f.put("reason", "x".repeat(2_001));
        refusedAndNothingStored(f, "at most 2000 are accepted");
        f = good();
        f.put("reason", "y".repeat(50_000));
        refusedAndNothingStored(f, "far too long");
        f = good();
        f.put("nomineeName", "<script>alert('x')</script>");
        refusedAndNothingStored(f, "contains HTML or script; write plain text only");
        f = good();
        f.put("nominatorEmail", "");
        refusedAndNothingStored(f, "Your email is needed: we send you a link to confirm the nomination.");

        // every problem at once, each beside its field, each a sentence said once
        f = good();
        f.put("nomineeName", "");
        f.put("nomineeEmail", "ana(at)example");
        f.put("nomineePhone", "call me maybe");
        f.put("nominatorEmail", "bo@");
        HttpResponse<String> all = post("/nominate/" + cycleId, f);
        assertThat(all.statusCode()).isEqualTo(400);
        assertThat(all.body())
                .contains("""
                        name="nomineeName" value="" maxlength="200" required></label>
                        <p class="field-error" role="alert">The nominee&#39;s name is needed.</p>""")
                .contains("""
                        name="nomineeEmail" value="ana(at)example" maxlength="254"></label>
                        <p class="field-error" role="alert">The nominee&#39;s email is not an address we can write to;\
                         write it like name@example.org.</p>""")
                .contains("""
                        name="nomineePhone" value="call me maybe" maxlength="30"></label>
                        <p class="field-error" role="alert">The nominee&#39;s phone is not a US phone number;\
                         write ten digits, like 207 555 0134.</p>""")
                .contains("""
                        name="nominatorEmail" value="bo@" maxlength="254"></label>
                        <p class="field-error" role="alert">Your email is not an address we can write to;\
                         write it like name@example.org.</p>""")
                .doesNotContain("box problem", "is not an address: ", "valid address: ");
        assertThat(all.body().split("class=\"field-error\"", -1)).hasSize(5);

        // a bot fills the hidden field: it is told "check your inbox" and nothing is stored
        f = good();
        f.put("website", "http://spam.example");
        int before = nominations();
        HttpResponse<String> bot = post("/nominate/" + cycleId, f);
        assertThat(bot.statusCode()).isEqualTo(200);
        assertThat(bot.body()).contains("Check your inbox");
        assertThat(nominations()).isEqualTo(before);

        // an unknown or closed cycle
        assertThat(get("/nominate/ME-02-9").statusCode()).isEqualTo(404);
    }

    @Test
    void linksWorkOnceNotAfterExpiryAndAcceptanceIsAllOrNothing() throws Exception {
        Map<String, String> f = good();
        f.put("nominatorEmail", "lee@example.org");
        f.put("nomineeEmail", "kim@example.org");
        f.put("nomineeName", "Kim Diaz");
        HttpResponse<String> sent = post("/nominate/" + cycleId, f);
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("We sent a link to lee@example.org");
        // not shown to staff before confirmation
        assertThat(jdbc.sql("select status from nomination where nominee_email = 'kim@example.org'")
                        .query(String.class)
                        .single())
                .isEqualTo("UNCONFIRMED");

        String confirm = token("nomination-confirm", "lee@example.org", "confirmUrl");
        assertThat(get("/nominate/confirm/" + confirm).body()).contains("You nominated Kim Diaz in ME-01", "Confirm");
        assertThat(post("/nominate/confirm", Map.of("token", confirm)).body()).contains("is confirmed");
        // the cycle page's Messages panel counts what went out during nominations (issue #19)
        assertThat(cycleReads.sending(cycleId))
                .extracting(org.primarypipeline.console.web.Progress::key)
                .contains("nomination-confirm", "nomination-received", "candidate-invitation");
        HttpResponse<String> replay = post("/nominate/confirm", Map.of("token", confirm));
        assertThat(replay.statusCode()).isEqualTo(410);
        assertThat(replay.body()).contains("already been used");
        assertThat(post("/nominate/confirm", Map.of("token", "forged-token")).statusCode())
                .isEqualTo(404);

        String accept = token("candidate-invitation", "kim@example.org", "acceptUrl");
        HttpResponse<String> page = get("/candidacy/accept/" + accept);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "Accept your nomination in ME-01",
                        pledge.current().contentHash(),
                        "I pledge to represent the people of my district");

        // every kind of bad acceptance: nothing stored, the form comes back with the message
        Map<String, String> a = acceptance(accept);
        a.remove("consent");
        assertAcceptRefused(a, "Tick the box to confirm you agree to the pledge.");
        a = acceptance(accept);
        a.put("photoUrl", "javascript:alert(1)");
        assertAcceptRefused(a, "contains HTML or script");
        a = acceptance(accept);
        a.put("contentHash", "sha256:older");
        assertAcceptRefused(a, "The pledge was updated while you were reading it");
        a = acceptance(accept);
        a.put("dateOfBirth", "02/04/1980");
        assertAcceptRefused(a, "Give your date of birth as YYYY-MM-DD.");
        // every problem of one submit at once: the date, the photo beside its field, the missing tick
        a = acceptance(accept);
        a.put("dateOfBirth", "02/04/1980");
        a.put("photoUrl", "javascript:alert(1)");
        a.remove("consent");
        assertAcceptRefused(a, "Give your date of birth as YYYY-MM-DD.");
        assertThat(post("/candidacy/accept", a).body())
                .contains("Tick the box to confirm you agree to the pledge.")
                .containsPattern("<p class=\"field-error\"[^>]*>The photo address contains HTML or script");
        // three bad eligibility answers: all said in one submit, each beside its own question (issue #19)
        a = acceptance(accept);
        a.put("dateOfBirth", "02/04/1980");
        a.put("citizenYears", "many");
        a.put("inhabitant", "");
        assertAcceptRefused(a, "Give your date of birth as YYYY-MM-DD.");
        assertThat(post("/candidacy/accept", a).body())
                .containsPattern("name=\"dateOfBirth\"[^\n]*\n<p class=\"field-error\"[^>]*>Give your date of birth")
                .containsPattern("name=\"citizenYears\"[^\n]*\n<p class=\"field-error\"[^>]*>Say how many years")
                .containsPattern("</select></label>\n<p class=\"field-error\"[^>]*>Say whether you will live");

        // ineligible: explained, the link still works
        a = acceptance(accept);
        a.put("inhabitant", "no");
        HttpResponse<String> ineligible = post("/candidacy/accept", a);
        assertThat(ineligible.statusCode()).isEqualTo(200);
        assertThat(ineligible.body())
                .contains("you cannot run for the House", "must be an inhabitant of the state they represent (ME)");
        assertThat(jdbc.sql("select count(*) from candidacy where cycle_id = ?")
                        .param(cycleId)
                        .query(Integer.class)
                        .single())
                .isZero();

        HttpResponse<String> accepted = post("/candidacy/accept", acceptance(accept));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.body()).contains("You have accepted");
        assertThat(jdbc.sql("""
                select k.status || '|' || c.full_name || '|' || c.statement || '|' || s.typed_name || '|' || s.ip || '|' || s.content_hash
                from candidacy k join candidate c on c.id = k.candidate_id join pledge_signature s on s.candidate_id = c.id
                where k.cycle_id = ?""").param(cycleId).query(String.class).single())
                .isEqualTo("ACCEPTED|Kim Diaz|I will answer to the district group.|Kim Diaz|127.0.0.1|"
                        + pledge.current().contentHash());
        HttpResponse<String> again = post("/candidacy/accept", acceptance(accept));
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(jdbc.sql("select count(*) from pledge_signature")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // an expired link
        jdbc.sql("update nomination_link set expires_at = now() - interval '1 minute' where used_at is null")
                .update();
        Map<String, String> other = good();
        other.put("nominatorEmail", "late@example.org");
        other.put("nomineeEmail", "late-nominee@example.org");
        post("/nominate/" + cycleId, other);
        String late = token("nomination-confirm", "late@example.org", "confirmUrl");
        jdbc.sql("update nomination_link set expires_at = now() - interval '1 minute' where used_at is null")
                .update();
        HttpResponse<String> expired = post("/nominate/confirm", Map.of("token", late));
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("This link has expired");
        assertThat(jdbc.sql("select status from nomination where nominator_email = 'late@example.org'")
                        .query(String.class)
                        .single())
                .isEqualTo("UNCONFIRMED");
    }

    @Test
    void theSameAddressCannotFloodNominations() throws Exception {
        int accepted = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 4; i++) {
            Map<String, String> f = good();
            f.put("nominatorEmail", "flood@example.org");
            f.put("nomineeEmail", "n" + i + "@example.org");
            last = post("/nominate/" + cycleId, f);
            if (last.statusCode() == 200) {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(3);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.body()).contains("too many nominations from flood@example.org today");
        assertThat(jdbc.sql("select count(*) from nomination where nominator_email = 'flood@example.org'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void aNomineeKnownOnlyByPhoneIsInvitedBySms() throws Exception {
        Map<String, String> f = good();
        f.put("nominatorEmail", "texter@example.org");
        f.put("nomineeName", "Pat Phone");
        f.put("nomineeEmail", "");
        f.put("nomineePhone", "(207) 287-1110");
        assertThat(post("/nominate/" + cycleId, f).statusCode()).isEqualTo(200);
        post("/nominate/confirm", Map.of("token", token("nomination-confirm", "texter@example.org", "confirmUrl")));
        assertThat(jdbc.sql(
                                "select channel || ' ' || recipient from outbox_message where template = 'candidate-invitation' "
                                        + "and model ->> 'candidateName' = 'Pat Phone'")
                        .query(String.class)
                        .single())
                .isEqualTo("SMS +12072871110");
    }

    /** Failed on the old code: the confirm and accept links stayed in outbox_message.model after sending. */
    @Test
    void sentNominationLinksLeaveNoUsableLinkInTheOutbox() throws Exception {
        Map<String, String> f = good();
        f.put("nominatorEmail", "keeper@example.org");
        f.put("nomineeEmail", "kept@example.org");
        f.put("nomineeName", "Kit Kept");
        assertThat(post("/nominate/" + cycleId, f).statusCode()).isEqualTo(200);
        post("/nominate/confirm", Map.of("token", token("nomination-confirm", "keeper@example.org", "confirmUrl")));
        token("candidate-invitation", "kept@example.org", "acceptUrl");

        for (String template : new String[] {"nomination-confirm", "candidate-invitation"}) {
            long id = jdbc.sql("select id from outbox_message where template = ? and recipient in (?, ?)")
                    .params(template, "keeper@example.org", "kept@example.org")
                    .query(Long.class)
                    .single();
            ledger.sent(id, "<m@example.org>", null, Instant.now());
            assertThat(jdbc.sql("select model::text from outbox_message where id = ?")
                            .param(id)
                            .query(String.class)
                            .single())
                    .as(template)
                    .doesNotContain("https://pp.example.org/")
                    .contains("Kit Kept");
        }
    }

    private void assertAcceptRefused(Map<String, String> form, String expected) throws Exception {
        HttpResponse<String> refused = post("/candidacy/accept", form);
        assertThat(refused.statusCode()).as(expected).isEqualTo(400);
        assertThat(refused.body()).as(expected).contains(expected.replace("'", "&#39;"));
        assertThat(jdbc.sql("select count(*) from candidacy where cycle_id = ?")
                        .param(cycleId)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from pledge_signature")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private Map<String, String> acceptance(String token) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("token", token);
        a.put("dateOfBirth", "1980-04-02");
        a.put("citizenYears", "40");
        a.put("inhabitant", "yes");
        a.put("fullName", "Kim Diaz");
        a.put("photoUrl", "https://example.org/kim.jpg");
        a.put("statement", "I will answer to the district group.");
        a.put("links", "https://example.org/kim");
        a.put("contentHash", pledge.current().contentHash());
        a.put("consent", "yes");
        a.put("typedName", "Kim Diaz");
        return a;
    }

    /** The token in the link an outbox message carries (the model is what the email is rendered from). */
    private String token(String template, String recipient, String field) {
        String url = jdbc.sql(
                        "select model ->> ? from outbox_message where template = ? and recipient = ? order by id desc limit 1")
                .params(field, template, recipient)
                .query(String.class)
                .single();
        Matcher m = Pattern.compile("/([A-Za-z0-9_-]{20,})$").matcher(url);
        assertThat(m.find()).as(url).isTrue();
        assertThat(url).startsWith("https://pp.example.org/");
        return m.group(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
