package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Console forms say every problem of a refused submit at once, each as a sentence beside its field,
 * and keep what was typed (never a password); over real HTTP through the console's security chain.
 */
class ConsoleFormErrorsTest extends ConsoleTestSupport {

    @Test
    void aRefusedAccountSaysEveryProblemBesideItsField() throws Exception {
        ConsoleHttp ada = new ConsoleHttp(base());
        ada.signIn("ada", password("ada"));
        HttpResponse<String> refused = ada.form(
                "/users",
                ada.csrf("/users"),
                Map.of(
                        "username", "x y",
                        "role", "overlord",
                        "password", "short-pw",
                        "confirm", "something else"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("The account was not added; fix the marked fields.")
                .contains("value=\"x y\"")
                .contains("aria-describedby=\"name-hint username-error\"")
                .contains("<span class=\"field-error\" id=\"username-error\">An account name is 2 to 40 letters")
                .contains("aria-describedby=\"role-error\"")
                .contains("<span class=\"field-error\" id=\"role-error\">Choose one of the roles: admin, staff,"
                        + " finance, auditor or organizer.</span>")
                .contains("aria-describedby=\"pw-hint password-error\"")
                .contains("<span class=\"field-error\" id=\"password-error\">A password needs at least 12"
                        + " characters.</span>")
                .contains("aria-describedby=\"confirm-error\"")
                .contains("<span class=\"field-error\" id=\"confirm-error\">The two passwords differ;")
                .doesNotContain("short-pw")
                .doesNotContain("something else");
        assertThat(jdbc.sql("""
                select count(*) from audit_log where actor = 'ada' and action = 'user.add'
                  and target = 'user x y' and outcome = 'REFUSED'
                """).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aTakenNameKeepsTheChosenRoleAndIsSaidBesideTheName() throws Exception {
        ConsoleHttp ada = new ConsoleHttp(base());
        ada.signIn("ada", password("ada"));
        HttpResponse<String> refused = ada.form(
                "/users",
                ada.csrf("/users"),
                Map.of(
                        "username", "alice",
                        "role", "finance",
                        "password", "a long enough passphrase",
                        "confirm", "a long enough passphrase"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("<span class=\"field-error\" id=\"username-error\">An account named alice exists already;")
                .contains("<option value=\"finance\" selected>")
                .doesNotContain("id=\"password-error\"")
                .doesNotContain("a long enough passphrase");
    }

    @Test
    void aRefusedExtensionSaysBothProblemsBesideTheirFieldsAndKeepsWhatWasTyped() throws Exception {
        ConsoleHttp alice = new ConsoleHttp(base());
        HttpResponse<String> launched = alice.api("POST", "/api/cycles", "alice", "{\"district\":\"OH-07\"}");
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(201);
        String cycle = new ObjectMapper().readTree(launched.body()).path("id").asText();
        awaitStarted(cycle);
        alice.signIn("alice", password("alice"));
        String longReason = "because ".repeat(70).strip();

        HttpResponse<String> refused = alice.form(
                "/cycles/" + cycle + "/extend",
                alice.csrf("/cycles/" + cycle),
                Map.of("extension", "3m", "reason", longReason));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("The window was not extended; fix the marked fields.")
                .contains("value=\"3m\"")
                .contains("value=\"" + longReason + "\"")
                .contains("aria-describedby=\"extension-error\"")
                .contains("<span class=\"field-error\" id=\"extension-error\">Extension: “3m” could mean minutes or"
                        + " months;")
                .contains("aria-describedby=\"reason-error\"")
                .contains("<span class=\"field-error\" id=\"reason-error\">A reason is at most 500 characters;"
                        + " this one has 559; shorten it.</span>");
        assertThat(jdbc.sql("""
                select count(*) from audit_log where actor = 'alice' and action = 'cycle.extend'
                  and target = ? and outcome = 'REFUSED'
                """).param(cycle).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select count(*) from audit_log where action = 'cycle.extend' and target = ? and outcome = 'DONE'
                """).param(cycle).query(Integer.class).single())
                .as("nothing was extended")
                .isZero();
    }

    @Test
    void aRefusedContactSaysBothProblemsBesideTheirFieldsAndKeepsWhatWasTyped() throws Exception {
        ConsoleHttp alice = new ConsoleHttp(base());
        HttpResponse<String> launched = alice.api("POST", "/api/cycles", "alice", "{\"district\":\"OH-08\"}");
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(201);
        String cycle = new ObjectMapper().readTree(launched.body()).path("id").asText();
        awaitStarted(cycle);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("select count(*) from candidacy where cycle_id = ? and source = 'SITTING_MEMBER'")
                                .param(cycle)
                                .query(Integer.class)
                                .single()
                        > 0);
        long candidacy = jdbc.sql("select id from candidacy where cycle_id = ? and source = 'SITTING_MEMBER'")
                .param(cycle)
                .query(Long.class)
                .single();
        alice.signIn("alice", password("alice"));
        String page = "/cycles/" + cycle + "/candidacies/" + candidacy;

        HttpResponse<String> refused =
                alice.form(page + "/contact", alice.csrf(page), Map.of("email", "ana(at)example", "phone", "12"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("The contact was not recorded; fix the marked fields.")
                .contains("value=\"ana(at)example\"")
                .contains("value=\"12\"")
                .contains("aria-describedby=\"email-error\"")
                .contains("<span class=\"field-error\" id=\"email-error\">The email is not an address we can write"
                        + " to; write it like name@example.org.</span>")
                .contains("aria-describedby=\"phone-error\"")
                .contains("<span class=\"field-error\" id=\"phone-error\">The phone is not a US phone number;"
                        + " write ten digits, like 207 555 0134.</span>");
        assertThat(jdbc.sql("""
                select count(*) from audit_log where actor = 'alice' and action = 'candidacy.contact'
                  and target = ? and outcome = 'REFUSED'
                """)
                        .param(cycle + "/" + candidacy)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void someoneWithoutTheRightLearnsNothing() throws Exception {
        ConsoleHttp alice = new ConsoleHttp(base());
        alice.signIn("alice", password("alice"));
        HttpResponse<String> denied = alice.form(
                "/users", alice.csrf("/"), Map.of("username", "bob", "role", "admin", "password", "x", "confirm", "y"));

        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).doesNotContain("exists already").doesNotContain("passwords differ");
    }
}
